"""The brokerage set-up: slot grid from the day's hours, tables, interpreters, availability."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.events.models import (
    Event,
    Interpreter,
    Meeting,
    Registration,
    Slot,
    SlotGrid,
    Table,
    Unavailability,
)
from twinning.events.services.registration import languages_value

if TYPE_CHECKING:
    from twinning.core.models import User

Period = tuple[dt.time, dt.time]


def slot_times(
    day: dt.date, period: Period, meeting_minutes: int, changeover_minutes: int
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Naive (start, end) pairs of every whole meeting that fits in the period."""
    start, end = (dt.datetime.combine(day, t) for t in period)
    length = dt.timedelta(minutes=meeting_minutes)
    stride = length + dt.timedelta(minutes=changeover_minutes)
    times = []
    while start + length <= end:
        times.append((start, start + length))
        start += stride
    return times


def _grid_slots(event: Event, grid: SlotGrid) -> list[Slot]:
    periods: list[tuple[str, Period]] = [
        (Slot.Session.MORNING, (grid.morning_start, grid.morning_end))
    ]
    if grid.afternoon_start is not None and grid.afternoon_end is not None:
        periods.append((Slot.Session.AFTERNOON, (grid.afternoon_start, grid.afternoon_end)))
    slots: list[Slot] = []
    for session, period in periods:
        for start, end in slot_times(
            grid.day, period, grid.meeting_minutes, grid.changeover_minutes
        ):
            slots.append(
                Slot(
                    event=event,
                    number=len(slots),
                    session=session,
                    starts_at=start.replace(tzinfo=event.zone),
                    ends_at=end.replace(tzinfo=event.zone),
                )
            )
    return slots


@transaction.atomic
def grid_generate(
    *,
    event: Event,
    by: User,
    day: dt.date,
    morning: Period,
    afternoon: Period | None = None,
    meeting_minutes: int = 20,
    changeover_minutes: int = 5,
) -> list[Slot]:
    """(Re)build the day's slots. Refused once a schedule is published: people rely on it."""
    require(by, "events.manage_event", event)
    if event.meetings.exclude(published_status="").exists():
        raise ValidationError(_("The schedule is published; the slot grid can no longer change."))
    if not event.starts_on <= day <= event.ends_on:
        raise ValidationError({"day": _("The day must fall within the event's dates.")})
    grid = SlotGrid.objects.filter(event=event).first() or SlotGrid(event=event)
    grid.day, (grid.morning_start, grid.morning_end) = day, morning
    grid.afternoon_start, grid.afternoon_end = afternoon or (None, None)
    grid.meeting_minutes, grid.changeover_minutes = meeting_minutes, changeover_minutes
    # Checked before the row is written: the check constraints' own translated messages.
    grid.full_clean(exclude=["event"])
    grid.save()
    event.meetings.update(slot=None, table=None, interpreter=None, locked=False)
    event.slots.all().delete()
    slots = Slot.objects.bulk_create(_grid_slots(event, grid))
    if not slots:
        raise ValidationError(_("No meeting fits in these hours."))
    audit_log(action="event.grid", actor=by, target=event, slots=len(slots))
    return slots


@transaction.atomic
def tables_set_count(*, event: Event, by: User, count: int) -> list[Table]:
    """Number the tables 1..count, keeping the names and hosts of those that stay."""
    require(by, "events.manage_event", event)
    if count < 1:
        raise ValidationError({"count": _("An event needs at least one table.")})
    removed = event.tables.filter(number__gt=count)
    Meeting.objects.filter(table__in=removed).update(table=None)
    removed.delete()
    have = set(event.tables.values_list("number", flat=True))
    Table.objects.bulk_create(
        Table(event=event, number=n) for n in range(1, count + 1) if n not in have
    )
    audit_log(action="event.tables", actor=by, target=event, count=count)
    return list(event.tables.all())


@transaction.atomic
def table_update(
    *, table: Table, by: User, name: str = "", host: Registration | None = None
) -> Table:
    require(by, "events.manage_event", table.event)
    if host is not None and (
        host.event_id != table.event_id or host.status != Registration.Status.APPROVED
    ):
        raise ValidationError({"host": _("The host must be an approved participant.")})
    if host is not None:
        Table.objects.filter(host=host).exclude(pk=table.pk).update(host=None)
    table.name, table.host = name.strip(), host
    table.full_clean()
    table.save()
    audit_log(action="event.table", actor=by, target=table.event, table=table.number)
    return table


@transaction.atomic
def interpreter_add(
    *,
    event: Event,
    by: User,
    name: str,
    languages: Iterable[str],
    email: str = "",
    unavailable_slots: Iterable[Slot] = (),
) -> Interpreter:
    require(by, "events.manage_event", event)
    codes = languages_value(languages)
    if "," not in codes:
        raise ValidationError({"languages": _("An interpreter needs at least two languages.")})
    interpreter = Interpreter.objects.create(event=event, name=name, email=email, languages=codes)
    interpreter.unavailable_slots.set([s for s in unavailable_slots if s.event_id == event.pk])
    audit_log(action="event.interpreter_add", actor=by, target=event, name=name)
    return interpreter


@transaction.atomic
def interpreter_remove(*, interpreter: Interpreter, by: User) -> None:
    require(by, "events.manage_event", interpreter.event)
    audit_log(action="event.interpreter_remove", actor=by, target=interpreter.event)
    interpreter.delete()


@transaction.atomic
def unavailability_set(
    *, registration: Registration, by: User, slots: Iterable[Slot]
) -> list[Unavailability]:
    """Replace the slots in which a participant cannot meet."""
    require(by, "events.edit_availability", registration)
    chosen = [s for s in slots if s.event_id == registration.event_id]
    registration.unavailabilities.all().delete()
    rows = Unavailability.objects.bulk_create(
        Unavailability(registration=registration, slot=s) for s in chosen
    )
    audit_log(action="registration.unavailability", actor=by, target=registration, slots=len(rows))
    return rows
