"""Events, registration with approval, and invitations with RSVP."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.models import User
from twinning.core.rules import require
from twinning.core.services import audit_log, notify
from twinning.core.slugs import unique_slug
from twinning.events.models import (
    EVENT_FLOW,
    INVITATION_FLOW,
    REGISTRATION_FLOW,
    Event,
    Invitation,
    Meeting,
    MeetingRequest,
    Registration,
)
from twinning.events.models.event import LANGUAGE_CODES, new_token
from twinning.events.services.access import lock_event

if TYPE_CHECKING:
    from twinning.organisations.models import Organisation
    from twinning.programmes.models import Programme

EVENT_FIELDS = {
    "kind", "title_ru", "title_kk", "description", "venue", "address", "time_zone", "is_public",
    "capacity", "registration_opens_at", "registration_closes_at", "requires_approval",
    "meeting_limit", "request_limit", "request_expiry_hours", "max_break_spread",
    "title_en", "starts_on", "ends_on",
}  # fmt: skip


def languages_value(codes: Iterable[str]) -> str:
    wanted = set(codes)
    return ",".join(code for code in LANGUAGE_CODES if code in wanted)


def _unique_slug(title: str) -> str:
    return unique_slug(
        title, taken=lambda slug: Event.objects.filter(slug=slug).exists(), fallback="event"
    )


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")


@transaction.atomic
def event_create(*, programme: Programme, by: User, title_en: str, **fields: Any) -> Event:
    require(by, "events.manage_event")
    _check_fields(fields)
    event = Event(
        programme=programme,
        title_en=title_en,
        slug=_unique_slug(title_en),
        created_by=by,
        **fields,
    )
    event.full_clean()
    event.save()
    audit_log(action="event.create", actor=by, target=event)
    return event


@transaction.atomic
def event_update(*, event: Event, by: User, **fields: Any) -> Event:
    require(by, "events.manage_event", event)
    _check_fields(fields)
    event = lock_event(event)
    for name, value in fields.items():
        setattr(event, name, value)
    event.sequence += 1
    event.full_clean()
    event.save()
    audit_log(action="event.update", actor=by, target=event, fields=sorted(fields))
    return event


@transaction.atomic
def event_publish(*, event: Event, by: User) -> Event:
    require(by, "events.manage_event", event)
    event = lock_event(event)
    EVENT_FLOW.move(event, "publish")
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    audit_log(action="event.publish", actor=by, target=event)
    return event


@transaction.atomic
def event_cancel(*, event: Event, by: User) -> Event:
    require(by, "events.manage_event", event)
    event = lock_event(event)
    EVENT_FLOW.move(event, "cancel")
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    audit_log(action="event.cancel", actor=by, target=event)
    for registration in event.registrations.filter(status=Registration.Status.APPROVED):
        notify(
            recipient=registration.user,
            template="events/email/event_cancelled",
            context={"event": event},
        )
    return event


def _approved_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.APPROVED).count()


def _take_seat(event: Event) -> None:
    """Under the event's row lock: refuse when every seat is taken."""
    locked = lock_event(event)
    if locked.capacity is not None and _approved_count(locked) >= locked.capacity:
        raise ValidationError(_("The event is full."))


def _default_languages(user: User, organisation: Organisation | None) -> list[str]:
    if organisation is not None and organisation.working_languages:
        return organisation.working_languages.split(",")
    return [user.language or "en"]


@transaction.atomic
def registration_create(
    *,
    event: Event,
    user: User,
    organisation: Organisation | None = None,
    languages: Iterable[str] | None = None,
    looking_for: str = "",
    participation: str = "",
) -> Registration:
    """Register for an event. Without `languages`, the organisation's working languages (or the
    person's own) are taken; an empty choice is refused rather than stored as English."""
    require(user, "events.register", event)
    if participation not in Registration.Participation.values:
        raise ValidationError({"participation": _("Choose one of the offered values.")})
    chosen = None if languages is None else [code for code in languages if code]
    if chosen == []:
        raise ValidationError({"languages": _("Tick at least one language you can meet in.")})
    if organisation is not None and not user.organisations.filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": _("You can only represent your own organisation.")})
    # Someone who cancelled registers again on the same row (one registration per person).
    registration, _created = Registration.objects.select_for_update().update_or_create(
        event=event,
        user=user,
        defaults={
            "organisation": organisation,
            "languages": languages_value(chosen or _default_languages(user, organisation)),
            "looking_for": looking_for,
            "participation": participation,
            "status": Registration.Status.PENDING,
            "decided_by": None,
            "decided_at": None,
        },
    )
    audit_log(action="registration.create", actor=user, target=registration)
    if not event.requires_approval:
        _approve(registration, by=None)
    return registration


def _approve(registration: Registration, *, by: User | None) -> Registration:
    _take_seat(registration.event)
    registration.status = Registration.Status.APPROVED
    registration.decided_by, registration.decided_at = by, timezone.now()
    registration.save(update_fields=["status", "decided_by", "decided_at"])
    audit_log(action="registration.approve", actor=by, target=registration)
    notify(
        recipient=registration.user,
        template="events/email/registration_approved",
        context={"event": registration.event, "registration": registration},
    )
    return registration


def _lock_registration(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=registration.pk)
    )


@transaction.atomic
def registration_approve(*, registration: Registration, by: User) -> Registration:
    require(by, "events.manage_event", registration.event)
    registration = _lock_registration(registration)
    if registration.status == Registration.Status.APPROVED:
        return registration
    REGISTRATION_FLOW.move(registration, "approve")
    return _approve(registration, by=by)


@transaction.atomic
def registration_reject(*, registration: Registration, by: User) -> Registration:
    require(by, "events.manage_event", registration.event)
    registration = _lock_registration(registration)
    REGISTRATION_FLOW.move(registration, "reject")
    registration.decided_by, registration.decided_at = by, timezone.now()
    registration.save(update_fields=["status", "decided_by", "decided_at"])
    _withdraw_requests(registration)
    audit_log(action="registration.reject", actor=by, target=registration)
    notify(
        recipient=registration.user,
        template="events/email/registration_rejected",
        context={"event": registration.event, "registration": registration},
    )
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, by: User) -> Registration:
    if registration.user_id != by.pk:
        require(by, "events.manage_event", registration.event)
    registration = _lock_registration(registration)
    REGISTRATION_FLOW.move(registration, "cancel")
    registration.save(update_fields=["status"])
    _withdraw_requests(registration)
    audit_log(action="registration.cancel", actor=by, target=registration)
    return registration


def _withdraw_requests(registration: Registration) -> None:
    """A participant who leaves takes their open requests and meetings with them."""
    sent, received = registration.requests_sent.all(), registration.requests_received.all()
    open_requests = (sent | received).filter(status__in=MeetingRequest.OPEN)
    Meeting.objects.filter(request__in=open_requests).update(
        status=Meeting.Status.CANCELLED, locked=False
    )
    open_requests.update(status=MeetingRequest.Status.CANCELLED, responded_at=timezone.now())


@transaction.atomic
def invitation_send(
    *, event: Event, by: User, email: str, name: str = "", language: str = "en"
) -> Invitation:
    require(by, "events.manage_event", event)
    invitation, _created = Invitation.objects.get_or_create(
        event=event,
        email=email.strip().lower(),
        defaults={"name": name, "language": language, "invited_by": by},
    )
    # The invitee may have no account yet: an unsaved user carries the address and language.
    known = User.objects.filter(email__iexact=invitation.email).first()
    recipient = known or User(email=invitation.email, language=invitation.language, is_active=True)
    notify(
        recipient=recipient,
        template="events/email/invitation",
        context={"event": event, "invitation": invitation},
    )
    audit_log(action="invitation.send", actor=by, target=event, email=invitation.email)
    return invitation


@transaction.atomic
def invitation_respond(
    *, invitation: Invitation, attending: bool, user: User | None = None
) -> Invitation:
    """RSVP from the link in the e-mail.

    The link is the invitee's: only someone signed in with the invited address is registered by
    it, and only they cancel a registration by answering no (a forwarded link cannot). An
    operator's rejection stands whatever the answer.
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=invitation.pk)
    )
    event = invitation.event
    if event.status != Event.Status.PUBLISHED or event.ends_on < timezone.localdate():
        raise ValidationError(_("This event takes no more answers: it was cancelled or is over."))
    invitee = user is not None and user.is_authenticated and _is_invitee(invitation, user)
    if attending and not invitee:
        raise ValidationError(
            _("This invitation is for %(email)s: sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    INVITATION_FLOW.move(invitation, "accept" if attending else "decline")
    invitation.responded_at = timezone.now()
    if attending:
        invitation.registration = _register_invited(invitation.event, user)
    elif invitee and _cancellable(invitation.registration):
        registration_cancel(registration=invitation.registration, by=user)
    invitation.save(update_fields=["status", "responded_at", "registration"])
    audit_log(action="invitation.respond", actor=user, target=invitation, attending=attending)
    return invitation


def _cancellable(registration: Registration | None) -> bool:
    return registration is not None and registration.status != Registration.Status.REJECTED


def _is_invitee(invitation: Invitation, user: User) -> bool:
    return user.email.strip().lower() == invitation.email.strip().lower()


def _register_invited(event: Event, user: User) -> Registration:
    organisation = user.organisations.first()
    registration, _created = Registration.objects.get_or_create(
        event=event,
        user=user,
        defaults={
            "organisation": organisation,
            "languages": languages_value(_default_languages(user, organisation)),
        },
    )
    if registration.status in (Registration.Status.PENDING, Registration.Status.CANCELLED):
        _approve(registration, by=None)
    return registration


@transaction.atomic
def registration_feed_reset(*, registration: Registration, by: User) -> Registration:
    """A new secret calendar link; the old one stops working at once (a leaked link)."""
    if registration.user_id != by.pk:
        require(by, "events.manage_event", registration.event)
    registration = _lock_registration(registration)
    registration.feed_token = new_token()
    registration.save(update_fields=["feed_token"])
    audit_log(action="registration.feed_reset", actor=by, target=registration)
    return registration
