"""Permission checks and row locks shared by the event services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from twinning.events.models import Event, Meeting, Registration

if TYPE_CHECKING:
    from twinning.core.models import User


def require(user: User, permission: str, obj: Any = None) -> None:
    # rules' own check: Django's lets a superuser skip the state conditions of the workflow.
    if not rules.has_perm(permission, user, obj):
        raise PermissionDenied(_("You are not allowed to do this."))


def lock_event(event: Event) -> Event:
    """Re-read the event under a row lock: seats are counted against it."""
    return Event.objects.select_for_update().get(pk=event.pk)


def lock_registrations(*registrations: Registration) -> list[Registration]:
    """Lock participants in primary-key order, so two acceptances never wait on each other
    in opposite orders (a deadlock)."""
    ids = sorted({r.pk for r in registrations})
    return list(Registration.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def lock_meeting(meeting: Meeting) -> Meeting:
    """Re-read the meeting under a row lock; the caller's copy may be stale."""
    queryset = Meeting.objects.select_for_update(of=("self",)).select_related(
        "event", "request__requester__user", "request__recipient__user"
    )
    return queryset.get(pk=meeting.pk)
