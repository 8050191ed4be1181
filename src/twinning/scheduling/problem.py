"""The scheduling problem as plain, immutable data.

A brokerage day has ``slots`` time slots (0-based), optionally split into a morning
(slots ``0 .. morning_slots - 1``) and an afternoon; tables; participants; and meetings
between two participants. Nothing here depends on Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise


class Session(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    ANY = "any"


@dataclass(frozen=True)
class Participant:
    id: str
    unavailable: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, str]
    session: Session = Session.ANY
    fixed_slot: int | None = None
    after: tuple[str, ...] = ()
    priority: int = 1
    # A language pair such as "en-ru": the meeting needs an interpreter speaking both.
    interpreter: str | None = None


@dataclass(frozen=True)
class Table:
    id: str
    name: str = ""
    # A hosted table belongs to one participant, who holds all their meetings there.
    host: str | None = None


@dataclass(frozen=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    unavailable: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Problem:
    slots: int
    tables: tuple[Table, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    morning_slots: int | None = None
    interpreters: tuple[Interpreter, ...] = ()
    max_break_spread: int | None = None
    # When true, a schedule must hold every meeting; otherwise the most (by priority) are kept.
    require_all: bool = False
    name: str = ""

    def session_slots(self, session: Session) -> range:
        split = self.slots if self.morning_slots is None else self.morning_slots
        if session is Session.MORNING:
            return range(0, split)
        if session is Session.AFTERNOON:
            return range(split, self.slots)
        return range(0, self.slots)


def numbered_tables(count: int) -> tuple[Table, ...]:
    """Tables "1" .. "count", as organisers number them on the floor."""
    return tuple(Table(id=str(number)) for number in range(1, count + 1))


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: int
    table: str
    interpreter: str | None = None


@dataclass(frozen=True)
class PreviousAssignment:
    """A meeting's place in an earlier schedule; a locked one must not move."""

    meeting: str
    slot: int
    table: str | None = None
    locked: bool = False


@dataclass(frozen=True)
class Index:
    """Integer positions for the ids of a problem, shared by solver, checker and greedy."""

    participant: dict[str, int]
    meeting: dict[str, int]
    table: dict[str, int]
    interpreter: dict[str, int]
    meetings_of: tuple[tuple[int, ...], ...] = field(default=())

    @classmethod
    def of(cls, problem: Problem) -> Index:
        participant = {p.id: i for i, p in enumerate(problem.participants)}
        meetings_of: list[list[int]] = [[] for _ in problem.participants]
        for m, meeting in enumerate(problem.meetings):
            for pid in meeting.participants:
                meetings_of[participant[pid]].append(m)
        return cls(
            participant=participant,
            meeting={m.id: i for i, m in enumerate(problem.meetings)},
            table={t.id: i for i, t in enumerate(problem.tables)},
            interpreter={i.id: n for n, i in enumerate(problem.interpreters)},
            meetings_of=tuple(tuple(ms) for ms in meetings_of),
        )


def language_pair(pair: str) -> frozenset[str]:
    return frozenset(pair.split("-"))


def interpreter_can_serve(interpreter: Interpreter, pair: str, slot: int) -> bool:
    return language_pair(pair) <= interpreter.languages and slot not in interpreter.unavailable


def host_tables(problem: Problem) -> dict[str, str]:
    """Participant id -> the id of the table they host."""
    return {t.host: t.id for t in problem.tables if t.host is not None}


def meeting_table_host(problem: Problem, meeting: Meeting, hosts: dict[str, str]) -> str | None:
    """The hosted table a meeting must use: the first of its participants who hosts one."""
    for pid in meeting.participants:
        if pid in hosts:
            return hosts[pid]
    return None


def allowed_slots(problem: Problem, meeting: Meeting, index: Index) -> list[int]:
    """Slots a meeting may take judging by itself alone: session, availability, fixed slot."""
    blocked: set[int] = set()
    for pid in meeting.participants:
        blocked |= problem.participants[index.participant[pid]].unavailable
    candidates = problem.session_slots(meeting.session)
    if meeting.fixed_slot is not None:
        candidates = (
            range(meeting.fixed_slot, meeting.fixed_slot + 1)
            if meeting.fixed_slot in candidates
            else range(0)
        )
    slots = [t for t in candidates if t not in blocked]
    if meeting.interpreter is not None:
        pair = meeting.interpreter
        slots = [
            t for t in slots if any(interpreter_can_serve(i, pair, t) for i in problem.interpreters)
        ]
    return slots


def participant_breaks(busy_slots: list[int] | set[int]) -> int:
    """Maximal runs of idle slots between two meetings."""
    ordered = sorted(busy_slots)
    return sum(1 for a, b in pairwise(ordered) if b > a + 1)


def precedence_lists(problem: Problem, index: Index) -> tuple[list[list[int]], list[list[int]]]:
    """Per meeting, the meetings that must come before it, and those that must come after."""
    before = [[index.meeting[o] for o in meeting.after] for meeting in problem.meetings]
    later: list[list[int]] = [[] for _ in problem.meetings]
    for m, earlier in enumerate(before):
        for a in earlier:
            later[a].append(m)
    return before, later


@dataclass(frozen=True)
class Resources:
    """What a search moving meetings by index reads of the day, worked out once."""

    # Per meeting, the indices of its participants.
    people: list[tuple[int, ...]]
    # Per meeting, whether it takes one of the shared tables (not a hosted one).
    counted: list[bool]
    # The shared tables: all but the hosted ones.
    capacity: int
    # Per meeting needing an interpreter, slot -> the interpreters able to serve it there.
    able: list[dict[int, list[int]]]


def resources(problem: Problem, index: Index, domains: list[list[int]]) -> Resources:
    hosts = host_tables(problem)
    return Resources(
        people=[
            tuple(index.participant[q] for q in meeting.participants)
            for meeting in problem.meetings
        ],
        counted=[
            meeting_table_host(problem, meeting, hosts) is None for meeting in problem.meetings
        ],
        capacity=len(problem.tables) - len(hosts),
        able=[
            {
                t: [
                    i
                    for i, interpreter in enumerate(problem.interpreters)
                    if interpreter_can_serve(interpreter, meeting.interpreter, t)
                ]
                for t in domains[m]
            }
            if meeting.interpreter is not None
            else {}
            for m, meeting in enumerate(problem.meetings)
        ],
    )
