"""Events, on the day: the attendance sheet of a slot or of a participant, recorded at once,
and a participant marked absent from all their meetings; and where a meeting can be moved."""

from typing import Any, TypeVar

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.bounds import Id
from twinning.api.events import MANAGE, _event, _managed_meeting, router
from twinning.api.events_day import REFUSALS
from twinning.api.parity import pages
from twinning.api.schemas import Error, In
from twinning.events import selectors, selectors_day, services
from twinning.events.models import Event, Registration, Slot

T = TypeVar("T")


class SheetRowOut(Schema):
    meeting: int
    slot: int
    table: int | None
    participants: list[int]
    came: list[int]
    status: str


class SheetIn(In):
    """Every meeting of the sheet with the registrations that came (an empty list: neither)."""

    meetings: dict[Id, list[Id]]


class SheetSavedOut(Schema):
    changed: int


class SlotHintOut(Schema):
    slot: int
    free_tables: list[int]
    free_count: int
    busy: list[str]
    conflicts: list[str]


def _found(value: T | None) -> T:
    if value is None:
        raise HttpError(404, _("Not found."))
    return value


def _slot(event: Event, pk: int | None) -> Slot | None:
    return None if pk is None else _found(selectors_day.slot_get(event=event, pk=pk))


def _registration(event: Event, pk: int | None) -> Registration | None:
    return None if pk is None else _found(selectors.registration_get(event=event, pk=pk))


@router.get(
    "/events/{slug}/attendance",
    response={200: list[SheetRowOut], 403: Error, 404: Error},
    openapi_extra=pages("events:attendance"),
)
@paginate(LimitOffsetPagination)
def attendance_sheet(
    request: HttpRequest, slug: str, slot: Id | None = None, participant: Id | None = None
) -> list[SheetRowOut]:
    """The placed meetings of one slot or one participant's day, with who is taken to have
    come (everyone, until marked otherwise). Without a filter: the slot under way."""
    event = _event(request, slug, MANAGE)
    chosen_slot, person = _slot(event, slot), _registration(event, participant)
    if chosen_slot is None and person is None:
        chosen_slot = selectors_day.slot_under_way(event=event)
    rows = selectors_day.attendance_sheet(event=event, slot=chosen_slot, participant=person)
    return [
        SheetRowOut(
            meeting=row.meeting.pk,
            slot=row.meeting.slot_id,
            table=row.meeting.table_id,
            participants=[p.pk for p in row.meeting.participants],
            came=sorted(row.came),
            status=row.meeting.status,
        )
        for row in rows
    ]


@router.post(
    "/events/{slug}/attendance",
    response={200: SheetSavedOut, **REFUSALS},
    openapi_extra=pages("events:attendance"),
)
def attendance_record(request: HttpRequest, slug: str, payload: SheetIn) -> SheetSavedOut:
    """Record many meetings at once, all or nothing: held when both came, a no-show naming
    the one who did not, or naming nobody when neither came."""
    event = _event(request, slug, MANAGE)
    changed = services.attendance_record(event=event, by=request.user, sheet=payload.meetings)
    return SheetSavedOut(changed=changed)


@router.post(
    "/events/{slug}/registrations/{pk}/absent",
    response={200: SheetSavedOut, **REFUSALS},
    openapi_extra=pages("events:absent"),
)
def participant_absent(request: HttpRequest, slug: str, pk: int) -> SheetSavedOut:
    """The participant did not come: every placed meeting of theirs becomes a no-show."""
    event = _event(request, slug, MANAGE)
    registration = _found(selectors.registration_get(event=event, pk=pk))
    changed = services.participant_absent(registration=registration, by=request.user)
    return SheetSavedOut(changed=changed)


@router.get(
    "/events/{slug}/meetings/{pk}/targets",
    response={200: list[SlotHintOut], 403: Error, 404: Error},
    openapi_extra=pages("events:move"),
)
@paginate(LimitOffsetPagination)
def move_targets(request: HttpRequest, slug: str, pk: int) -> Any:
    """Each slot with its free tables and this meeting's participants busy there."""
    meeting = _managed_meeting(request, slug, pk)
    return [
        SlotHintOut(
            slot=hint.slot.pk,
            free_tables=[table.pk for table in hint.free_tables],
            free_count=hint.free_count,
            busy=hint.busy,
            conflicts=hint.conflicts,
        )
        for hint in selectors_day.move_hints(meeting=meeting)
    ]
