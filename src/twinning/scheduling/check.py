"""An independent check of a schedule against its problem.

Written apart from the solver and sharing none of its code beyond the data classes, so a
fault in the model shows up here instead of being repeated.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from twinning.scheduling.problem import Assignment, Meeting, Problem, Session

Schedule = Sequence[Assignment]
Meetings = dict[str, Meeting]


@dataclass(frozen=True)
class Violation:
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


def breaks_of(problem: Problem, schedule: Schedule) -> dict[str, int]:
    """Per participant, the maximal runs of idle slots between two of their meetings."""
    meetings = {m.id: m for m in problem.meetings}
    slots: dict[str, set[int]] = {p.id: set() for p in problem.participants}
    for a in schedule:
        meeting = meetings.get(a.meeting)
        if meeting is None:
            continue
        for pid in meeting.participants:
            slots.setdefault(pid, set()).add(a.slot)
    result = {}
    for pid, busy in slots.items():
        runs = sum(1 for t in busy if t - 1 not in busy)
        result[pid] = max(0, runs - 1)
    return result


def check(problem: Problem, schedule: Schedule) -> list[Violation]:
    """Every way the schedule breaks a hard constraint; empty when it is valid."""
    return list(_violations(problem, schedule))


def _violations(problem: Problem, schedule: Schedule) -> Iterator[Violation]:
    meetings = {m.id: m for m in problem.meetings}
    known = [a for a in schedule if a.meeting in meetings]
    for a in schedule:
        if a.meeting not in meetings:
            yield Violation("unknown-meeting", f"{a.meeting} is not a meeting of the problem")
    yield from _once_each(known)
    yield from _placement(problem, known, meetings)
    yield from _double_bookings(known, meetings)
    yield from _table_use(problem, known, meetings)
    yield from _precedences(known, meetings)
    yield from _interpreters(problem, known, meetings)
    yield from _completeness(problem, known)
    yield from _fairness(problem, known)


def _once_each(schedule: Schedule) -> Iterator[Violation]:
    for meeting, count in Counter(a.meeting for a in schedule).items():
        if count > 1:
            yield Violation("duplicate", f"meeting {meeting} is scheduled {count} times")


def _session_range(problem: Problem, session: Session) -> range:
    split = problem.slots if problem.morning_slots is None else problem.morning_slots
    return {
        Session.MORNING: range(0, split),
        Session.AFTERNOON: range(split, problem.slots),
        Session.ANY: range(0, problem.slots),
    }[session]


def _placement(problem: Problem, schedule: Schedule, meetings: Meetings) -> Iterator[Violation]:
    unavailable = {p.id: p.unavailable for p in problem.participants}
    for a in schedule:
        meeting = meetings[a.meeting]
        if a.slot not in range(problem.slots):
            yield Violation("slot", f"{a.meeting} is in slot {a.slot}, outside the day")
        if a.slot not in _session_range(problem, meeting.session):
            yield Violation("session", f"{a.meeting} in slot {a.slot} is not {meeting.session}")
        if meeting.fixed_slot is not None and a.slot != meeting.fixed_slot:
            yield Violation("fixed", f"{a.meeting} must be in slot {meeting.fixed_slot}")
        for pid in meeting.participants:
            if a.slot in unavailable.get(pid, ()):
                yield Violation("unavailable", f"{pid} is unavailable in slot {a.slot}")


def _double_bookings(schedule: Schedule, meetings: Meetings) -> Iterator[Violation]:
    seen: dict[tuple[str, int], str] = {}
    for a in schedule:
        for pid in meetings[a.meeting].participants:
            other = seen.setdefault((pid, a.slot), a.meeting)
            if other != a.meeting:
                yield Violation(
                    "participant-clash", f"{pid} has {other} and {a.meeting} in slot {a.slot}"
                )


def _table_use(problem: Problem, schedule: Schedule, meetings: Meetings) -> Iterator[Violation]:
    tables = {t.id: t for t in problem.tables}
    used: dict[tuple[str, int], str] = {}
    for a in schedule:
        table = tables.get(a.table)
        if table is None:
            yield Violation("table", f"{a.meeting} is at unknown table {a.table!r}")
            continue
        other = used.setdefault((a.table, a.slot), a.meeting)
        if other != a.meeting:
            yield Violation("table-clash", f"{other} and {a.meeting} share table {a.table}")
        yield from _hosting(problem, a, meetings[a.meeting].participants, table.host)


def _hosting(
    problem: Problem, a: Assignment, participants: tuple[str, str], host: str | None
) -> Iterator[Violation]:
    hosted = {t.host: t.id for t in problem.tables if t.host is not None}
    if host is not None and host not in participants:
        yield Violation("hosted-table", f"{a.meeting} is at {host}'s table without {host}")
    first_host = next((hosted[p] for p in participants if p in hosted), None)
    if first_host is not None and a.table != first_host:
        yield Violation("hosted-table", f"{a.meeting} belongs at hosted table {first_host}")


def _precedences(schedule: Schedule, meetings: Meetings) -> Iterator[Violation]:
    slot = {a.meeting: a.slot for a in schedule}
    for a in schedule:
        for before in meetings[a.meeting].after:
            if before in slot and slot[before] >= a.slot:
                yield Violation("precedence", f"{a.meeting} must come after {before}")


def _interpreters(problem: Problem, schedule: Schedule, meetings: Meetings) -> Iterator[Violation]:
    interpreters = {i.id: i for i in problem.interpreters}
    busy: dict[tuple[str, int], str] = {}
    for a in schedule:
        pair = meetings[a.meeting].interpreter
        if pair is None:
            continue
        person = interpreters.get(a.interpreter or "")
        if person is None:
            yield Violation("interpreter", f"{a.meeting} needs a {pair} interpreter")
            continue
        if not set(pair.split("-")) <= person.languages or a.slot in person.unavailable:
            yield Violation("interpreter", f"{person.id} cannot interpret {a.meeting}")
        other = busy.setdefault((person.id, a.slot), a.meeting)
        if other != a.meeting:
            yield Violation("interpreter-clash", f"{person.id} has {other} and {a.meeting}")


def _completeness(problem: Problem, schedule: Schedule) -> Iterator[Violation]:
    placed = {a.meeting for a in schedule}
    for meeting in problem.meetings:
        if meeting.id not in placed and (problem.require_all or meeting.fixed_slot is not None):
            yield Violation("missing", f"{meeting.id} must be scheduled")
    counts: defaultdict[int, int] = defaultdict(int)
    for a in schedule:
        counts[a.slot] += 1
    for slot, count in counts.items():
        if count > len(problem.tables):
            yield Violation("capacity", f"{count} meetings in slot {slot}")


def _fairness(problem: Problem, schedule: Schedule) -> Iterator[Violation]:
    if problem.max_break_spread is None or not problem.participants:
        return
    breaks = breaks_of(problem, schedule)
    spread = max(breaks.values()) - min(breaks.values())
    if spread > problem.max_break_spread:
        yield Violation(
            "fairness", f"break counts differ by {spread}, more than {problem.max_break_spread}"
        )
