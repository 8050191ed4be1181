"""Random small days: every schedule passes the checker, and the optimum matches brute force."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.scheduling.days import brute_force
from twinning.scheduling import (
    Meeting,
    Participant,
    Problem,
    Session,
    Status,
    Table,
    check,
    solve,
)

pytestmark = pytest.mark.unit

PEOPLE = ["a", "b", "c", "d", "e"]


@st.composite
def days(draw: st.DrawFn, max_meetings: int = 5) -> Problem:
    slots = draw(st.integers(2, 4))
    count = draw(st.integers(1, max_meetings))
    meetings = []
    for n in range(count):
        a, b = draw(st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=2, unique=True))
        earlier = [m.id for m in meetings]
        meetings.append(
            Meeting(
                id=f"m{n}",
                participants=(a, b),
                session=draw(st.sampled_from(list(Session))),
                fixed_slot=draw(st.none() | st.none() | st.integers(0, slots - 1)),
                after=tuple(draw(st.lists(st.sampled_from(earlier), max_size=1)))
                if earlier
                else (),
                priority=draw(st.integers(1, 3)),
            )
        )
    host = draw(st.none() | st.sampled_from(PEOPLE))
    free_tables = draw(st.integers(1, 2))
    tables = tuple(Table(id=f"t{n}") for n in range(free_tables))
    if host is not None:
        tables += (Table(id="hosted", host=host),)
    return Problem(
        slots=slots,
        morning_slots=draw(st.integers(0, slots)),
        tables=tables,
        participants=tuple(
            Participant(p, frozenset(draw(st.sets(st.integers(0, slots - 1), max_size=1))))
            for p in PEOPLE
        ),
        meetings=tuple(meetings),
        max_break_spread=draw(st.none() | st.integers(0, 2)),
        require_all=draw(st.booleans()),
    )


CHEAP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CHEAP
@given(days())
def test_every_schedule_passes_the_checker_and_is_optimal(problem: Problem):
    result = solve(problem, time_limit=5.0, workers=1)
    best = brute_force(problem)

    if best is None:
        assert result.status is Status.INFEASIBLE
        assert result.reason
        return
    assert result.status is Status.OPTIMAL
    assert check(problem, result.assignments) == []
    assert (result.scheduled_weight, result.breaks) == best
    assert result.bound == result.breaks
    assert {u.meeting for u in result.unscheduled} == {m.id for m in problem.meetings} - {
        a.meeting for a in result.assignments
    }
