import pytest

from tests.scheduling.days import brute_force, day
from twinning.scheduling import Status, breaks_of, check, solve, solver
from twinning.scheduling.blocks import block_starts
from twinning.scheduling.problem import Assignment
from twinning.scheduling.solver import _prepare, _Solution
from twinning.scheduling.tables import assign_tables

pytestmark = pytest.mark.unit


def test_every_start_works_when_meetings_may_take_any_slot():
    assert block_starts(5, [[0, 1, 2, 3, 4]] * 3) == [0, 1, 2]


def test_a_block_must_give_each_meeting_a_slot_of_its_own_domain():
    # Two meetings that can only take slot 1 never fit in one block together.
    assert block_starts(4, [[1], [1]]) == []
    # A morning-only and an afternoon-only meeting fit only across the boundary.
    assert block_starts(6, [[0, 1, 2], [3, 4, 5]]) == [2]


def test_matching_moves_an_earlier_choice_to_make_room():
    # The first meeting could take slot 2, but only slot 3 is left for it once the second
    # meeting, which can only take 2, is placed: augmenting paths find that.
    assert block_starts(4, [[2, 3], [2]]) == [2]


def test_no_meetings_have_no_block():
    assert block_starts(4, []) == []


def test_a_participant_whose_day_fits_no_block_makes_the_bound_start_at_one():
    # a meets b in the first slot only and c in the last only: a break is forced, and the
    # solver states the bound without having to search for it.
    problem = day(
        [("a", "b"), ("a", "c"), ("d", "e")],
        slots=4,
        fixed_slot={"m1": 0, "m2": 3},
    )

    result = solve(problem, time_limit=5.0, workers=1)

    assert check(problem, result.assignments) == []
    assert (result.status, result.breaks, result.bound) == (Status.OPTIMAL, 1, 1)


def _seated(problem, solution):
    tables = assign_tables(problem, solution.slot_of)
    return [Assignment(problem.meetings[m].id, t, tables[m]) for m, t in solution.slot_of.items()]


@pytest.mark.parametrize("workers", [1, 2])
def test_narrowing_counts_two_breaks_of_one_participant_as_two(workers):
    # a meets b, c and d in slots 0, 2 and 4 only: two breaks, whatever the search does.
    problem = day(
        [("a", "b"), ("a", "c"), ("a", "d")], slots=5, fixed_slot={"m1": 0, "m2": 2, "m3": 4}
    )
    prepared = _prepare(problem, [])
    start = _Solution(slot_of={0: 0, 1: 2, 2: 4}, interpreter_of={}, breaks=2, objective=2)

    best, lower = solver._narrow(
        problem, prepared, start, 0, solver.Search.within(5.0, workers=workers, seed=0)
    )

    assert check(problem, _seated(problem, best)) == []
    assert (best.breaks, lower) == (2, 2)


@pytest.mark.parametrize("workers", [1, 2])
def test_narrowing_improves_a_poor_schedule_to_the_proven_optimum(workers):
    pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("a", "d")]
    problem = day(pairs, slots=6, unavailable={"a": {2}}, spread=1)
    prepared = _prepare(problem, [])
    # A valid schedule with every meeting spread out: a, b, c and d all break.
    poor = {0: 0, 1: 3, 2: 5, 3: 1, 4: 5}
    start = _Solution(poor, {}, breaks=0, objective=0)
    start.breaks = start.objective = sum(breaks_of(problem, _seated(problem, start)).values())
    assert check(problem, _seated(problem, start)) == []
    optimum = brute_force(problem)
    assert optimum is not None and start.breaks > optimum[1]

    best, lower = solver._narrow(
        problem, prepared, start, 0, solver.Search.within(10.0, workers=workers, seed=0)
    )

    assert check(problem, _seated(problem, best)) == []
    assert best.breaks == lower == optimum[1]
