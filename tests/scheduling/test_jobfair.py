"""The job-fair allocation model: its rules, its fairness floor and its use of preferences."""

import pytest

from twinning.scheduling import jobfair as jf

pytestmark = pytest.mark.unit


def problem(**changes):  # type: ignore[no-untyped-def]
    base = {
        "slots": 3,
        "booths": (jf.Booth("b1", interviewers=1), jf.Booth("b2", interviewers=2)),
        "students": tuple(jf.Student(f"s{n}") for n in range(1, 6)),
        "wishes": (
            jf.Wish("s1", "b1", 16),
            jf.Wish("s1", "b2", 14),
            jf.Wish("s2", "b1", 16),
            jf.Wish("s3", "b1", 16),
            jf.Wish("s4", "b1", 16),
            jf.Wish("s5", "b2", 10),
        ),
        "max_per_student": 2,
    }
    return jf.FairProblem(**{**base, **changes})


def test_allocation_keeps_every_rule():
    fair = problem()
    result = jf.allocate(fair, time_limit=10)
    assert jf.check(fair, result.interviews) == []
    assert result.status == "optimal"


def test_booth_interviewers_are_parallel_capacity_and_nobody_is_double_booked():
    fair = problem()
    result = jf.allocate(fair, time_limit=10)
    per_slot: dict[tuple[str, int], int] = {}
    for item in result.interviews:
        per_slot[(item.booth, item.slot)] = per_slot.get((item.booth, item.slot), 0) + 1
    assert all(count <= (1 if booth == "b1" else 2) for (booth, _), count in per_slot.items())
    places = [(i.student, i.slot) for i in result.interviews]
    assert len(places) == len(set(places))


def test_fairness_floor_gives_every_student_one_interview_before_a_second_to_anyone():
    # b1 has 3 seats in all and four students want it; s1 also wants b2. With the floor, s1
    # goes to b2 so that s2, s3, s4 each get b1: nobody who asked is left without.
    result = jf.allocate(problem(), time_limit=10)
    assert result.students_without == []
    assert {i.student for i in result.interviews} == {"s1", "s2", "s3", "s4", "s5"}


def test_floor_where_impossible_reports_who_has_none():
    crowded = problem(slots=1, wishes=tuple(jf.Wish(f"s{n}", "b1", 10) for n in range(1, 4)))
    result = jf.allocate(crowded, time_limit=10)
    assert len(result.interviews) == 1
    assert len(result.students_without) == 2
    assert any("has no interview" in r for r in result.reasons)


def test_preference_weight_decides_between_equals():
    fair = problem(
        slots=1,
        students=(jf.Student("s1"), jf.Student("s2")),
        booths=(jf.Booth("b1", 1),),
        wishes=(jf.Wish("s1", "b1", 4), jf.Wish("s2", "b1", 16)),
    )
    assert [i.student for i in jf.allocate(fair, time_limit=10).interviews] == ["s2"]


def test_unavailable_slots_are_respected():
    fair = problem(
        students=(jf.Student("s1", unavailable=frozenset({0, 1})), *problem().students[1:])
    )
    result = jf.allocate(fair, time_limit=10)
    assert all(i.slot == 2 for i in result.interviews if i.student == "s1")
    assert jf.check(fair, result.interviews) == []


def test_fixed_interviews_stay_where_they_are():
    fair = problem(fixed=(jf.Fixed("s2", "b1", 0, 0),))
    result = jf.allocate(fair, time_limit=10)
    assert jf.Interview("s2", "b1", 0, 0, 16) in result.interviews
    assert jf.check(fair, result.interviews) == []


def test_overlapping_fixed_interviews_are_refused():
    fair = problem(fixed=(jf.Fixed("s2", "b1", 0, 0), jf.Fixed("s3", "b1", 0, 0)))
    with pytest.raises(jf.ProblemError):
        jf.allocate(fair)


def test_first_come_books_in_arrival_order_and_can_leave_late_students_without():
    fair = problem(slots=1)
    booked = jf.first_come(fair, ["s1", "s2", "s3", "s4", "s5"])
    assert jf.check(fair, booked) == []
    assert {i.student for i in booked} == {"s1", "s5"}  # s2-s4 find b1 full
    assert len(jf.allocate(fair, time_limit=10).students_without) < 3


def test_the_checker_finds_a_double_booking():
    fair = problem()
    bad = [jf.Interview("s1", "b1", 0, 0, 1), jf.Interview("s2", "b1", 0, 0, 1)]
    assert jf.check(fair, bad)
