"""Small brokerage days for tests, and a brute-force optimum to hold the solver to."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from twinning.scheduling import (
    Assignment,
    Meeting,
    Participant,
    Problem,
    Table,
    breaks_of,
    check,
    numbered_tables,
)


def day(
    pairs: Iterable[tuple[str, str]],
    *,
    slots: int,
    tables: int | tuple[Table, ...] = 2,
    unavailable: dict[str, set[int]] | None = None,
    spread: int | None = None,
    require_all: bool = True,
    **meeting_fields: dict[str, object],
) -> Problem:
    """Meetings m1, m2, ... between the given pairs; ``meeting_fields`` maps a field name to
    ``{meeting id: value}``, e.g. ``fixed_slot={"m1": 0}``."""
    pairs = list(pairs)
    people = sorted({p for pair in pairs for p in pair} | set(unavailable or {}))
    meetings = []
    for n, pair in enumerate(pairs, start=1):
        mid = f"m{n}"
        extra = {name: values[mid] for name, values in meeting_fields.items() if mid in values}
        meetings.append(Meeting(id=mid, participants=pair, **extra))  # type: ignore[arg-type]
    return Problem(
        slots=slots,
        tables=numbered_tables(tables) if isinstance(tables, int) else tables,
        participants=tuple(
            Participant(id=p, unavailable=frozenset((unavailable or {}).get(p, set())))
            for p in people
        ),
        meetings=tuple(meetings),
        max_break_spread=spread,
        require_all=require_all,
    )


def seat(problem: Problem, slot_of: dict[str, int]) -> list[Assignment]:
    """Tables for a slot assignment: hosts at their table, the rest on free ones."""
    hosted = {t.host: t.id for t in problem.tables if t.host is not None}
    free = [t.id for t in problem.tables if t.host is None]
    meetings = {m.id: m for m in problem.meetings}
    used: dict[int, int] = {}
    schedule = []
    for mid, slot in slot_of.items():
        host = next((hosted[p] for p in meetings[mid].participants if p in hosted), None)
        if host is None:
            n = used.get(slot, 0)
            used[slot] = n + 1
            host = free[n] if n < len(free) else "overflow"
        schedule.append(Assignment(meeting=mid, slot=slot, table=host))
    return schedule


def brute_force(problem: Problem) -> tuple[int, int] | None:
    """(scheduled priority weight, breaks) of the best valid schedule, by trying them all.

    Interpreters are left out: tests that need them use hand-made expectations.
    """
    ids = [m.id for m in problem.meetings]
    choices: list[int | None] = list(range(problem.slots))
    if not problem.require_all:
        choices.append(None)
    priority = {m.id: m.priority for m in problem.meetings}
    best: tuple[int, int] | None = None
    for slots in itertools.product(choices, repeat=len(ids)):
        slot_of = {mid: s for mid, s in zip(ids, slots, strict=True) if s is not None}
        schedule = seat(problem, slot_of)
        if check(problem, schedule):
            continue
        score = (sum(priority[m] for m in slot_of), -sum(breaks_of(problem, schedule).values()))
        if best is None or score > best:
            best = score
    return None if best is None else (best[0], -best[1])
