"""Checks of an itinerary before it is published: pure, on plain facts, no Django.

A person cannot be in two sessions at once, needs the travel time between two venues, and a
session that needs interpretation needs an interpreter who speaks both languages and is free.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise


@dataclass(frozen=True)
class SessionFacts:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: int
    people: frozenset[int] = frozenset()
    languages: tuple[str, ...] = ()
    interpreter: int | None = None


@dataclass(frozen=True)
class InterpreterFacts:
    id: int
    languages: frozenset[str]


@dataclass(frozen=True)
class Clash:
    """`kind` is overlap, travel, interpreter_missing, interpreter_busy, interpreter_languages or
    interpreter_unassigned; `sessions` are the ones concerned, in time order."""

    kind: str
    sessions: tuple[int, ...]
    person: int | None = None
    minutes: int = 0
    needed: int = 0
    interpreters: tuple[int, ...] = field(default=())


TravelMinutes = Callable[[int, int], int]


def _overlap(a: SessionFacts, b: SessionFacts) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def _gap_minutes(first: SessionFacts, then: SessionFacts) -> int:
    return int((then.starts_at - first.ends_at).total_seconds() // 60)


def person_warnings(sessions: Iterable[SessionFacts], travel: TravelMinutes) -> list[Clash]:
    """Overlapping sessions, and too little time to get from one venue to the next."""
    by_person: dict[int, list[SessionFacts]] = defaultdict(list)
    for session in sessions:
        for person in session.people:
            by_person[person].append(session)
    found: list[Clash] = []
    for person, own in sorted(by_person.items()):
        own.sort(key=lambda s: (s.starts_at, s.id))
        for i, first in enumerate(own):
            for other in own[i + 1 :]:
                if _overlap(first, other):
                    found.append(Clash("overlap", (first.id, other.id), person=person))
        for first, then in pairwise(own):
            if _overlap(first, then) or first.venue == then.venue:
                continue
            gap, needed = _gap_minutes(first, then), travel(first.venue, then.venue)
            if gap < needed:
                found.append(
                    Clash("travel", (first.id, then.id), person, minutes=gap, needed=needed)
                )
    return found


def _speaks(interpreter: InterpreterFacts, languages: tuple[str, ...]) -> bool:
    return set(languages) <= interpreter.languages


def interpreter_warnings(
    sessions: Iterable[SessionFacts], interpreters: Iterable[InterpreterFacts]
) -> list[Clash]:
    """A session that needs interpretation has an interpreter who speaks both languages and is
    not in another session at the time; without one, say who could be, or that nobody is free."""
    sessions, people = sorted(sessions, key=lambda s: (s.starts_at, s.id)), list(interpreters)
    known = {interpreter.id: interpreter for interpreter in people}
    found: list[Clash] = []
    for session in sessions:
        if not session.languages:
            continue
        clashes = [s for s in sessions if s.id != session.id and _overlap(s, session)]
        busy = {s.interpreter for s in clashes if s.interpreter is not None}
        assigned = known.get(session.interpreter) if session.interpreter is not None else None
        if assigned is not None and not _speaks(assigned, session.languages):
            found.append(Clash("interpreter_languages", (session.id,)))
        elif assigned is not None and assigned.id in busy:
            other = next(s.id for s in clashes if s.interpreter == assigned.id)
            found.append(Clash("interpreter_busy", tuple(sorted((session.id, other)))))
        elif assigned is None:
            free = tuple(i.id for i in people if i.id not in busy and _speaks(i, session.languages))
            kind = "interpreter_unassigned" if free else "interpreter_missing"
            found.append(Clash(kind, (session.id,), interpreters=free))
    return found


def itinerary_warnings(
    sessions: Iterable[SessionFacts],
    interpreters: Iterable[InterpreterFacts],
    travel: TravelMinutes,
) -> list[Clash]:
    sessions = list(sessions)
    return person_warnings(sessions, travel) + interpreter_warnings(sessions, interpreters)
