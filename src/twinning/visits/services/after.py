"""After the visit: attendance per session, a follow-up to the guests, outcomes per session."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.visits.models import Attendee, FollowUp, Session, SessionOutcome, Visit
from twinning.visits.services.common import lock_session, tell

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.organisations.models import Organisation


@transaction.atomic
def attendance_record(*, session: Session, by: User, present: Iterable[int]) -> int:
    """Mark who came among the guests who said yes: the others did not."""
    require(by, "visits.record_outcomes", session.visit)
    session = lock_session(session)
    came = set(present)
    guests = session.attendees.filter(state=Attendee.State.ACCEPTED)
    guests.filter(pk__in=came).update(attended=True)
    guests.exclude(pk__in=came).update(attended=False)
    audit_log(action="visit.attendance", actor=by, target=session, present=sorted(came))
    return guests.filter(attended=True).count()


@transaction.atomic
def follow_ups_send(*, visit: Visit, by: User) -> int:
    """Ask every guest who came (or said yes, where attendance was not taken) what came of it;
    once each."""
    require(by, "visits.send_follow_ups", visit)
    guests = (
        Attendee.objects.filter(session__visit=visit, state=Attendee.State.ACCEPTED)
        .exclude(attended=False)
        .filter(follow_up__isnull=True)
        .select_related("person__user", "session__venue", "session__visit")
    )
    sent = 0
    for attendee in guests:
        follow_up = FollowUp.objects.create(attendee=attendee)
        tell([attendee.person], "follow_up", session=attendee.session, follow_up=follow_up)
        sent += 1
    audit_log(action="visit.follow_ups_send", actor=by, target=visit, count=sent)
    return sent


@transaction.atomic
def follow_up_answer(*, follow_up: FollowUp, by: User, answer: str) -> FollowUp:
    follow_up = (
        FollowUp.objects.select_for_update().select_related("attendee__person").get(pk=follow_up.pk)
    )
    require(by, "visits.answer_follow_up", follow_up.attendee)
    if not answer.strip():
        raise ValidationError({"answer": _("Tell us in a few words what came of the meeting.")})
    follow_up.answer, follow_up.answered_at = answer.strip(), timezone.now()
    follow_up.save(update_fields=["answer", "answered_at"])
    audit_log(action="visit.follow_up_answer", actor=by, target=follow_up)
    return follow_up


@transaction.atomic
def outcome_record(
    *, session: Session, by: User, description: str, organisation: Organisation | None = None
) -> SessionOutcome:
    require(by, "visits.record_outcomes", session.visit)
    outcome = SessionOutcome(
        session=session, organisation=organisation, description=description.strip(),
        recorded_by=by,
    )  # fmt: skip
    outcome.full_clean()
    outcome.save()
    audit_log(action="visit.outcome_record", actor=by, target=session, outcome=outcome.pk)
    return outcome
