"""Events, operators: creating and editing an event, cancelling it, deciding registrations,
invitations, and the brokerage day's set-up (grid, tables, interpreters). Each endpoint binds the
page's form and calls the page's service."""

import datetime as dt
from typing import Any

from django.forms.models import model_to_dict
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.bounds import Id, Int32, Small
from twinning.api.events import MANAGE, _event, event_out, registration_out, router
from twinning.api.events_schemas import EventOut, RegistrationOut
from twinning.api.forms import cleaned, cleaned_form, require
from twinning.api.parity import pages
from twinning.api.schemas import Error, FieldErrors, In
from twinning.events import selectors, selectors_brokerage, services
from twinning.events.forms import (
    EventForm,
    EventRulesForm,
    GridForm,
    InterpreterForm,
    InvitationForm,
    ProgrammeRulesForm,
    TableForm,
    TablesForm,
)
from twinning.events.models import Event, Interpreter, Registration, Slot, Table
from twinning.programmes.selectors import programme_default, programme_get

REFUSALS = {400: FieldErrors, 403: Error, 404: Error}


class EventIn(In):
    """The fields of the event form; on create, fields left out take the form's initial values,
    on edit they keep the event's."""

    title_en: str = ""
    title_ru: str = ""
    title_kk: str = ""
    kind: str = "brokerage"
    description: str = ""
    venue: str = ""
    address: str = ""
    time_zone: str = "Europe/London"
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    is_public: bool = True
    capacity: Int32 | None = None
    registration_opens_at: dt.datetime | None = None
    registration_closes_at: dt.datetime | None = None
    requires_approval: bool = True
    meeting_limit: Small = 12
    request_limit: Small = 20
    request_expiry_hours: Small = 72
    max_break_spread: Small | None = None


class CountsOut(Schema):
    counts: dict[str, int]


@router.post("/events", response={201: EventOut, **REFUSALS}, openapi_extra=pages("events:create"))
def event_create(request: HttpRequest, payload: EventIn) -> Status:
    """A new draft event in the open programme."""
    require(request, MANAGE)
    programme = programme_default()
    if programme is None:
        raise HttpError(404, _("Not found."))
    data = cleaned(EventForm, payload)
    event = services.event_create(programme=programme, by=request.user, **data)
    return Status(201, event_out(event))


@router.patch(
    "/events/{slug}", response={200: EventOut, **REFUSALS}, openapi_extra=pages("events:edit")
)
def event_update(request: HttpRequest, slug: str, payload: EventIn) -> dict[str, Any]:
    """Change the fields given; attendees' calendars get the new version."""
    event = _event(request, slug, MANAGE)
    current = model_to_dict(event, fields=EventForm._meta.fields)
    form = cleaned_form(EventForm, {**current, **payload.model_dump(exclude_unset=True)})
    changed = {name: form.cleaned_data[name] for name in payload.model_fields_set}
    return event_out(services.event_update(event=event, by=request.user, **changed))


@router.post(
    "/events/{slug}/cancel",
    response={200: EventOut, **REFUSALS},
    openapi_extra=pages("events:state"),
)
def event_cancel(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Cancel the event; approved participants are told."""
    event = _event(request, slug, MANAGE)
    return event_out(services.event_cancel(event=event, by=request.user))


@router.get(
    "/events/{slug}/counts",
    response={200: CountsOut, 403: Error, 404: Error},
    openapi_extra=pages("events:manage"),
)
def event_counts(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The figures of the Manage page: registrations and requests by status."""
    event = _event(request, slug, MANAGE)
    return {"counts": selectors.event_counts(event=event)}


# ---------------------------------------------------------------- registrations


@router.get(
    "/events/{slug}/registrations",
    response={200: list[RegistrationOut], 403: Error, 404: Error},
    openapi_extra=pages("events:manage"),
)
@paginate(LimitOffsetPagination)
def registrations(request: HttpRequest, slug: str, status: str = "") -> list[RegistrationOut]:
    """Everyone registered, by status then date (`status=` narrows it)."""
    event = _event(request, slug, MANAGE)
    found = selectors.registrations(event=event, status=status or None)
    return [registration_out(r) for r in found.order_by("status", "created_at")]


def _registration(event: Event, pk: int) -> Registration:
    registration = selectors.registration_get(event=event, pk=pk)
    if registration is None:
        raise HttpError(404, _("Not found."))
    return registration


DECISIONS = {"approve": services.registration_approve, "reject": services.registration_reject}


def _decide(request: HttpRequest, slug: str, pk: int, action: str) -> RegistrationOut:
    event = _event(request, slug, MANAGE)
    decided = DECISIONS[action](registration=_registration(event, pk), by=request.user)
    return registration_out(decided)


@router.post(
    "/events/{slug}/registrations/{pk}/approve",
    response={200: RegistrationOut, **REFUSALS},
    openapi_extra=pages("events:registration_decide"),
)
def registration_approve(request: HttpRequest, slug: str, pk: int) -> RegistrationOut:
    return _decide(request, slug, pk, "approve")


@router.post(
    "/events/{slug}/registrations/{pk}/reject",
    response={200: RegistrationOut, **REFUSALS},
    openapi_extra=pages("events:registration_decide"),
)
def registration_reject(request: HttpRequest, slug: str, pk: int) -> RegistrationOut:
    return _decide(request, slug, pk, "reject")


# ---------------------------------------------------------------- invitations


class InvitationIn(In):
    email: str
    name: str = ""
    language: str = "en"


class InvitationOut(Schema):
    id: int
    email: str
    name: str
    language: str
    status: str
    created_at: dt.datetime


def invitation_out(invitation: Any) -> dict[str, Any]:
    return {name: getattr(invitation, name) for name in InvitationOut.model_fields}


@router.get(
    "/events/{slug}/invitations",
    response={200: list[InvitationOut], 403: Error, 404: Error},
    openapi_extra=pages("events:manage"),
)
@paginate(LimitOffsetPagination)
def invitations(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    event = _event(request, slug, MANAGE)
    return [invitation_out(i) for i in event.invitations.order_by("-created_at")]


@router.post(
    "/events/{slug}/invitations",
    response={201: InvitationOut, **REFUSALS},
    openapi_extra=pages("events:invite"),
)
def invitation_send(request: HttpRequest, slug: str, payload: InvitationIn) -> Status:
    """Invite someone by e-mail, in their language; the link lets them answer."""
    event = _event(request, slug, MANAGE)
    data = cleaned(InvitationForm, payload)
    invitation = services.invitation_send(event=event, by=request.user, **data)
    return Status(201, invitation_out(invitation))


# ---------------------------------------------------------------- set-up


class GridIn(In):
    day: dt.date
    morning_start: dt.time
    morning_end: dt.time
    afternoon_start: dt.time | None = None
    afternoon_end: dt.time | None = None
    meeting_minutes: Small
    changeover_minutes: Small = 0


class SlotOut(Schema):
    id: int
    number: int
    starts_at: dt.datetime
    ends_at: dt.datetime


class TableOut(Schema):
    id: int
    number: int
    name: str
    host: int | None


class InterpreterOut(Schema):
    id: int
    name: str
    email: str
    languages: list[str]
    unavailable_slots: list[int]


class SetupOut(Schema):
    slots: list[SlotOut]
    tables: list[TableOut]
    interpreters: list[InterpreterOut]


class TablesIn(In):
    count: Small


class TableIn(In):
    name: str = ""
    host: Id | None = None


class InterpreterIn(In):
    name: str
    email: str = ""
    languages: list[str]
    unavailable_slots: list[Id] = []


def slot_out(slot: Slot) -> SlotOut:
    return SlotOut(id=slot.pk, number=slot.number, starts_at=slot.starts_at, ends_at=slot.ends_at)


def table_out(table: Table) -> TableOut:
    return TableOut(id=table.pk, number=table.number, name=table.name, host=table.host_id)


def interpreter_out(interpreter: Interpreter) -> InterpreterOut:
    return InterpreterOut(
        id=interpreter.pk,
        name=interpreter.name,
        email=interpreter.email,
        languages=interpreter.language_list,
        unavailable_slots=[slot.pk for slot in interpreter.unavailable_slots.all()],
    )


@router.get(
    "/events/{slug}/setup",
    response={200: SetupOut, 403: Error, 404: Error},
    openapi_extra=pages("events:setup"),
)
def setup(request: HttpRequest, slug: str) -> SetupOut:
    """The day's slots, tables and interpreters."""
    event = _event(request, slug, MANAGE)
    return SetupOut(
        slots=[slot_out(s) for s in event.slots.order_by("number")],
        tables=[table_out(t) for t in event.tables.order_by("number")],
        interpreters=[
            interpreter_out(i) for i in event.interpreters.prefetch_related("unavailable_slots")
        ],
    )


@router.put(
    "/events/{slug}/grid",
    response={200: list[SlotOut], **REFUSALS},
    openapi_extra=pages("events:grid_save"),
)
@paginate(LimitOffsetPagination)
def grid_save(request: HttpRequest, slug: str, payload: GridIn) -> list[SlotOut]:
    """Generate the slots from the day's hours (refused once meetings are placed)."""
    event = _event(request, slug, MANAGE)
    data = cleaned(GridForm, payload)
    afternoon = (
        (data["afternoon_start"], data["afternoon_end"]) if data["afternoon_start"] else None
    )
    slots = services.grid_generate(
        event=event,
        by=request.user,
        day=data["day"],
        morning=(data["morning_start"], data["morning_end"]),
        afternoon=afternoon,
        meeting_minutes=data["meeting_minutes"],
        changeover_minutes=data["changeover_minutes"],
    )
    return [slot_out(slot) for slot in slots]


@router.put(
    "/events/{slug}/tables",
    response={200: list[TableOut], **REFUSALS},
    openapi_extra=pages("events:tables_save"),
)
@paginate(LimitOffsetPagination)
def tables_save(request: HttpRequest, slug: str, payload: TablesIn) -> list[TableOut]:
    """Set how many tables the day has."""
    event = _event(request, slug, MANAGE)
    data = cleaned(TablesForm, payload)
    tables = services.tables_set_count(event=event, by=request.user, count=data["count"])
    return [table_out(table) for table in tables]


@router.patch(
    "/events/{slug}/tables/{pk}",
    response={200: TableOut, **REFUSALS},
    openapi_extra=pages("events:table_save"),
)
def table_save(request: HttpRequest, slug: str, pk: int, payload: TableIn) -> TableOut:
    """Name a table, or give it a host (an approved participant who stays at it)."""
    event = _event(request, slug, MANAGE)
    table = event.tables.filter(pk=pk).first()
    if table is None:
        raise HttpError(404, _("Not found."))
    current = {"name": table.name, "host": table.host_id}
    data = cleaned(TableForm, {**current, **payload.model_dump(exclude_unset=True)}, event=event)
    return table_out(services.table_update(table=table, by=request.user, **data))


@router.post(
    "/events/{slug}/interpreters",
    response={201: InterpreterOut, **REFUSALS},
    openapi_extra=pages("events:interpreter_save"),
)
def interpreter_add(request: HttpRequest, slug: str, payload: InterpreterIn) -> Status:
    event = _event(request, slug, MANAGE)
    data = cleaned(InterpreterForm, payload, event=event)
    interpreter = services.interpreter_add(event=event, by=request.user, **data)
    return Status(201, interpreter_out(interpreter))


@router.delete(
    "/events/{slug}/interpreters/{pk}",
    response={204: None, 403: Error, 404: Error},
    openapi_extra=pages("events:interpreter_delete"),
)
def interpreter_remove(request: HttpRequest, slug: str, pk: int) -> Status:
    event = _event(request, slug, MANAGE)
    interpreter = event.interpreters.filter(pk=pk).first()
    if interpreter is None:
        raise HttpError(404, _("Not found."))
    services.interpreter_remove(interpreter=interpreter, by=request.user)
    return Status(204, None)


# Brokerage rules: the programme's, and an event's overrides (docs/operators.md).


class RulesIn(In):
    """The fields of the rules form; fields left out keep their value."""

    pairing: str | None = None
    meeting_cap: Small | None = None
    repeat_meetings: str | None = None
    region_quota: Small | None = None


class RulesOut(Schema):
    pairing: str
    meeting_cap: int | None
    repeat_meetings: str
    region_quota: int | None


class RulesInForceOut(Schema):
    own: RulesOut
    in_force: RulesOut


def _rules_out(rules: Any) -> RulesOut:
    return RulesOut(
        pairing=rules.pairing,
        meeting_cap=rules.meeting_cap,
        repeat_meetings=rules.repeat_meetings,
        region_quota=rules.region_quota,
    )


def _set_rules(
    request: HttpRequest, form_class: Any, instance: Any, payload: RulesIn, owner: dict[str, Any]
) -> Any:
    # Unset values are left to the form's initial ones, as on the page.
    current = {
        name: value
        for name, value in model_to_dict(instance, fields=form_class._meta.fields).items()
        if value not in ("", None)
    }
    given = payload.model_dump(exclude_unset=True)
    form = cleaned_form(form_class, {**current, **given}, instance=instance)
    fields = {name: form.cleaned_data[name] for name in form_class._meta.fields}
    return services.brokerage_rules_set(by=request.user, **owner, **fields)


def _programme(request: HttpRequest, slug: str) -> Any:
    require(request, MANAGE)
    programme = programme_get(slug=slug)
    if programme is None:
        raise HttpError(404, _("Not found."))
    return programme


def _event_rules(event: Event) -> RulesInForceOut:
    own = selectors_brokerage.event_rules_to_edit(event=event)
    return RulesInForceOut(
        own=_rules_out(own),
        in_force=_rules_out(selectors_brokerage.rules_in_force(event=event)),
    )


@router.get(
    "/programmes/{slug}/rules",
    response={200: RulesOut, 403: Error, 404: Error},
    openapi_extra=pages("events:programme_rules"),
)
def programme_rules(request: HttpRequest, slug: str) -> RulesOut:
    """The programme's brokerage rules (operators)."""
    programme = _programme(request, slug)
    return _rules_out(selectors_brokerage.programme_rules_to_edit(programme=programme))


@router.patch(
    "/programmes/{slug}/rules",
    response={200: RulesOut, **REFUSALS},
    openapi_extra=pages("events:programme_rules"),
)
def programme_rules_set(request: HttpRequest, slug: str, payload: RulesIn) -> RulesOut:
    """Change the programme's rules; audited and kept in their history."""
    programme = _programme(request, slug)
    instance = selectors_brokerage.programme_rules_to_edit(programme=programme)
    owner = {"programme": programme}
    return _rules_out(_set_rules(request, ProgrammeRulesForm, instance, payload, owner))


@router.get(
    "/events/{slug}/rules",
    response={200: RulesInForceOut, 403: Error, 404: Error},
    openapi_extra=pages("events:rules"),
)
def event_rules(request: HttpRequest, slug: str) -> RulesInForceOut:
    """The event's own overrides and the rules in force there (operators)."""
    return _event_rules(_event(request, slug, MANAGE))


@router.patch(
    "/events/{slug}/rules",
    response={200: RulesInForceOut, **REFUSALS},
    openapi_extra=pages("events:rules"),
)
def event_rules_set(request: HttpRequest, slug: str, payload: RulesIn) -> RulesInForceOut:
    """Override the pairing rule or the region quota for this event."""
    event = _event(request, slug, MANAGE)
    instance = selectors_brokerage.event_rules_to_edit(event=event)
    _set_rules(request, EventRulesForm, instance, payload, {"event": event})
    return _event_rules(event)
