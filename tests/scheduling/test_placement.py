"""Every meeting of a day that has a complete schedule is placed, and fairness never costs a
meeting without saying so."""

import random
import time

import pytest

from tests.scheduling.days import day, seat
from twinning.scheduling import Meeting, Participant, Problem, Status, check, numbered_tables, solve
from twinning.scheduling.placement import place_all
from twinning.scheduling.solver import _prepare

pytestmark = pytest.mark.unit


def hidden_day(*, people: int, slots: int, per_slot: int, hubs: int, seed: int) -> Problem:
    """Meetings drawn slot by slot (a hidden complete schedule): the first ``hubs``
    participants meet somebody in every slot, and the tables are exactly full."""
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    meetings = []
    for _ in range(slots):
        busy: set[int] = set()
        order = list(range(hubs)) + rng.sample(range(hubs, people), people - hubs)
        for a in order:
            if len(busy) >= 2 * per_slot:
                break
            if a in busy:
                continue
            free = [b for b in range(hubs, people) if b != a and b not in busy]
            free = [b for b in free if (min(a, b), max(a, b)) not in pairs]
            if not free:
                continue
            b = rng.choice(free)
            pairs.add((min(a, b), max(a, b)))
            busy.update((a, b))
            meetings.append((f"p{a}", f"p{b}"))
    rng.shuffle(meetings)
    return Problem(
        slots=slots,
        tables=numbered_tables(per_slot),
        participants=tuple(Participant(f"p{p}") for p in range(people)),
        meetings=tuple(Meeting(id=f"m{n}", participants=pair) for n, pair in enumerate(meetings)),
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_ejection_chain_places_every_meeting_of_a_full_day(seed):
    problem = hidden_day(people=60, slots=12, per_slot=20, hubs=4, seed=seed)
    prepared = _prepare(problem, [])

    slot_of, _ = place_all(
        problem, prepared.index, prepared.domains, time.perf_counter() + 10, seed=seed
    )

    assert len(slot_of) == len(problem.meetings) == 240
    named = {problem.meetings[m].id: t for m, t in slot_of.items()}
    assert check(problem, seat(problem, named)) == []


def test_the_events_mode_places_every_meeting_of_a_large_full_day():
    problem = hidden_day(people=120, slots=16, per_slot=30, hubs=6, seed=3)

    result = solve(problem, time_limit=15, workers=1)

    assert len(result.assignments) == len(problem.meetings) == 480
    assert result.unscheduled == []
    assert result.all_fit is True
    assert check(problem, result.assignments) == []


def test_fairness_that_cannot_hold_with_every_meeting_is_proven_and_the_smallest_offered():
    # a must meet b in slot 0 and c in slot 2: a break, so a spread of 0 cannot hold.
    problem = day(
        [("a", "b"), ("a", "c"), ("d", "e")],
        slots=3,
        unavailable={"a": {1}, "b": {1, 2}, "c": {0, 1}},
        spread=0,
        require_all=False,
    )

    result = solve(problem, time_limit=10, workers=1)

    assert result.all_fit is False
    assert result.smallest_spread == 1
    assert "max_break_spread" in (result.reason or "")
    assert "with a spread of 1 they all fit" in (result.reason or "")
    assert len(result.unscheduled) == 1


def test_the_events_mode_proves_what_require_all_proves():
    pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")]
    wanted = day(pairs, slots=4, tables=1, require_all=False)
    required = day(pairs, slots=4, tables=1, require_all=True)

    events, benchmark = solve(wanted, time_limit=10), solve(required, time_limit=10)

    assert events.status is benchmark.status is Status.OPTIMAL
    assert events.breaks == benchmark.breaks
    assert events.all_fit is True


def test_meetings_needing_an_interpreter_share_them_one_slot_at_a_time():
    from dataclasses import replace

    from twinning.scheduling import Interpreter

    base = hidden_day(people=30, slots=8, per_slot=8, hubs=2, seed=4)
    # Every third meeting needs the one en-ru interpreter, who is away in slot 0.
    meetings = tuple(
        replace(m, interpreter="en-ru") if n % 3 == 0 and n < 3 * 7 else m
        for n, m in enumerate(base.meetings)
    )
    problem = replace(
        base,
        meetings=meetings,
        interpreters=(Interpreter("i1", frozenset({"en", "ru"}), frozenset({0})),),
    )

    prepared = _prepare(problem, [])

    slot_of, interpreter_of = place_all(
        problem, prepared.index, prepared.domains, time.perf_counter() + 10
    )

    assert len(slot_of) == len(problem.meetings)
    served = {slot_of[m] for m in interpreter_of}
    assert len(interpreter_of) == len(served) == 7 and 0 not in served
    named = {problem.meetings[m].id: t for m, t in slot_of.items()}
    schedule = [
        replace(
            a, interpreter="i1" if prepared.index.meeting[a.meeting] in interpreter_of else None
        )
        for a in seat(problem, named)
    ]
    assert check(problem, schedule) == []


def test_when_no_search_finishes_the_placement_is_still_returned(monkeypatch):
    from twinning.scheduling import solver

    problem = hidden_day(people=40, slots=10, per_slot=12, hubs=2, seed=5)
    problem = Problem(**{**problem.__dict__, "require_all": False})
    # Neither the search for every meeting nor the one keeping the most gets anywhere.
    monkeypatch.setattr(
        solver, "_every_meeting", lambda *args: solver.Result(solver.Status.UNKNOWN)
    )
    monkeypatch.setattr(solver._Run, "solve", lambda self, *args, **kwargs: solver.Status.UNKNOWN)

    result = solve(problem, time_limit=5, workers=1)

    assert result.status is Status.FEASIBLE
    assert result.all_fit is None
    assert check(problem, result.assignments) == []
    assert len(result.assignments) > 0
