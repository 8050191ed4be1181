"""The annealing over Kempe chains: fewer breaks, and every rule of the day kept."""

import time
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.scheduling.days import day, seat
from tests.scheduling.test_placement import hidden_day
from twinning.scheduling import Interpreter, Problem, Status, Table, breaks_of, check
from twinning.scheduling.anneal import Annealer, idle_of
from twinning.scheduling.anneal import breaks_of as mask_breaks
from twinning.scheduling.placement import place_all
from twinning.scheduling.solver import _improve_locally, _prepare, _Solution

pytestmark = pytest.mark.unit


def annealed(
    problem: Problem,
    start: dict[str, int],
    seconds: float = 0.5,
    *,
    interpreters: dict[str, int] | None = None,
    fair_by: float | None = None,
) -> tuple[dict[str, int], dict[str, str]] | None:
    prepared = _prepare(problem, [])
    index = prepared.index
    ids = {i.id: n for n, i in enumerate(problem.interpreters)}
    search = Annealer(
        problem,
        index,
        prepared.domains,
        {index.meeting[m]: t for m, t in start.items()},
        {index.meeting[m]: ids[i] for m, i in (interpreters or {}).items()},
        seed=0,
    )
    answer = search.run(time.perf_counter() + seconds, fair_by=fair_by)
    if answer is None:
        return None
    slot_of, serving = answer
    named = {problem.meetings[m].id: t for m, t in slot_of.items()}
    return named, {problem.meetings[m].id: problem.interpreters[i].id for m, i in serving.items()}


def seated(problem: Problem, slot_of: dict[str, int], serving: dict[str, str]) -> list:
    return [replace(a, interpreter=serving.get(a.meeting)) for a in seat(problem, slot_of)]


def breaks(problem: Problem, slot_of: dict[str, int]) -> int:
    return sum(breaks_of(problem, seat(problem, slot_of)).values())


def test_a_mask_counts_gaps_once_whatever_their_length_and_its_idle_slots():
    assert [mask_breaks(m) for m in (0, 0b1, 0b111, 0b101, 0b10001, 0b1010101)] == [
        0,
        0,
        0,
        1,
        1,
        3,
    ]
    assert [idle_of(m) for m in (0, 0b1, 0b111, 0b101, 0b10001, 0b1010101)] == [0, 0, 0, 1, 3, 3]


def test_spread_out_meetings_are_pulled_together():
    problem = day([("a", "b"), ("a", "c"), ("a", "d")], slots=7)
    start = {"m1": 0, "m2": 3, "m3": 6}

    answer = annealed(problem, start)

    assert answer is not None
    assert breaks(problem, start) == 2
    assert check(problem, seat(problem, answer[0])) == []
    assert breaks(problem, answer[0]) == 0


def test_a_chain_moves_the_partners_meetings_along():
    # a's day has a gap at slot 1; b meets c there. Moving m2 into slot 1 needs b's meeting
    # with c to trade places with it (the chain), not a free slot.
    problem = day([("a", "b"), ("a", "b2"), ("b2", "c"), ("b2", "d")], slots=3, tables=2)
    start = {"m1": 0, "m2": 2, "m3": 1, "m4": 0}

    answer = annealed(problem, start)

    assert answer is not None
    assert check(problem, seat(problem, answer[0])) == []
    assert breaks(problem, answer[0]) < breaks(problem, start)


def test_repairs_keep_fairness_and_unavailability():
    pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("a", "d")]
    problem = day(pairs, slots=8, unavailable={"a": {2}, "c": {5}}, spread=1)
    start = {"m1": 0, "m2": 3, "m3": 6, "m4": 1, "m5": 7}

    answer = annealed(problem, start)

    assert answer is not None
    assert check(problem, seat(problem, start)) == []
    assert check(problem, seat(problem, answer[0])) == []
    assert breaks(problem, answer[0]) < breaks(problem, start)


def test_an_unfair_start_is_made_fair_or_given_up():
    # a has two breaks, everyone else none: a spread of 2 against a limit of 0.
    problem = day([("a", "b"), ("a", "c"), ("a", "d")], slots=7, spread=0)
    start = {"m1": 0, "m2": 3, "m3": 6}

    answer = annealed(problem, start, fair_by=time.perf_counter() + 0.3)

    assert answer is not None
    assert check(problem, seat(problem, answer[0])) == []
    assert breaks(problem, answer[0]) == 0

    # Slot 1 and 2 are out for a: whatever the search does, a keeps a break, the others none.
    stuck = day([("a", "b"), ("a", "c")], slots=3, unavailable={"a": {1}}, spread=0)
    assert annealed(stuck, {"m1": 0, "m2": 2}, fair_by=time.perf_counter() + 0.1) is None


def test_fixed_meetings_and_precedences_hold():
    # m2 must follow m1, m3 must follow m2, m4 is fixed in slot 0.
    problem = day(
        [("a", "b"), ("a", "c"), ("a", "d"), ("b", "d")],
        slots=8,
        after={"m2": ("m1",), "m3": ("m2",)},
        fixed_slot={"m4": 0},
    )
    start = {"m1": 1, "m2": 4, "m3": 7, "m4": 0}

    answer = annealed(problem, start)

    assert answer is not None
    result = answer[0]
    assert check(problem, seat(problem, result)) == []
    assert result["m1"] < result["m2"] < result["m3"]
    assert result["m4"] == 0
    assert breaks(problem, result) < breaks(problem, start)


def test_hosted_tables_hold_their_hosts_meetings():
    # h hosts a table; the one shared table takes one other meeting per slot.
    tables = (Table("H", host="h"), Table("T"))
    pairs = [("h", "a"), ("h", "b"), ("h", "c"), ("a", "b"), ("b", "c")]
    problem = day(pairs, slots=6, tables=tables)
    start = {"m1": 0, "m2": 2, "m3": 4, "m4": 1, "m5": 5}

    answer = annealed(problem, start)

    assert answer is not None
    assert check(problem, seat(problem, answer[0])) == []
    assert breaks(problem, answer[0]) < breaks(problem, start)


def test_meetings_needing_an_interpreter_keep_one():
    base = hidden_day(people=30, slots=8, per_slot=8, hubs=2, seed=4)
    # Every sixth meeting needs one of two en-ru interpreters; i1 is away in slot 0.
    meetings = tuple(
        replace(m, interpreter="en-ru") if n % 6 == 0 else m for n, m in enumerate(base.meetings)
    )
    problem = replace(
        base,
        meetings=meetings,
        interpreters=(
            Interpreter("i1", frozenset({"en", "ru"}), frozenset({0})),
            Interpreter("i2", frozenset({"en", "ru"})),
        ),
    )
    prepared = _prepare(problem, [])
    slot_of, serving = place_all(
        problem, prepared.index, prepared.domains, time.perf_counter() + 10
    )
    assert len(slot_of) == len(problem.meetings)
    start = {problem.meetings[m].id: t for m, t in slot_of.items()}
    given_interpreters = {
        problem.meetings[m].id: problem.interpreters[i].id for m, i in serving.items()
    }

    answer = annealed(problem, start, 1.0, interpreters=given_interpreters)

    assert answer is not None
    result, interpreters = answer
    assert set(interpreters) == {m.id for m in meetings if m.interpreter}
    assert check(problem, seated(problem, result, interpreters)) == []
    assert breaks(problem, result) < breaks(problem, start)


@pytest.mark.parametrize("seed", [0, 1])
def test_a_full_day_keeps_every_meeting_and_loses_breaks(seed):
    problem = hidden_day(people=60, slots=12, per_slot=20, hubs=4, seed=seed)
    prepared = _prepare(problem, [])
    slot_of, _ = place_all(problem, prepared.index, prepared.domains, time.perf_counter() + 10)
    start = {problem.meetings[m].id: t for m, t in slot_of.items()}

    answer = annealed(problem, start, 2.0)

    assert answer is not None
    assert answer[0].keys() == start.keys()
    assert check(problem, seat(problem, answer[0])) == []
    assert breaks(problem, answer[0]) < breaks(problem, start) / 2


def test_a_large_day_is_bounded_by_who_cannot_avoid_a_break():
    # a cannot meet in slot 1: a's two meetings make a break whatever the search does.
    problem = day([("a", "b"), ("a", "c"), ("d", "e")], slots=3, unavailable={"a": {1}})
    prepared = _prepare(problem, [])
    placed = _Solution(slot_of={0: 0, 1: 2, 2: 1}, interpreter_of={}, breaks=1, objective=1)

    result = _improve_locally(problem, prepared, placed, time.perf_counter() + 0.5, 0)

    assert check(problem, result.assignments) == []
    assert (result.status, result.breaks, result.bound) == (Status.OPTIMAL, 1, 1)


people = st.sampled_from("abcdef")


@settings(max_examples=20, deadline=None)
@given(
    pairs=st.lists(st.tuples(people, people).filter(lambda p: p[0] != p[1]), max_size=10),
    seed=st.integers(0, 1000),
    hosted=st.booleans(),
    spread=st.sampled_from([None, 1, 2]),
)
def test_every_annealed_schedule_passes_the_checker(
    pairs: list[tuple[str, str]], seed: int, hosted: bool, spread: int | None
):
    tables = (Table("H", host="a"), Table("1"), Table("2")) if hosted else 3
    problem = day(pairs, slots=12, tables=tables, require_all=False, spread=spread)
    # A valid but careless start: each meeting in the first slot its participants have free.
    start: dict[str, int] = {}
    busy: dict[str, set[int]] = {}
    used: dict[int, int] = {}
    shared = 2 if hosted else 3
    for n, (p, q) in enumerate(pairs, start=1):
        at_host = hosted and "a" in (p, q)
        free = [
            t
            for t in range((seed + n) % 5, 12)
            if t not in busy.get(p, set()) | busy.get(q, set())
            and (at_host or used.get(t, 0) < shared)
        ]
        if free:
            start[f"m{n}"] = free[0]
            busy.setdefault(p, set()).add(free[0])
            busy.setdefault(q, set()).add(free[0])
            if not at_host:
                used[free[0]] = used.get(free[0], 0) + 1
    fair = check(problem, seat(problem, start)) == []

    answer = annealed(problem, start, seconds=0.1)

    if answer is None:
        assert not fair
        return
    assert check(problem, seat(problem, answer[0])) == []
    assert answer[0].keys() == start.keys()
    if fair:
        assert breaks(problem, answer[0]) <= breaks(problem, start)
