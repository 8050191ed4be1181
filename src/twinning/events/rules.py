"""Named permissions for events, meeting requests, agendas and feedback (django-rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules
from django.utils import timezone

from twinning.core.rules import is_operator
from twinning.events.models import (
    MEETING_REQUEST_FLOW,
    Event,
    Meeting,
    MeetingRequest,
    Registration,
)

if TYPE_CHECKING:
    from twinning.core.models import User


@rules.predicate
def is_visible_event(user: User, event: Event | None) -> bool:
    return event is not None and event.status == Event.Status.PUBLISHED and bool(event.is_public)


@rules.predicate
def is_registered(user: User, event: Event | None) -> bool:
    if event is None or not user.is_authenticated:
        return False
    mine = event.registrations.filter(user=user)
    return mine.exclude(status=Registration.Status.CANCELLED).exists()


@rules.predicate
def is_participant(user: User, event: Event | None) -> bool:
    """Approved for the event: may browse the others and ask for meetings."""
    if event is None or not user.is_authenticated:
        return False
    return event.registrations.filter(user=user, status=Registration.Status.APPROVED).exists()


@rules.predicate
def is_invited(user: User, event: Event | None) -> bool:
    """An invitation went to the user's address: the way into a private event."""
    if event is None or not user.is_authenticated:
        return False
    return event.invitations.filter(email__iexact=user.email).exists()


@rules.predicate
def is_registration_open(user: User, event: Event | None) -> bool:
    if event is None or event.status != Event.Status.PUBLISHED:
        return False
    now = timezone.now()
    opens, closes = event.registration_opens_at, event.registration_closes_at
    return (opens is None or opens <= now) and (closes is None or now < closes)


@rules.predicate
def is_own_registration(user: User, registration: Registration | None) -> bool:
    return registration is not None and registration.user_id == user.pk


@rules.predicate
def is_approved_registration(user: User, registration: Registration | None) -> bool:
    return registration is not None and registration.status == Registration.Status.APPROVED


@rules.predicate
def is_request_recipient(user: User, request: MeetingRequest | None) -> bool:
    return request is not None and request.recipient.user_id == user.pk


@rules.predicate
def is_request_party(user: User, request: MeetingRequest | None) -> bool:
    if request is None:
        return False
    return user.pk in {request.requester.user_id, request.recipient.user_id}


@rules.predicate
def is_meeting_party(user: User, meeting: Meeting | None) -> bool:
    return meeting is not None and is_request_party(user, meeting.request)


@rules.predicate
def is_meeting_over(user: User, meeting: Meeting | None) -> bool:
    if meeting is None or meeting.status == Meeting.Status.CANCELLED:
        return False
    if meeting.status == Meeting.Status.HELD:
        return True
    slot = meeting.published_slot
    return slot is not None and slot.ends_at <= timezone.now()


can_view_event = is_visible_event | is_registered | is_operator
can_register = is_registration_open & ~is_registered & (is_visible_event | is_invited)
can_browse_participants = is_participant | is_operator
can_request_meeting = is_own_registration & is_approved_registration
can_respond_request = is_request_recipient & MEETING_REQUEST_FLOW.rule("accept")
can_cancel_request = is_request_party & MEETING_REQUEST_FLOW.rule("cancel")
can_view_agenda = is_own_registration | is_operator
can_give_feedback = is_meeting_party & is_meeting_over

rules.add_perm("events.view_event", can_view_event)
rules.add_perm("events.register", can_register)
rules.add_perm("events.manage_event", is_operator)
rules.add_perm("events.browse_participants", can_browse_participants)
rules.add_perm("events.request_meeting", can_request_meeting)
rules.add_perm("events.respond_request", can_respond_request)
rules.add_perm("events.cancel_request", can_cancel_request)
rules.add_perm("events.view_agenda", can_view_agenda)
rules.add_perm("events.edit_availability", can_view_agenda)
rules.add_perm("events.give_feedback", can_give_feedback)
