import itertools

import pytest
from ortools.sat.python import cp_model

from tests.scheduling.days import brute_force, day, seat
from twinning.scheduling import Problem, breaks_of, check, clauses
from twinning.scheduling.blocks import block_starts
from twinning.scheduling.clauses import ClauseModel, at_most, totalizer
from twinning.scheduling.problem import Index, allowed_slots

pytestmark = pytest.mark.unit


def _solves(values: tuple[int, ...], build) -> bool:
    model = cp_model.CpModel()
    literals = [model.new_bool_var(f"l{i}") for i in range(len(values))]
    build(model, literals)
    for literal, value in zip(literals, values, strict=True):
        model.add(literal == value)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    return solver.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


@pytest.mark.parametrize(("up", "down"), [(True, True), (True, False), (False, True)])
@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_totalizer_outputs_read_at_least_j_plus_one(n, up, down):
    # Both ways, the outputs are equivalent to the count; "up" only, implied by it; "down"
    # only, they imply it (one literal is its own count).
    for limit in sorted({1, 2, n, n + 1}):
        for values in itertools.product((0, 1), repeat=n):
            for j in range(min(n, limit)):
                for claimed in (0, 1):

                    def build(model, literals, j=j, claimed=claimed, limit=limit):
                        out = totalizer(model, literals, limit, up=up, down=down)
                        assert len(out) == min(n, limit)
                        model.add(out[j] == claimed)

                    truth = int(sum(values) >= j + 1)
                    loose = n > 1 and not (up and down)
                    allowed = claimed == truth or (loose and claimed == (1 if up else 0))
                    assert _solves(values, build) is allowed, (values, limit, j)


@pytest.mark.parametrize("n", [1, 2, 5, 6])
def test_at_most_allows_exactly_the_assignments_within_the_cap(n):
    for k in range(n + 1):
        for values in itertools.product((0, 1), repeat=n):
            feasible = _solves(values, lambda model, literals, k=k: at_most(model, literals, k))
            assert feasible is (sum(values) <= k), (values, k)


def _clause_model(problem: Problem) -> ClauseModel:
    index = Index.of(problem)
    domains = [allowed_slots(problem, meeting, index) for meeting in problem.meetings]
    forced = [
        int(len(meetings) > 1 and not block_starts(problem.slots, [domains[m] for m in meetings]))
        for meetings in index.meetings_of
    ]
    return ClauseModel(problem, index, domains, forced)


def _breaks(problem: Problem, slot_of: dict[int, int]) -> int:
    schedule = seat(problem, {problem.meetings[m].id: t for m, t in slot_of.items()})
    assert check(problem, schedule) == []
    return sum(breaks_of(problem, schedule).values())


def test_two_breaks_of_one_participant_count_as_two():
    # a meets b, c and d in slots 0, 2 and 4 only.
    problem = day(
        [("a", "b"), ("a", "c"), ("a", "d")], slots=5, fixed_slot={"m1": 0, "m2": 2, "m3": 4}
    )
    model = _clause_model(problem)

    assert model.ask(1, 5.0, 1, 0).status is clauses.Verdict.REFUTED
    answer = model.ask(2, 5.0, 1, 0)
    assert answer.status is clauses.Verdict.FOUND
    assert _breaks(problem, answer.slot_of) == 2


DAYS = {
    # e has a single meeting, so fairness caps everyone at d breaks.
    "capped": day(
        [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("d", "e")],
        slots=6,
        tables=1,
        unavailable={"c": {2}},
        spread=2,
    ),
    # Everyone has two meetings and a must break; with d = 0 so must everyone else.
    "everyone breaks": day(
        [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")],
        slots=5,
        fixed_slot={"m1": 0, "m4": 2},
        spread=0,
    ),
    "precedences": day(
        [("a", "b"), ("a", "c"), ("b", "c"), ("a", "d")],
        slots=5,
        tables=1,
        after={"m1": ("m2",), "m2": ("m3",), "m4": ("m1",)},
    ),
}


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("name", sorted(DAYS))
def test_cap_questions_refute_below_the_brute_force_optimum_and_answer_at_it(name, workers):
    problem = DAYS[name]
    optimum = brute_force(problem)
    assert optimum is not None
    model = _clause_model(problem)

    if optimum[1] > 0:
        assert model.ask(optimum[1] - 1, 10.0, workers, 0).status is clauses.Verdict.REFUTED
    answer = model.ask(optimum[1], 10.0, workers, 0)
    assert answer.status is clauses.Verdict.FOUND
    assert _breaks(problem, answer.slot_of) <= optimum[1]


def test_the_everyone_breaks_day_needs_fairness_beyond_a_plain_cap():
    # Without fairness, fewer breaks are possible: the day tests the fairness clauses.
    problem = DAYS["everyone breaks"]
    unfair = Problem(**{**problem.__dict__, "max_break_spread": None})
    fair_optimum, unfair_optimum = brute_force(problem), brute_force(unfair)
    assert fair_optimum is not None and unfair_optimum is not None
    assert unfair_optimum[1] < fair_optimum[1]


def test_any_schedule_without_a_cap_and_a_refusal_when_none_exists():
    fits = day([("a", "b"), ("a", "c")], slots=3, unavailable={"a": {1}})
    answer = _clause_model(fits).ask(None, 5.0, 1, 0)
    assert answer.status is clauses.Verdict.FOUND
    assert _breaks(fits, answer.slot_of) == 1

    # Three meetings of a in two slots.
    crowded = day([("a", "b"), ("a", "c"), ("a", "d")], slots=2)
    assert _clause_model(crowded).ask(None, 5.0, 1, 0).status is clauses.Verdict.REFUTED
