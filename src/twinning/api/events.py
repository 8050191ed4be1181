"""Events: the public list, registration, participants, meeting requests, my agenda, and the
operators' scheduling run and publication. Every write is one of the events services."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.auth import OPTIONAL
from twinning.api.events_schemas import (
    AgendaItemOut,
    DayHoursOut,
    EarlierMeetingOut,
    EventDetailOut,
    EventOut,
    MeetingAfterIn,
    MeetingAfterOut,
    MeetingRequestIn,
    MeetingRequestOut,
    ParticipantOut,
    PublishIn,
    RegistrationIn,
    RegistrationOut,
    ScheduleRunIn,
    ScheduleRunOut,
    ScheduleVersionOut,
)
from twinning.api.forms import cleaned
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In
from twinning.events import selectors, selectors_brokerage, services
from twinning.events.forms import PublishForm
from twinning.events.models import Event, Meeting, MeetingRequest, Registration
from twinning.organisations.selectors import organisation_get

router = Router(tags=["events"])

MANAGE = "events.manage_event"


def _event(request: HttpRequest, slug: str, permission: str = "events.view_event") -> Event:
    """The event if the caller may see it (404 otherwise) and holds `permission` (else 403)."""
    event = selectors.event_get(slug=slug)
    if event is None or not request.user.has_perm("events.view_event", event):
        raise HttpError(404, _("Not found."))
    if not request.user.has_perm(permission, event):
        raise HttpError(403, "Forbidden.")
    return event


def _own_registration(request: HttpRequest, slug: str) -> Registration:
    registration = selectors.registration_of(event=_event(request, slug), user=request.user)
    if registration is None:
        raise HttpError(404, _("You are not registered for this event."))
    return registration


def event_out(event: Event) -> dict[str, Any]:
    fields = EventOut.model_fields
    return {name: getattr(event, name) for name in fields}


def registration_out(registration: Registration) -> RegistrationOut:
    organisation = registration.organisation
    return RegistrationOut(
        id=registration.pk,
        event=registration.event.slug,
        status=registration.status,
        organisation=organisation.slug if organisation else None,
        languages=registration.language_list,
        looking_for=registration.looking_for,
        participation=registration.participation,
    )


# ---------------------------------------------------------------- public


@router.get("/events", response=list[EventOut], auth=OPTIONAL, openapi_extra=pages("events:list"))
@paginate(LimitOffsetPagination)
def event_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Published public events; with a token, also those I registered for (operators: all)."""
    events = selectors.events_visible(user=request.user).order_by("-starts_on")
    return [event_out(event) for event in events]


@router.get(
    "/events/{slug}",
    response={200: EventDetailOut, 404: Error},
    auth=OPTIONAL,
    openapi_extra=pages("events:detail"),
)
def event_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One event; `hours` gives the meeting day in the event's zone and in each side's."""
    event = _event(request, slug)
    hours = [
        DayHoursOut(zone=h.zone, starts_at=h.starts_at, ends_at=h.ends_at)
        for h in selectors.day_hours(event=event)
    ]
    return {**event_out(event), "hours": hours}


# ---------------------------------------------------------------- registration


@router.get(
    "/me/registrations", response=list[RegistrationOut], openapi_extra=pages("events:register")
)
@paginate(LimitOffsetPagination)
def my_registrations(request: HttpRequest) -> list[RegistrationOut]:
    return [registration_out(r) for r in selectors.registrations_of_user(user=request.user)]


@router.post(
    "/events/{slug}/registrations",
    response={201: RegistrationOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("events:register"),
)
def register(request: HttpRequest, slug: str, payload: RegistrationIn) -> Status:
    """Register myself, optionally representing one of my organisations."""
    event = _event(request, slug)
    organisation = None
    if payload.organisation:
        organisation = organisation_get(slug=payload.organisation)
        if organisation is None:
            raise ValidationError({"organisation": [_("No such organisation.")]})
    registration = services.registration_create(
        event=event,
        user=request.user,
        organisation=organisation,
        languages=payload.languages,
        looking_for=payload.looking_for,
        participation=payload.participation,
    )
    return Status(201, registration_out(registration))


@router.delete(
    "/events/{slug}/registration",
    response={200: RegistrationOut, 400: FieldErrors, 404: Error},
    openapi_extra=pages("events:register"),
)
def cancel_registration(request: HttpRequest, slug: str) -> RegistrationOut:
    registration = _own_registration(request, slug)
    cancelled = services.registration_cancel(registration=registration, by=request.user)
    return registration_out(cancelled)


# ---------------------------------------------------------------- participants and requests


class ParticipantQuery(In):
    q: str = ""
    side: str = ""
    sector: str = ""
    language: str = ""


def participant_out(person: Any, open_requests: dict[int, MeetingRequest]) -> ParticipantOut:
    match = getattr(person, "match", None)
    organisation = person.organisation
    pending = open_requests.get(person.pk)
    return ParticipantOut(
        id=person.pk,
        name=person.display_name,
        organisation=organisation.slug if organisation else None,
        organisation_name=person.organisation_name,
        side=organisation.side.code if organisation else None,
        languages=person.language_list,
        looking_for=person.looking_for,
        score=match.score if match else None,
        reason=match.reason if match else "",
        open_request=pending.pk if pending else None,
    )


@router.get(
    "/events/{slug}/participants",
    response={200: list[ParticipantOut], 403: Error, 404: Error},
    openapi_extra=pages("events:participants"),
)
@paginate(LimitOffsetPagination)
def participants(
    request: HttpRequest, slug: str, filters: Query[ParticipantQuery]
) -> list[ParticipantOut]:
    """The approved participants I may ask for a meeting, best matches first; `id` is what a
    meeting request names as its recipient."""
    event = _event(request, slug, "events.browse_participants")
    viewer = selectors.registration_of(event=event, user=request.user)
    chosen = selectors.ParticipantFilter(
        query=filters.q.strip(), side=filters.side, sector=filters.sector, language=filters.language
    )
    people = selectors.rank_participants(
        list(selectors.participants(event=event, viewer=viewer, filters=chosen)),
        viewer,
        selectors.matches_for(registration=viewer),
    )
    open_requests = selectors.open_partners(registration=viewer) if viewer else {}
    return [participant_out(person, open_requests) for person in people]


def request_out(
    meeting_request: MeetingRequest, viewer_user_id: int, met_before: Event | None = None
) -> MeetingRequestOut:
    requester, recipient = meeting_request.requester, meeting_request.recipient
    direction = "sent" if requester.user_id == viewer_user_id else "received"
    return MeetingRequestOut(
        id=meeting_request.pk,
        event=meeting_request.event.slug,
        status=meeting_request.status,
        requester=requester.pk,
        requester_name=requester.display_name,
        recipient=recipient.pk,
        recipient_name=recipient.display_name,
        message=meeting_request.message,
        priority=meeting_request.priority,
        session=meeting_request.session,
        expires_at=meeting_request.expires_at,
        direction=direction,
        met_before=met_before.title if met_before else None,
    )


@router.get(
    "/events/{slug}/requests",
    response={200: list[MeetingRequestOut], 404: Error},
    openapi_extra=pages("events:my_requests"),
)
@paginate(LimitOffsetPagination)
def my_requests(request: HttpRequest, slug: str) -> list[MeetingRequestOut]:
    registration = _own_registration(request, slug)
    # Nothing expires requests on a timer, so lapsed ones are expired when someone looks.
    services.requests_expire_due()
    found = list(selectors.requests_of(registration=registration).select_related("event"))
    met = selectors_brokerage.met_before_map(
        registration=registration, others=[r.other(registration) for r in found]
    )
    return [request_out(r, request.user.pk, met.get(r.other(registration).pk)) for r in found]


@router.post(
    "/events/{slug}/requests",
    response={201: MeetingRequestOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("events:request_create"),
)
def request_meeting(request: HttpRequest, slug: str, payload: MeetingRequestIn) -> Status:
    requester = _own_registration(request, slug)
    recipient = selectors.registration_get(event=requester.event, pk=payload.recipient)
    if recipient is None:
        raise HttpError(404, _("No such participant in this event."))
    created = services.request_create(
        requester=requester,
        recipient=recipient,
        by=request.user,
        message=payload.message,
        priority=payload.priority,
        session=payload.session,
    )
    met = selectors_brokerage.met_before(first=requester, second=recipient)
    return Status(201, request_out(selectors.request_get(pk=created.pk), request.user.pk, met))


RESPONSES = {
    "accept": services.request_accept,
    "decline": services.request_decline,
    "cancel": services.request_cancel,
}
REQUEST_RESPONSES = {200: MeetingRequestOut, 400: FieldErrors, 403: Error, 404: Error}


def _respond(request: HttpRequest, pk: int, action: str) -> MeetingRequestOut:
    meeting_request = selectors.request_get(pk=pk)
    parties = (
        {meeting_request.requester.user_id, meeting_request.recipient.user_id}
        if meeting_request
        else set()
    )
    if meeting_request is None or (
        request.user.pk not in parties and not request.user.has_perm(MANAGE, meeting_request.event)
    ):
        raise HttpError(404, _("Not found."))
    RESPONSES[action](request=meeting_request, by=request.user)
    return request_out(selectors.request_get(pk=pk), request.user.pk)


@router.post(
    "/meeting-requests/{pk}/accept",
    response=REQUEST_RESPONSES,
    openapi_extra=pages("events:request_respond"),
)
def accept_request(request: HttpRequest, pk: int) -> MeetingRequestOut:
    """The recipient accepts: the meeting is then placed by the next scheduling run."""
    return _respond(request, pk, "accept")


@router.post(
    "/meeting-requests/{pk}/decline",
    response=REQUEST_RESPONSES,
    openapi_extra=pages("events:request_respond"),
)
def decline_request(request: HttpRequest, pk: int) -> MeetingRequestOut:
    return _respond(request, pk, "decline")


@router.post(
    "/meeting-requests/{pk}/cancel",
    response=REQUEST_RESPONSES,
    openapi_extra=pages("events:request_respond"),
)
def cancel_request(request: HttpRequest, pk: int) -> MeetingRequestOut:
    """Either side withdraws; an accepted meeting is cancelled with it."""
    return _respond(request, pk, "cancel")


# ---------------------------------------------------------------- agenda


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.astimezone(dt.UTC) if moment else None


def agenda_item(meeting: Meeting, registration: Registration) -> AgendaItemOut:
    requester, recipient = meeting.participants
    partner = recipient if requester.pk == registration.pk else requester
    slot, table = meeting.published_slot, meeting.published_table
    interpreter = meeting.published_interpreter
    return AgendaItemOut(
        id=meeting.pk,
        status=meeting.published_status,
        starts_at=_utc(slot.starts_at if slot else None),
        ends_at=_utc(slot.ends_at if slot else None),
        time_zone=meeting.event.time_zone,
        table=str(table) if table else None,
        partner=partner.display_name,
        partner_organisation=partner.organisation_name,
        interpreter=interpreter.name if interpreter else None,
        session=meeting.request.session,
    )


@router.get(
    "/events/{slug}/agenda",
    response={200: list[AgendaItemOut], 404: Error},
    openapi_extra=pages("events:agenda"),
)
@paginate(LimitOffsetPagination)
def my_agenda(request: HttpRequest, slug: str) -> list[AgendaItemOut]:
    """My published meetings in time order, cancelled ones included; times in UTC with the
    event's time zone name beside them."""
    registration = _own_registration(request, slug)
    return [agenda_item(m, registration) for m in selectors.agenda(registration=registration)]


class CalendarLinkOut(Schema):
    feed_url: str


@router.post(
    "/events/{slug}/calendar-link",
    response={200: CalendarLinkOut, 404: Error},
    openapi_extra=pages("events:feed_reset"),
)
def calendar_link_reset(request: HttpRequest, slug: str) -> CalendarLinkOut:
    """A new secret calendar link for my agenda; the old one stops working."""
    registration = services.registration_feed_reset(
        registration=_own_registration(request, slug), by=request.user
    )
    path = reverse("events:feed", args=[registration.feed_token])
    return CalendarLinkOut(feed_url=request.build_absolute_uri(path))


# ---------------------------------------------------------------- operators


@router.post(
    "/events/{slug}/schedule/runs",
    response={202: ScheduleRunOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("events:run_start"),
)
def schedule_run(request: HttpRequest, slug: str, payload: ScheduleRunIn) -> Status:
    """Queue an optimiser run; follow it at /api/jobs/{job_id}."""
    event = _event(request, slug, MANAGE)
    run = services.schedule_run_start(
        event=event,
        by=request.user,
        time_limit=payload.time_limit,
        keep_previous=payload.keep_previous,
    )
    return Status(202, ScheduleRunOut(run_id=run.pk, job_id=run.job_id))


@router.post(
    "/events/{slug}/schedule/publish",
    response={200: ScheduleVersionOut, 403: Error, 404: Error},
    openapi_extra=pages("events:publish"),
)
def schedule_publish(request: HttpRequest, slug: str, payload: PublishIn) -> ScheduleVersionOut:
    """Publish the working schedule: participants are told of their changed meetings."""
    event = _event(request, slug, MANAGE)
    note = cleaned(PublishForm, {"note": payload.note})["note"]  # the page's limits on the note
    version = services.schedule_publish(event=event, by=request.user, note=note)
    return ScheduleVersionOut(
        number=version.number, changed_meetings=version.changed_meetings, notified=version.notified
    )


def _managed_meeting(request: HttpRequest, slug: str, pk: int) -> Meeting:
    """A meeting of the event the caller operates; another event's meeting looks missing."""
    meeting = selectors.meeting_get(event=_event(request, slug, MANAGE), pk=pk)
    if meeting is None:
        raise HttpError(404, _("Not found."))
    return meeting


def meeting_after_out(meeting: Meeting) -> MeetingAfterOut:
    earlier = [
        EarlierMeetingOut(
            id=other.pk,
            requester_name=other.request.requester.display_name,
            recipient_name=other.request.recipient.display_name,
        )
        for other in selectors.meetings_before(meeting=meeting)
    ]
    return MeetingAfterOut(after=earlier)


MEETING_AFTER = "/events/{slug}/meetings/{pk}/after"


@router.get(
    MEETING_AFTER,
    response={200: MeetingAfterOut, 403: Error, 404: Error},
    openapi_extra=pages("events:after"),
)
def meeting_after_get(request: HttpRequest, slug: str, pk: int) -> MeetingAfterOut:
    """The meetings that must take place before this one ("meet A before B")."""
    return meeting_after_out(_managed_meeting(request, slug, pk))


@router.put(
    MEETING_AFTER,
    response={200: MeetingAfterOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("events:after"),
)
def meeting_after_put(
    request: HttpRequest, slug: str, pk: int, payload: MeetingAfterIn
) -> MeetingAfterOut:
    """Replace the meetings that must take place before this one; a circle, another event's
    meeting or an unknown id is refused under `after` and changes nothing."""
    meeting = _managed_meeting(request, slug, pk)
    wanted = set(payload.after)
    earlier = list(selectors.meetings_with_pks(pks=wanted))
    unknown = sorted(wanted - {other.pk for other in earlier})
    if unknown:
        message = _("No such meeting: %(ids)s.") % {"ids": ", ".join(map(str, unknown))}
        raise ValidationError({"after": [message]})
    try:
        services.meeting_set_after(meeting=meeting, after=earlier, by=request.user)
    except ValidationError as refusal:
        raise ValidationError({"after": refusal.messages}) from refusal
    return meeting_after_out(meeting)


@router.post(
    "/events/{slug}/publish",
    response={200: EventOut, 400: FieldErrors, 403: Error, 404: Error},
    openapi_extra=pages("events:state"),
)
def event_publish(request: HttpRequest, slug: str) -> dict[str, Any]:
    event = _event(request, slug, MANAGE)
    return event_out(services.event_publish(event=event, by=request.user))
