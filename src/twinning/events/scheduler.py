"""The bridge between a brokerage day in the database and the optimiser's plain data.

`plan_for` reads the event into a `scheduling.Problem`; `apply_result` writes the optimiser's
answer back onto the meetings. Nothing else in the app talks to the optimiser.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from django.db import transaction

from twinning.events.models import (
    Event,
    Interpreter,
    Meeting,
    MeetingRequest,
    Precedence,
    Registration,
    Slot,
    Table,
    Unavailability,
)
from twinning.scheduling import problem as sp
from twinning.scheduling.check import breaks_of, check
from twinning.scheduling.result import Result, Status

# How the optimiser names things in its reasons; `readable` puts names and times in their place.
MEETING_PAIR = re.compile(r"meetings (\d+) and (\d+)")
MEETING_ID = re.compile(r"meeting (\d+)")
PARTICIPANT_ID = re.compile(r"(participant|need) (\d+)")
SLOT_NUMBERS = re.compile(r"slots? (\d+(?:, \d+)*)")

SESSIONS: dict[str, sp.Session] = {
    MeetingRequest.Session.ANY: sp.Session.ANY,
    MeetingRequest.Session.MORNING: sp.Session.MORNING,
    MeetingRequest.Session.AFTERNOON: sp.Session.AFTERNOON,
}


@dataclass
class Plan:
    problem: sp.Problem
    previous: list[sp.PreviousAssignment]
    slots: dict[int, Slot]
    tables: dict[str, Table]
    interpreters: dict[str, Interpreter]
    meetings: dict[str, Meeting]
    names: dict[str, str] = field(default_factory=dict)
    # What the plan was read from (`fingerprint`): the result is saved only onto the same.
    fingerprint: str = ""


def interpreter_pair(first: Registration, second: Registration) -> str | None:
    """The language pair to interpret, or None when the two share a language."""
    a, b = first.language_list or ["en"], second.language_list or ["en"]
    if set(a) & set(b):
        return None
    return "-".join(sorted((a[0], b[0])))


def _meetings(event: Event) -> list[Meeting]:
    return list(
        event.meetings.filter(status__in=Meeting.ACTIVE)
        .select_related("request__requester__user", "request__recipient__user", "slot")
        .order_by("pk")
    )


def _participants(event: Event, meetings: list[Meeting]) -> list[Registration]:
    ids = {r.pk for m in meetings for r in m.participants}
    ids |= set(event.tables.exclude(host=None).values_list("host_id", flat=True))
    registrations = Registration.objects.filter(pk__in=ids).select_related("user")
    return list(registrations.prefetch_related("unavailabilities__slot").order_by("pk"))


def _precedences(event: Event) -> dict[int, list[str]]:
    """Meeting id -> the ids of the meetings it must follow; cancelled meetings drop out."""
    pairs = (
        Precedence.objects.filter(later__event=event)
        .filter(later__status__in=Meeting.ACTIVE, earlier__status__in=Meeting.ACTIVE)
        .values_list("later_id", "earlier_id")
        .order_by("later_id", "earlier_id")
    )
    after: dict[int, list[str]] = {}
    for later, earlier in pairs:
        after.setdefault(later, []).append(str(earlier))
    return after


def _problem_meeting(meeting: Meeting, *, split_day: bool, after: list[str]) -> sp.Meeting:
    requester, recipient = meeting.participants
    # A wish for a session only means something on a day that has two.
    wish = meeting.request.session if split_day else MeetingRequest.Session.ANY
    return sp.Meeting(
        id=str(meeting.pk),
        participants=(str(requester.pk), str(recipient.pk)),
        session=SESSIONS[wish],
        after=tuple(after),
        priority=meeting.request.priority,
        interpreter=interpreter_pair(requester, recipient),
    )


def _previous(meeting: Meeting, keep_previous: bool) -> sp.PreviousAssignment | None:
    fixed = meeting.locked or meeting.status != Meeting.Status.SCHEDULED
    if meeting.slot is None or not (fixed or keep_previous):
        return None
    return sp.PreviousAssignment(
        meeting=str(meeting.pk),
        slot=meeting.slot.number,
        table=str(meeting.table_id) if meeting.table_id else None,
        locked=fixed,
    )


def fingerprint(event: Event) -> str:
    """A digest of everything about the day's meetings that a plan is read from and a result
    overwrites: each meeting's place, interpreter, lock and state, the orders between meetings
    and the participants' absences. Taken before a plan is read and again, under the event's
    and the meetings' locks, before its result is saved: a move, lock, acceptance, cancellation,
    order or absence in between makes them differ, and the result is not saved over it."""
    meetings = event.meetings.order_by("pk").values_list(
        "pk", "slot_id", "table_id", "interpreter_id", "locked", "status"
    )
    orders = Precedence.objects.filter(later__event=event).order_by("later_id", "earlier_id")
    absences = Unavailability.objects.filter(registration__event=event).order_by(
        "registration_id", "slot_id"
    )
    digest = hashlib.sha256()
    for rows in (
        meetings,
        orders.values_list("later_id", "earlier_id"),
        absences.values_list("registration_id", "slot_id"),
    ):
        digest.update(repr(list(rows)).encode())
    return digest.hexdigest()


def lock_meetings(event: Event) -> None:
    """Every meeting of the day under a row lock, in primary-key order (as every writer that
    locks more than one takes them), so that no move lands between a check and a save."""
    list(Meeting.objects.select_for_update().filter(event=event).order_by("pk").values("pk"))


def plan_for(event: Event, *, keep_previous: bool = True) -> Plan:
    stamp = fingerprint(event)  # first: a change made while the plan is read makes it differ
    slots = {s.number: s for s in event.slots.select_related("event").order_by("number")}
    tables = {str(t.pk): t for t in event.tables.order_by("number")}
    interpreters = {str(i.pk): i for i in event.interpreters.prefetch_related("unavailable_slots")}
    meetings = _meetings(event)
    participants = _participants(event, meetings)
    mornings = sum(1 for s in slots.values() if s.session == Slot.Session.MORNING)
    split_day = 0 < mornings < len(slots)
    after = _precedences(event)
    problem = sp.Problem(
        slots=len(slots),
        morning_slots=mornings if split_day else None,
        tables=tuple(
            sp.Table(id=pk, name=t.label, host=str(t.host_id) if t.host_id else None)
            for pk, t in tables.items()
        ),
        participants=tuple(
            sp.Participant(
                id=str(r.pk),
                unavailable=frozenset(u.slot.number for u in r.unavailabilities.all()),
            )
            for r in participants
        ),
        meetings=tuple(
            _problem_meeting(m, split_day=split_day, after=after.get(m.pk, [])) for m in meetings
        ),
        interpreters=tuple(
            sp.Interpreter(
                id=pk,
                languages=frozenset(i.language_list),
                unavailable=frozenset(s.number for s in i.unavailable_slots.all()),
            )
            for pk, i in interpreters.items()
        ),
        max_break_spread=event.max_break_spread,
        name=event.slug,
    )
    previous = [p for m in meetings if (p := _previous(m, keep_previous)) is not None]
    return Plan(
        problem=problem,
        previous=previous,
        slots=slots,
        tables=tables,
        interpreters=interpreters,
        meetings={str(m.pk): m for m in meetings},
        names={str(r.pk): r.display_name for r in participants},
        fingerprint=stamp,
    )


def readable(plan: Plan, reason: str) -> str:
    """The optimiser names meetings, participants and slots by number; operators know them by
    the people's names and the time of day."""

    def meeting(key: str) -> str:
        found = plan.meetings.get(key)
        return " × ".join(p.display_name for p in found.participants) if found else key

    def times(match: re.Match[str]) -> str:
        numbers = [int(n) for n in match.group(1).split(", ")]
        labels = [_clock(plan.slots[n]) if n in plan.slots else str(n) for n in numbers]
        return ("slots " if len(numbers) > 1 else "slot ") + ", ".join(labels)

    reason = MEETING_PAIR.sub(lambda m: f"meetings {meeting(m[1])} and {meeting(m[2])}", reason)
    reason = MEETING_ID.sub(lambda m: f"meeting {meeting(m[1])}", reason)
    reason = PARTICIPANT_ID.sub(lambda m: f"{m[1]} {plan.names.get(m[2], m[2])}", reason)
    return SLOT_NUMBERS.sub(times, reason)


def _clock(slot: Slot) -> str:
    return slot.starts_at.astimezone(slot.event.zone).strftime("%H:%M")


def starting_schedule(plan: Plan) -> list[sp.Assignment] | None:
    """The day as it stands, when every meeting has a place and together they keep every hard
    rule of this problem: what a fewest-moves re-run starts from."""
    start = []
    for key, meeting in plan.meetings.items():
        if meeting.slot is None or meeting.table_id is None:
            return None
        interpreter = str(meeting.interpreter_id) if meeting.interpreter_id else None
        start.append(sp.Assignment(key, meeting.slot.number, str(meeting.table_id), interpreter))
    return None if check(plan.problem, start) else start


def no_worse_than(plan: Plan, result: Result, start: list[sp.Assignment] | None) -> Result:
    """A re-run that keeps placements never hands back a worse day than it started from: fewer
    meetings placed, or more breaks, and the day stays as it was (no move at all)."""
    if start is None:
        return result
    start_breaks = breaks_of(plan.problem, start)
    total = sum(start_breaks.values())
    complete = len(result.assignments) == len(start)
    if complete and result.breaks is not None and result.breaks <= total:
        return result
    return Result(
        status=Status.FEASIBLE,
        assignments=start,
        breaks=total,
        breaks_by_participant=start_breaks,
        scheduled_weight=sum(m.priority for m in plan.problem.meetings),
        seconds=result.seconds,
    )


def moves(plan: Plan, result: Result) -> int:
    """Meetings the result puts in another slot than the one they have now (the count the
    operator is told is the count the day sees)."""
    placed = {a.meeting: a.slot for a in result.assignments}
    return sum(
        1
        for key, meeting in plan.meetings.items()
        if meeting.slot is not None and placed.get(key) != meeting.slot.number
    )


@transaction.atomic
def apply_result(plan: Plan, result: Result) -> int:
    """Place every meeting as the result says; meetings left out lose their place.

    Returns how many meetings were placed. Places are cleared first and then set, so that two
    meetings swapping tables never meet the table-uniqueness constraint half-way.
    """
    placed = {a.meeting: a for a in result.assignments}
    changed: list[Meeting] = []
    for key, meeting in plan.meetings.items():
        assignment = placed.get(key)
        if assignment is None:
            meeting.slot, meeting.table, meeting.interpreter, meeting.locked = (
                None,
                None,
                None,
                False,
            )
        else:
            meeting.slot = plan.slots[assignment.slot]
            meeting.table = plan.tables[assignment.table]
            meeting.interpreter = (
                plan.interpreters[assignment.interpreter] if assignment.interpreter else None
            )
        changed.append(meeting)
    Meeting.objects.filter(pk__in=[m.pk for m in changed], locked=False).update(
        slot=None, table=None
    )
    Meeting.objects.filter(pk__in=[m.pk for m in changed], locked=True).update(table=None)
    Meeting.objects.bulk_update(changed, ["slot", "table", "interpreter", "locked"], batch_size=500)
    return len(placed)
