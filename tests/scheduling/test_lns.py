import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.scheduling.days import day, seat
from twinning.scheduling import Problem, Status, breaks_of, check
from twinning.scheduling.lns import Search, applies
from twinning.scheduling.problem import Index, allowed_slots
from twinning.scheduling.solver import _improve_locally, _prepare, _Solution

pytestmark = pytest.mark.unit


def improved(problem: Problem, start: dict[str, int], seconds: float = 0.5) -> dict[str, int]:
    index = Index.of(problem)
    domains = [allowed_slots(problem, m, index) for m in problem.meetings]
    search = Search(problem, index, domains, {index.meeting[m]: t for m, t in start.items()})
    slot_of = search.run(time.perf_counter() + seconds, lower=0, seed=0)
    return {problem.meetings[m].id: t for m, t in slot_of.items()}


def breaks(problem: Problem, slot_of: dict[str, int]) -> int:
    return sum(breaks_of(problem, seat(problem, slot_of)).values())


def test_spread_out_meetings_are_pulled_together():
    problem = day([("a", "b"), ("a", "c"), ("a", "d")], slots=7)
    start = {"m1": 0, "m2": 3, "m3": 6}

    result = improved(problem, start)

    assert breaks(problem, start) == 2
    assert check(problem, seat(problem, result)) == []
    assert breaks(problem, result) == 0


def test_repairs_keep_fairness_and_unavailability():
    pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("a", "d")]
    problem = day(pairs, slots=8, unavailable={"a": {2}, "c": {5}}, spread=1)
    start = {"m1": 0, "m2": 3, "m3": 6, "m4": 1, "m5": 7}

    result = improved(problem, start)

    assert check(problem, seat(problem, start)) == []
    assert check(problem, seat(problem, result)) == []
    assert breaks(problem, result) < breaks(problem, start)


def test_a_repaired_day_is_bounded_by_who_cannot_avoid_a_break():
    # a cannot meet in slot 1: a's two meetings make a break whatever the search does.
    problem = day([("a", "b"), ("a", "c"), ("d", "e")], slots=3, unavailable={"a": {1}})
    prepared = _prepare(problem, [])
    placed = _Solution(slot_of={0: 0, 1: 2, 2: 1}, interpreter_of={}, breaks=1, objective=1)

    result = _improve_locally(problem, prepared, placed, time.perf_counter() + 0.5, 0)

    assert check(problem, result.assignments) == []
    assert (result.status, result.breaks, result.bound) == (Status.OPTIMAL, 1, 1)


def test_precedences_hold_through_the_repairs():
    # m2 must follow m1, m3 must follow m2: pulled together, a's day keeps that order.
    problem = day(
        [("a", "b"), ("a", "c"), ("a", "d"), ("b", "d")],
        slots=8,
        after={"m2": ("m1",), "m3": ("m2",)},
    )
    start = {"m1": 1, "m2": 4, "m3": 7, "m4": 0}

    result = improved(problem, start)

    assert applies(problem)
    assert check(problem, seat(problem, result)) == []
    assert result["m1"] < result["m2"] < result["m3"]
    assert breaks(problem, result) < breaks(problem, start)


people = st.sampled_from("abcdef")


@settings(max_examples=15, deadline=None)
@given(
    pairs=st.lists(st.tuples(people, people).filter(lambda p: p[0] != p[1]), max_size=10),
    seed=st.integers(0, 1000),
)
def test_every_repaired_schedule_passes_the_checker(pairs: list[tuple[str, str]], seed: int):
    problem = day(pairs, slots=12, tables=3, require_all=False)
    # A valid but careless start: each meeting in the first slot its participants have free.
    start: dict[str, int] = {}
    busy: dict[str, set[int]] = {}
    used: dict[int, int] = {}
    for n, (p, q) in enumerate(pairs, start=1):
        free = [
            t
            for t in range((seed + n) % 5, 12)
            if t not in busy.get(p, set()) | busy.get(q, set()) and used.get(t, 0) < 3
        ]
        if free:
            start[f"m{n}"] = free[0]
            busy.setdefault(p, set()).add(free[0])
            busy.setdefault(q, set()).add(free[0])
            used[free[0]] = used.get(free[0], 0) + 1

    result = improved(problem, start, seconds=0.1)

    assert check(problem, seat(problem, result)) == []
    assert result.keys() == start.keys()
    assert breaks(problem, result) <= breaks(problem, start)
