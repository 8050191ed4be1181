"""The meeting-request workflow: requested → accepted / declined / expired / cancelled.

Limits are checked under row locks on the participants, so two acceptances at the same moment
cannot together pass a participant's limit.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import rules
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.core.rules import require
from twinning.core.services import audit_log, notify
from twinning.events.models import (
    MEETING_REQUEST_FLOW,
    Event,
    Meeting,
    MeetingRequest,
    Registration,
)
from twinning.events.selectors import day_has_two_sessions
from twinning.events.services.access import lock_parties, lock_registrations
from twinning.events.services.brokerage import check_accept_rules, check_request_rules

if TYPE_CHECKING:
    from twinning.core.models import User

Status = MeetingRequest.Status


def _notify(request: MeetingRequest, to: Registration, template: str) -> None:
    notify(
        recipient=to.user,
        template=f"events/email/{template}",
        context={"request": request, "event": request.event, "other": request.other(to)},
    )


def _open_pair_exists(requester: Registration, recipient: Registration) -> bool:
    pair = MeetingRequest.objects.filter(
        requester__in=[requester, recipient], recipient__in=[requester, recipient]
    )
    return pair.filter(status__in=MeetingRequest.OPEN).exists()


def _check_can_ask(requester: Registration, recipient: Registration) -> None:
    if recipient.event_id != requester.event_id or recipient.pk == requester.pk:
        raise ValidationError(_("You can only ask another participant of the same event."))
    if recipient.status != Registration.Status.APPROVED:
        raise ValidationError(_("This person is not taking part in the event."))
    if _open_pair_exists(requester, recipient):
        raise ValidationError(_("There is already a request between you two."))
    event = requester.event
    open_sent = requester.requests_sent.filter(status__in=MeetingRequest.OPEN).count()
    if open_sent >= event.request_limit:
        raise ValidationError(
            ngettext(
                "You have reached the limit of %(limit)d request for this event.",
                "You have reached the limit of %(limit)d requests for this event.",
                event.request_limit,
            )
            % {"limit": event.request_limit}
        )


def _check_wish(event: Event, priority: int, session: str) -> None:
    if priority not in (1, 2, 3):
        raise ValidationError({"priority": [_("Choose a priority from the list.")]})
    if session not in MeetingRequest.Session.values:
        raise ValidationError({"session": [_("Choose a session from the list.")]})
    if session != MeetingRequest.Session.ANY and not day_has_two_sessions(event=event):
        raise ValidationError(
            {
                "session": [
                    _(
                        "This event has no separate morning and afternoon sessions, so a "
                        "session cannot be chosen."
                    )
                ]
            }
        )


@transaction.atomic
def request_create(
    *,
    requester: Registration,
    recipient: Registration,
    by: User,
    message: str = "",
    priority: int = 1,
    session: str = MeetingRequest.Session.ANY,
) -> MeetingRequest:
    """Ask for a meeting; `session` is the requester's wish for the morning or the afternoon."""
    require(by, "events.request_meeting", requester)
    event = requester.event
    _check_wish(event, priority, session)
    lock_registrations(requester, recipient)
    _check_can_ask(requester, recipient)
    check_request_rules(requester, recipient)
    request = MeetingRequest.objects.create(
        event=event,
        requester=requester,
        recipient=recipient,
        message=message.strip(),
        priority=priority,
        session=session,
        expires_at=timezone.now() + dt.timedelta(hours=event.request_expiry_hours),
    )
    audit_log(action="meeting_request.create", actor=by, target=request)
    _notify(request, recipient, "request_received")
    return request


def _fresh(request: MeetingRequest) -> MeetingRequest:
    related = ("event", "requester__user", "recipient__user")
    return MeetingRequest.objects.select_related(*related).get(pk=request.pk)


def _relock(request: MeetingRequest) -> MeetingRequest:
    return (
        MeetingRequest.objects.select_for_update(of=("self",))
        .select_related("event", "requester__user", "recipient__user")
        .get(pk=request.pk)
    )


def _accepted_count(registration: Registration) -> int:
    mine = MeetingRequest.objects.filter(status=Status.ACCEPTED, event_id=registration.event_id)
    return (mine.filter(requester=registration) | mine.filter(recipient=registration)).count()


def _expire(request: MeetingRequest) -> None:
    MEETING_REQUEST_FLOW.move(request, "expire")
    request.responded_at = timezone.now()
    request.save(update_fields=["status", "responded_at"])
    audit_log(action="meeting_request.expire", actor=None, target=request)


def request_accept(*, request: MeetingRequest, by: User) -> Meeting:
    request = _fresh(request)
    require(by, "events.respond_request", request)
    if request.expires_at <= timezone.now():
        # Recorded in its own transaction: the refusal must not roll the expiry back.
        with transaction.atomic():
            _expire(_relock(request))
        raise ValidationError(_("This request has expired."))
    return _accept(request, by)


@transaction.atomic
def _accept(request: MeetingRequest, by: User) -> Meeting:
    # Participants first, then the request: every writer takes the locks in this order. Their
    # parties' registrations at the programme's other events too: the cap counts them all.
    lock_parties(request.requester, request.recipient)
    request = _relock(request)
    require(by, "events.respond_request", request)
    limit = request.event.meeting_limit
    for side in (request.requester, request.recipient):
        if _accepted_count(side) >= limit:
            raise ValidationError(
                ngettext(
                    "%(name)s already has %(limit)d meeting, the most this event allows.",
                    "%(name)s already has %(limit)d meetings, the most this event allows.",
                    limit,
                )
                % {"name": side.display_name, "limit": limit}
            )
    check_accept_rules(request.requester, request.recipient)
    MEETING_REQUEST_FLOW.move(request, "accept")
    request.responded_at = timezone.now()
    request.save(update_fields=["status", "responded_at"])
    meeting = Meeting.objects.create(event=request.event, request=request)
    audit_log(action="meeting_request.accept", actor=by, target=request)
    _notify(request, request.requester, "request_accepted")
    return meeting


@transaction.atomic
def request_decline(*, request: MeetingRequest, by: User) -> MeetingRequest:
    request = _relock(request)
    require(by, "events.respond_request", request)
    MEETING_REQUEST_FLOW.move(request, "decline")
    request.responded_at = timezone.now()
    request.save(update_fields=["status", "responded_at"])
    audit_log(action="meeting_request.decline", actor=by, target=request)
    _notify(request, request.requester, "request_declined")
    return request


@transaction.atomic
def request_cancel(*, request: MeetingRequest, by: User) -> MeetingRequest:
    """Either side withdraws; an accepted meeting is cancelled with it."""
    request = _relock(request)
    if not rules.has_perm("events.manage_event", by, request.event):
        require(by, "events.cancel_request", request)
    # Operators may cancel any party's request, but only an open one: twice, or a declined or
    # expired one, would mail the other side again.
    MEETING_REQUEST_FLOW.move(request, "cancel")
    request.responded_at = timezone.now()
    request.save(update_fields=["status", "responded_at"])
    Meeting.objects.filter(request=request).update(status=Meeting.Status.CANCELLED, locked=False)
    audit_log(action="meeting_request.cancel", actor=by, target=request)
    other = request.recipient if by.pk == request.requester.user_id else request.requester
    _notify(request, other, "request_cancelled")
    return request


@transaction.atomic
def requests_expire_due(*, now: dt.datetime | None = None) -> int:
    """Expire every unanswered request whose time is up; returns how many."""
    due = MeetingRequest.objects.select_for_update().filter(
        status=Status.REQUESTED, expires_at__lte=now or timezone.now()
    )
    count = 0
    for request in due:
        _expire(request)
        count += 1
    return count
