import pytest

from tests.scheduling.days import day
from twinning.scheduling import Status, check, solve
from twinning.scheduling.blocks import block_starts

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
