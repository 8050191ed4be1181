"""Reads for the operators' day: where a meeting can go, and the attendance sheets."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.events.models import (
    Event,
    Meeting,
    MeetingRequest,
    Precedence,
    Registration,
    Slot,
    Table,
    Unavailability,
)
from twinning.events.selectors import PARTY, day_has_two_sessions

# Free tables offered as one-click targets per slot; the form's table list has them all.
HINT_TABLES = 6


@dataclass
class SlotHint:
    """One slot as a target for moving a meeting: its free tables, and what a move there
    would break (the move itself still warns and asks for confirmation)."""

    slot: Slot
    free_tables: list[Table]
    free_count: int
    busy: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    current: bool = False

    @property
    def more(self) -> int:
        return self.free_count - len(self.free_tables)

    @property
    def works(self) -> bool:
        return bool(self.free_tables) and not self.busy and not self.conflicts


def move_hints(*, meeting: Meeting) -> list[SlotHint]:
    """Every slot of the day with its free tables and this meeting's participants who are
    busy there, in five queries whatever the size of the day."""
    event = meeting.event
    people = {person.pk: person for person in meeting.participants}
    slots = list(event.slots.order_by("number"))
    tables = list(event.tables.order_by("number"))
    taken: set[tuple[int, int]] = set()
    busy: dict[int, set[int]] = {}
    placed = (
        event.meetings.filter(status__in=Meeting.ACTIVE, slot__isnull=False)
        .exclude(pk=meeting.pk)
        .values_list("slot_id", "table_id", "request__requester_id", "request__recipient_id")
    )
    for slot_id, table_id, requester, recipient in placed:
        taken.add((slot_id, table_id))
        for pk in {requester, recipient} & people.keys():
            busy.setdefault(slot_id, set()).add(pk)
    away = set(
        Unavailability.objects.filter(registration__in=list(people)).values_list(
            "registration_id", "slot_id"
        )
    )
    order = _order_limits(meeting)
    two_sessions = day_has_two_sessions(event=event)
    hints = []
    for slot in slots:
        free = [
            table
            for table in tables
            if (slot.pk, table.pk) not in taken and table.host_id in (None, *people)
        ]
        hint = SlotHint(
            slot=slot,
            free_tables=free[:HINT_TABLES],
            free_count=len(free),
            current=slot.pk == meeting.slot_id,
        )
        hint.busy = [people[pk].display_name for pk in sorted(busy.get(slot.pk, ()))]
        hint.conflicts = [
            _("%(name)s is not available") % {"name": person.display_name}
            for pk, person in people.items()
            if (pk, slot.pk) in away
        ] + _slot_rules(meeting, slot, order, two_sessions)
        hints.append(hint)
    return hints


def _order_limits(meeting: Meeting) -> tuple[int | None, int | None]:
    """(after, before): the slot numbers this meeting must come after and before."""
    live = Meeting.ACTIVE
    earlier = Precedence.objects.filter(
        later=meeting, earlier__slot__isnull=False, earlier__status__in=live
    )
    later = Precedence.objects.filter(
        earlier=meeting, later__slot__isnull=False, later__status__in=live
    )
    after = max(earlier.values_list("earlier__slot__number", flat=True), default=None)
    before = min(later.values_list("later__slot__number", flat=True), default=None)
    return after, before


def _slot_rules(
    meeting: Meeting, slot: Slot, order: tuple[int | None, int | None], two_sessions: bool
) -> list[str]:
    broken = []
    wish = meeting.request.session
    if two_sessions and wish != MeetingRequest.Session.ANY and wish != slot.session:
        broken.append(_("outside the session they asked for"))
    after, before = order
    if (after is not None and slot.number <= after) or (
        before is not None and slot.number >= before
    ):
        broken.append(_("breaks the order of meetings"))
    return broken


@dataclass
class SheetRow:
    """A meeting on the attendance sheet, with who came as the sheet will show it ticked."""

    meeting: Meeting
    came: set[int]


def came_to(meeting: Meeting) -> set[int]:
    """Who is taken to have come: everyone, until someone is marked absent."""
    everyone = {person.pk for person in meeting.participants}
    if meeting.status != Meeting.Status.NO_SHOW:
        return everyone
    if meeting.no_show_id is None:
        return set()
    return everyone - {meeting.no_show_id}


def attendance_sheet(
    *, event: Event, slot: Slot | None = None, participant: Registration | None = None
) -> list[SheetRow]:
    """The placed, live meetings of one slot or of one participant, in the order of the day."""
    meetings = event.meetings.filter(status__in=Meeting.ACTIVE, slot__isnull=False)
    if slot is not None:
        meetings = meetings.filter(slot=slot)
    if participant is not None:
        meetings = meetings.filter(request__requester=participant) | meetings.filter(
            request__recipient=participant
        )
    meetings = meetings.select_related("slot", "table", "event", *PARTY).order_by(
        "slot__number", "table__number", "pk"
    )
    return [SheetRow(meeting, came_to(meeting)) for meeting in meetings]


def slot_under_way(*, event: Event) -> Slot | None:
    """The slot that started last (the one to take attendance of), else the first of the day."""
    slots = event.slots.order_by("number")
    started = slots.filter(starts_at__lte=timezone.now()).last()
    return started or slots.first()


def slot_get(*, event: Event, pk: int) -> Slot | None:
    return event.slots.filter(pk=pk).first()


def sheet_participants(*, event: Event) -> list[Registration]:
    """Everyone with a placed meeting, for the sheet's participant filter."""
    live = Meeting.objects.filter(event=event, status__in=Meeting.ACTIVE, slot__isnull=False)
    ids = set(live.values_list("request__requester_id", flat=True)) | set(
        live.values_list("request__recipient_id", flat=True)
    )
    people = Registration.objects.filter(pk__in=ids).select_related("user")
    return sorted(people, key=lambda person: person.display_name.casefold())
