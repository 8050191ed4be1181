"""The events part of a person's export (registrations, meeting requests and meetings, their
feedback, check-ins, invitations to their e-mail address), and of their erasure (invitations
are kept by e-mail address, not by account, so they go by address)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.events.models import (
    CheckIn,
    Invitation,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Registration,
)


def personal_data(*, user: User) -> dict[str, Any]:
    registrations = Registration.objects.filter(user=user).order_by("pk")
    # By the person's registrations' ids: an OR over the join read every request of the platform.
    mine = list(registrations.values_list("pk", flat=True))
    requests = MeetingRequest.objects.filter(
        Q(requester_id__in=mine) | Q(recipient_id__in=mine)
    ).order_by("pk")
    return {
        "registrations": records(registrations),
        "meeting_requests": records(requests),
        "meetings": records(Meeting.objects.filter(request__in=requests).order_by("pk")),
        "meeting_feedback": records(
            MeetingFeedback.objects.filter(registration__user=user).order_by("pk")
        ),
        "check_ins": records(CheckIn.objects.filter(registration__user=user).order_by("pk")),
        "invitations": records(_invitations_to(user).order_by("pk")),
    }


def _invitations_to(user: User) -> Any:
    return Invitation.objects.filter(email__iexact=user.email)


def invitations_erase(*, user: User) -> None:
    """Account deletion's hook: invitations sent to the person's address go with the account."""
    _invitations_to(user).delete()


def rejected_registrations_due(*, now: Any, dry_run: bool) -> list[str]:
    """Retention: registrations an operator did not accept, `rejected_registration_months`
    after the decision."""
    import datetime as dt

    from django.conf import settings

    months = settings.RETENTION["rejected_registration_months"]
    cutoff = now - dt.timedelta(days=30 * months)
    due = Registration.objects.filter(status=Registration.Status.REJECTED).filter(
        Q(decided_at__lt=cutoff) | Q(decided_at__isnull=True, created_at__lt=cutoff)
    )
    lines = [f"rejected registration #{r.pk} for event #{r.event_id}" for r in due.order_by("pk")]
    if lines and not dry_run:
        due.delete()
    return lines
