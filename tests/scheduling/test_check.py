import pytest

from tests.scheduling.days import day
from twinning.scheduling import (
    Assignment,
    Interpreter,
    Meeting,
    Participant,
    Problem,
    Table,
    breaks_of,
    check,
)

pytestmark = pytest.mark.unit


def rules(problem: Problem, *rows: tuple[str, int, str]) -> set[str]:
    schedule = [Assignment(meeting=m, slot=s, table=t) for m, s, t in rows]
    return {v.rule for v in check(problem, schedule)}


def test_breaks_count_idle_runs_between_meetings_only():
    problem = day([("a", "b"), ("a", "c"), ("a", "d"), ("e", "f")], slots=8)
    schedule = [
        Assignment("m1", 1, "1"),
        Assignment("m2", 2, "1"),
        Assignment("m3", 6, "1"),
        Assignment("m4", 7, "2"),
    ]

    assert breaks_of(problem, schedule) == {"a": 1, "b": 0, "c": 0, "d": 0, "e": 0, "f": 0}


def test_valid_schedule_has_no_violations():
    problem = day([("a", "b"), ("a", "c")], slots=2, tables=1)

    assert rules(problem, ("m1", 0, "1"), ("m2", 1, "1")) == set()


def test_each_hard_constraint_is_caught():
    problem = day(
        [("a", "b"), ("a", "c"), ("d", "e")],
        slots=3,
        tables=1,
        unavailable={"e": {2}},
        fixed_slot={"m3": 2},
        after={"m2": ("m1",)},
    )

    found = rules(problem, ("m1", 1, "1"), ("m2", 1, "2"), ("m3", 1, "1"), ("m9", 0, "1"))

    assert {
        "participant-clash",
        "table",
        "table-clash",
        "precedence",
        "fixed",
        "unknown-meeting",
        "capacity",
    } <= found
    assert "unavailable" in rules(problem, ("m3", 2, "1"))
    assert "missing" in rules(problem, ("m1", 0, "1"))
    assert "duplicate" in rules(problem, ("m1", 0, "1"), ("m1", 1, "1"))


def test_fairness_spread_is_checked():
    problem = day([("a", "b"), ("a", "c"), ("d", "e")], slots=3, spread=0)

    assert "fairness" in rules(problem, ("m1", 0, "1"), ("m2", 2, "1"), ("m3", 0, "2"))


def test_hosted_tables_and_interpreters_are_checked():
    problem = Problem(
        slots=2,
        tables=(Table("H", host="h"), Table("T")),
        participants=(Participant("h"), Participant("a"), Participant("b")),
        meetings=(Meeting("m1", ("h", "a")), Meeting("m2", ("a", "b"), interpreter="en-ru")),
        interpreters=(
            Interpreter("kazakh", frozenset({"en", "kk"})),
            Interpreter("russian", frozenset({"en", "ru"})),
        ),
    )
    wrong = [Assignment("m1", 0, "T"), Assignment("m2", 1, "H", interpreter="kazakh")]
    right = [Assignment("m1", 0, "H"), Assignment("m2", 1, "T", interpreter="russian")]

    assert {v.rule for v in check(problem, wrong)} == {"hosted-table", "interpreter"}
    assert check(problem, right) == []
