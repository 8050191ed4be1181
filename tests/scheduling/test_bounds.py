"""The lower bound on breaks (``scheduling/bounds.py``) is never above the optimum, and it
proves the breaks that the slots' capacity forces."""

import dataclasses
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.scheduling.days import brute_force, day
from tests.scheduling.test_placement import hidden_day
from tests.scheduling.test_properties import days
from twinning.scheduling import Problem, Status, solve
from twinning.scheduling.bounds import (
    INF,
    Bounder,
    cheapest_pattern,
    colouring,
    lagrangian_bound,
    people,
)
from twinning.scheduling.clauses import ClauseModel
from twinning.scheduling.dzn import problem_from_dzn
from twinning.scheduling.problem import Index, allowed_slots
from twinning.scheduling.solver import _prepare

pytestmark = pytest.mark.unit

BENCHMARK = Path(__file__).resolve().parents[2] / "bench" / "b2b" / "instances"


def bound_of(problem: Problem, seconds: float = 10.0) -> int:
    index = Index.of(problem)
    domains = [allowed_slots(problem, m, index) for m in problem.meetings]
    return lagrangian_bound(
        problem, index, domains, deadline=time.perf_counter() + seconds, upper=None
    )


# Three buyers (a, b, c) and three suppliers (x, y, z), six meetings, three slots, two tables:
# every slot holds two meetings. Alone, everyone fits an unbroken block, but x, y and z each
# have two meetings, and three blocks of two in three slots all cover the middle slot, which
# seats only two of them: one supplier breaks.
CROWDED = day(
    [("a", "x"), ("a", "y"), ("a", "z"), ("b", "y"), ("b", "z"), ("c", "x")], slots=3, tables=2
)


def test_the_crowded_middle_slot_forces_a_break_that_no_participant_alone_shows():
    result = solve(CROWDED, time_limit=5.0, workers=1)

    assert brute_force(CROWDED) == (6, 1)
    assert bound_of(CROWDED) == 1
    assert result.status is Status.OPTIMAL
    assert (result.breaks, result.bound) == (1, 1)


def test_without_the_crowding_the_bound_is_zero():
    roomy = dataclasses.replace(CROWDED, slots=4)

    assert brute_force(roomy) == (6, 0)
    assert bound_of(roomy) == 0


def test_a_two_sided_day_gets_two_colours_and_a_triangle_three():
    two_sided = colouring(CROWDED, Index.of(CROWDED))
    triangle = day([("a", "b"), ("b", "c"), ("a", "c")], slots=3)

    by_id = dict(zip([p.id for p in CROWDED.participants], two_sided, strict=True))
    assert {by_id[p] for p in "abc"} != {by_id[p] for p in "xyz"}
    assert len({by_id[p] for p in "abc"}) == len({by_id[p] for p in "xyz"}) == 1
    assert sorted(colouring(triangle, Index.of(triangle))) == [0, 1, 2]


def test_fixed_slots_and_sessions_shape_the_patterns():
    # a meets x fixed in slot 0 and y fixed in slot 3: with two meetings, a breaks.
    fixed = day([("a", "x"), ("a", "y")], slots=4, fixed_slot={"m1": 0, "m2": 3})
    morning = dataclasses.replace(fixed, morning_slots=2)
    sessions = day(
        [("a", "x"), ("a", "y"), ("a", "z")],
        slots=4,
        session={"m1": "morning", "m2": "afternoon", "m3": "morning"},
    )
    sessions = dataclasses.replace(sessions, morning_slots=1)

    assert bound_of(fixed) == 1 == brute_force(fixed)[1]  # type: ignore[index]
    assert bound_of(morning) == 1
    # Two morning meetings in a morning of one slot: no schedule, and no bound claimed.
    assert brute_force(sessions) is None
    assert bound_of(sessions) == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days(max_meetings=6))
def test_the_bound_never_exceeds_the_brute_force_optimum(problem: Problem):
    problem = dataclasses.replace(problem, require_all=True)
    best = brute_force(problem)

    if best is not None:
        assert bound_of(problem, 2.0) <= best[1]


# Published optima (Bofill et al., JAIR 2022) of benchmark days where the bound is not zero.
PUBLISHED = {
    "forum-13crafb.original": 6,
    "forumt-14.original": 5,
    "tic-13crafc.original": 4,
    "tic-13.fixed040-Forb": 13,
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_on_published_days_the_bound_is_at_most_the_optimum(name):
    problem = problem_from_dzn((BENCHMARK / f"{name}.dzn").read_text(), name=name)

    bound = bound_of(problem, 20.0)

    assert 0 < bound <= PUBLISHED[name]


def test_the_bounder_adds_refutations_of_the_model_of_clauses():
    # A triangle a-b-c and c-d, one table, four slots: c meets three people in a row, so one
    # of a and b waits a slot between their two meetings. The relaxation forgets who meets
    # whom and sees no break; the model of clauses refutes "no break at all".
    problem = day([("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")], slots=4, tables=1)
    index = Index.of(problem)
    domains = [allowed_slots(problem, m, index) for m in problem.meetings]
    forced = [0] * len(problem.participants)

    def bounder(clauses: bool) -> Bounder:
        thread = Bounder(
            problem,
            index,
            domains,
            deadline=time.perf_counter() + 10.0,
            upper=3,
            start=0,
            clauses=lambda: ClauseModel(problem, index, domains, forced) if clauses else None,
        )
        thread.start()
        thread.join()
        return thread

    assert brute_force(problem) == (4, 1)
    assert bound_of(problem) == 0
    assert bounder(clauses=False).lower == 0
    both = bounder(clauses=True)
    assert (both.lower, both.refuted) == (1, 1)


def test_a_failure_in_the_bound_reaches_the_caller():
    index = Index.of(CROWDED)

    def broken() -> None:
        raise RuntimeError("the model could not be built")

    thread = Bounder(
        CROWDED,
        index,
        [allowed_slots(CROWDED, m, index) for m in CROWDED.meetings],
        deadline=time.perf_counter() + 10.0,
        upper=5,
        start=0,
        clauses=broken,  # type: ignore[arg-type]
    )
    thread.start()
    with pytest.raises(RuntimeError, match="could not be built"):
        thread.join()


def test_a_large_day_shows_the_bound_proven_beside_the_search():
    # 480 meetings, tables exactly full in every slot, and nobody's own day forces a break:
    # the bound used to be 0 there.
    problem = hidden_day(people=120, slots=16, per_slot=30, hubs=6, seed=3)
    prepared = _prepare(problem, [])
    assert all(options for options in prepared.block_options)

    result = solve(problem, time_limit=15, workers=1)

    assert len(result.assignments) == 480
    assert 1 <= result.bound <= result.breaks
    assert result.gap == (result.breaks - result.bound) / result.breaks


def test_a_stopped_bounder_asks_no_more_and_keeps_what_it_proved():
    problem = hidden_day(people=120, slots=16, per_slot=30, hubs=6, seed=3)
    prepared = _prepare(problem, [])
    asked: list[bool] = []

    def clauses() -> None:
        asked.append(True)

    thread = Bounder(
        problem,
        prepared.index,
        prepared.domains,
        deadline=time.perf_counter() + 600.0,
        upper=1000,
        start=0,
        clauses=clauses,  # type: ignore[arg-type]
    )
    thread.stop()
    thread.start()
    thread.join(timeout=60.0)

    assert not thread.is_alive()
    assert thread.lower == 0
    assert asked == []


def test_the_cheapest_pattern_weighs_a_break_against_the_price_of_a_slot():
    problem = day([("a", "x"), ("a", "y"), ("a", "z")], slots=5, fixed_slot={"m3": 4})
    index = Index.of(problem)
    person = people(problem, index, [allowed_slots(problem, m, index) for m in problem.meetings])
    a = person[index.participant["a"]]

    assert cheapest_pattern(a, [0, 0, 0, 0, 0], None) == (0.0, [2, 3, 4])
    # Slot 2 costs more than a break: a breaks rather than meet in it.
    value, pattern = cheapest_pattern(a, [0, 0, 1.5, 0, 0], None)
    assert value == 1.0
    assert 2 not in pattern
    assert 4 in pattern
    assert len(pattern) == 3
    # Two busy slots in a morning of one slot: none.
    assert cheapest_pattern(dataclasses.replace(a, morning_least=2), [0] * 5, 1)[0] == INF
