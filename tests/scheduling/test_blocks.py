import pytest

from tests.scheduling.days import day
from twinning.scheduling import Status, check, solve
from twinning.scheduling.blocks import block_starts
from twinning.scheduling.problem import Assignment
from twinning.scheduling.solver import _name_who_breaks, _Names, _prepare, _Run
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


def test_naming_who_breaks_finds_the_schedule_with_only_the_named_participant_breaking():

    # a cannot meet in slot 1, so a's two meetings (slots 0 and 2) make one break.
    problem = day([("a", "b"), ("a", "c"), ("d", "e")], slots=3, unavailable={"a": {1}})
    prepared = _prepare(problem, [])
    names = _Names.of(prepared)
    a = prepared.index.participant["a"]
    # The participant who cannot avoid a break is named first, and alone.
    assert names.left[0] == {a}

    run = _Run(problem, prepared, cap=1)
    assert _name_who_breaks(run, names, 5.0, 1, 0) is Status.FEASIBLE
    solution = run.solution()
    tables = assign_tables(problem, solution.slot_of)
    schedule = [
        Assignment(problem.meetings[m].id, t, tables[m]) for m, t in solution.slot_of.items()
    ]
    assert solution.breaks == 1
    assert check(problem, schedule) == []


def test_naming_reports_unknown_when_every_name_is_refuted():

    problem = day([("a", "b"), ("a", "c"), ("d", "e")], slots=3, unavailable={"a": {1}})
    prepared = _prepare(problem, [])
    names = _Names.of(prepared)
    run = _Run(problem, prepared, cap=0)

    # Nobody can keep a's day unbroken: every name is refuted, which proves nothing more.
    assert _name_who_breaks(run, names, 5.0, 1, 0) is Status.UNKNOWN
    assert names.left == []
