import pytest

from tests.scheduling.days import brute_force, day
from twinning.scheduling import Status, breaks_of, check, solve, solver
from twinning.scheduling.blocks import block_starts
from twinning.scheduling.problem import Assignment
from twinning.scheduling.solver import (
    _guess_who_breaks,
    _name_who_breaks,
    _Names,
    _prepare,
    _restarting,
    _Run,
    _Solution,
)
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


def _one_forced_break():
    # a cannot meet in slot 1, so a's two meetings (slots 0 and 2) make one break.
    return day([("a", "b"), ("a", "c"), ("d", "e")], slots=3, unavailable={"a": {1}})


def _assert_valid_with_one_break(problem, run):
    solution = run.solution()
    assert solution.breaks == 1
    assert check(problem, _seated(problem, solution)) == []


def test_naming_who_breaks_finds_the_schedule_with_only_the_named_participant_breaking():
    problem = _one_forced_break()
    prepared = _prepare(problem, [])
    names = _Names.of(prepared)
    a = prepared.index.participant["a"]
    # The participant who cannot avoid a break is named first, and alone.
    assert names.left[0] == {a}

    run = _Run(problem, prepared, cap=1)
    assert _name_who_breaks(run, names, 5.0, 1, 0) is Status.FEASIBLE
    _assert_valid_with_one_break(problem, run)


def test_naming_reports_unknown_when_every_name_is_refuted():
    problem = _one_forced_break()
    prepared = _prepare(problem, [])
    names = _Names.of(prepared)
    run = _Run(problem, prepared, cap=0)

    # Nobody can keep a's day unbroken: every name is refuted, which proves nothing more.
    assert _name_who_breaks(run, names, 5.0, 1, 0) is Status.UNKNOWN
    assert names.left == []


def test_names_too_few_to_hold_the_cap_are_not_worth_asking():
    names = _Names(left=[{0}], forced=0)
    # With fairness 2 and somebody at 0 breaks, one named participant takes at most 2.
    assert names.can_take(2, 2)
    assert not names.can_take(3, 2)
    # Without fairness one participant may take them all.
    assert names.can_take(3, None)
    assert _Names(left=[{0, 1}], forced=1).can_take(4, 2)


def test_a_guess_finds_the_schedule_when_the_most_constrained_participant_breaks():
    problem = _one_forced_break()
    prepared = _prepare(problem, [])
    names = _Names.of(prepared)
    run = _Run(problem, prepared, cap=1)

    assert _guess_who_breaks(run, names, 1, 0) is Status.FEASIBLE
    _assert_valid_with_one_break(problem, run)


def test_a_refuted_guess_drops_its_name_and_an_undecided_one_marks_naming_slow(monkeypatch):
    problem = _one_forced_break()
    prepared = _prepare(problem, [])
    refuted = _Names.of(prepared)
    before = len(refuted.left)

    assert _guess_who_breaks(_Run(problem, prepared, cap=0), refuted, 1, 0) is Status.UNKNOWN
    assert len(refuted.left) == before - min(before, solver.GUESSES)
    assert not refuted.slow

    undecided = _Names.of(prepared)
    monkeypatch.setattr(solver, "_try_name", lambda *args: Status.UNKNOWN)
    assert _guess_who_breaks(_Run(problem, prepared, cap=1), undecided, 1, 0) is Status.UNKNOWN
    # It stops at the first undecided name and keeps it for later rounds.
    assert len(undecided.left) == before
    assert undecided.slow


def test_restarting_search_answers_and_counts_its_slices():
    problem = _one_forced_break()
    prepared = _prepare(problem, [])
    names = _Names.of(prepared)

    found = _restarting(_Run(problem, prepared, cap=1), names, 5.0, 1, 0)
    # A question without an objective is "optimal" as soon as a schedule is found.
    assert found in (Status.OPTIMAL, Status.FEASIBLE)
    assert names.restarts == 1
    assert _restarting(_Run(problem, prepared, cap=0), names, 5.0, 1, 0) is Status.INFEASIBLE
    assert names.restarts == 2


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

    best, lower = solver._narrow(problem, prepared, start, 0, 5.0, workers, 0)

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

    best, lower = solver._narrow(problem, prepared, start, 0, 10.0, workers, 0)

    assert check(problem, _seated(problem, best)) == []
    assert best.breaks == lower == optimum[1]


def test_a_narrowing_slice_answers_with_a_schedule_at_the_cap():
    problem = _one_forced_break()
    prepared = _prepare(problem, [])
    run = _Run(problem, prepared, cap=1)

    assert solver._narrowing_slice(run, 5.0, 2, 0) is Status.FEASIBLE
    # The schedule found by the narrowing model is the run's answer.
    _assert_valid_with_one_break(problem, run)


def test_a_narrowing_slice_refutes_the_cap_and_keeps_what_it_found_above_it():
    # a meets b, c and d in slots 0, 2 and 4 only: two breaks, so "at most 1" is refuted.
    problem = day(
        [("a", "b"), ("a", "c"), ("a", "d")], slots=5, fixed_slot={"m1": 0, "m2": 2, "m3": 4}
    )
    run = _Run(problem, _prepare(problem, []), cap=1)

    assert solver._narrowing_slice(run, 5.0, 2, 0) is Status.INFEASIBLE
    assert run.better is not None and run.better.breaks == 2
    assert check(problem, _seated(problem, run.better)) == []
