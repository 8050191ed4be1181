"""Read the MiniZinc data files of the B2B benchmark (Bofill et al., JAIR 2022).

Participants, meetings and slots are 1-based there; here they become ids "p1", "m1" and
0-based slots. Every meeting of a benchmark instance must be scheduled.
"""

from __future__ import annotations

import re

from twinning.scheduling.problem import Meeting, Participant, Problem, Session, numbered_tables

SESSIONS = {1: Session.MORNING, 2: Session.AFTERNOON, 3: Session.ANY}
ASSIGNMENT = re.compile(r"(\w+)\s*=\s*(.*?);", re.DOTALL)


class DznError(ValueError):
    pass


def _fields(text: str) -> dict[str, str]:
    text = re.sub(r"%.*", "", text)
    return {name: value.strip() for name, value in ASSIGNMENT.findall(text)}


def _int(fields: dict[str, str], name: str) -> int:
    try:
        return int(fields[name])
    except (KeyError, ValueError):
        raise DznError(f"{name}: missing or not an integer") from None


def _sets(value: str) -> list[set[int]]:
    return [
        {int(n) for n in body.split(",") if n.strip()} for body in re.findall(r"\{([^}]*)\}", value)
    ]


def _ints(value: str) -> list[int]:
    return [int(n) for n in re.findall(r"-?\d+", value)]


def _requested(value: str, count: int) -> list[tuple[int, int, int]]:
    numbers = _ints(value)
    if len(numbers) != 3 * count:
        raise DznError(f"requested: expected {count} rows of 3 numbers")
    return [(numbers[i], numbers[i + 1], numbers[i + 2]) for i in range(0, len(numbers), 3)]


def problem_from_dzn(text: str, *, name: str = "", max_break_spread: int | None = 2) -> Problem:
    fields = _fields(text)
    people, count, slots = (_int(fields, k) for k in ("nBusiness", "nMeetings", "nTotalSlots"))
    morning = _int(fields, "nMorningSlots")
    forbidden = _sets(fields.get("forbidden", "")) or [set() for _ in range(people)]
    fixed = _ints(fields.get("fixed", "")) or [0] * count
    precedences = _sets(fields.get("precedences", "")) or [set() for _ in range(count)]
    if len(forbidden) != people or len(fixed) != count or len(precedences) != count:
        raise DznError("forbidden, fixed or precedences: wrong number of entries")
    participants = tuple(
        Participant(id=f"p{p + 1}", unavailable=frozenset(t - 1 for t in forbidden[p] if t > 0))
        for p in range(people)
    )
    meetings = tuple(
        Meeting(
            id=f"m{m + 1}",
            participants=(f"p{a}", f"p{b}"),
            session=SESSIONS[session],
            fixed_slot=fixed[m] - 1 if fixed[m] > 0 else None,
            after=tuple(f"m{o}" for o in sorted(precedences[m])),
        )
        for m, (a, b, session) in enumerate(_requested(fields.get("requested", ""), count))
    )
    return Problem(
        name=name,
        slots=slots,
        morning_slots=morning if morning < slots else None,
        tables=numbered_tables(_int(fields, "nTables")),
        participants=participants,
        meetings=meetings,
        max_break_spread=max_break_spread,
        require_all=True,
    )
