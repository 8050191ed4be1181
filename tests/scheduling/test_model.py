import itertools

import pytest
from ortools.sat.python import cp_model

from tests.scheduling.days import brute_force, day
from twinning.scheduling import Status, check
from twinning.scheduling.model import at_most_clauses
from twinning.scheduling.problem import Assignment
from twinning.scheduling.solver import _prepare, _Run
from twinning.scheduling.tables import assign_tables

pytestmark = pytest.mark.unit


def _feasible_with(values: tuple[int, ...], k: int) -> bool:
    model = cp_model.CpModel()
    literals = [model.new_bool_var(f"l{i}") for i in range(len(values))]
    at_most_clauses(model, literals, k)
    for literal, value in zip(literals, values, strict=True):
        model.add(literal == value)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    return solver.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


@pytest.mark.parametrize("n", [1, 2, 5])
def test_the_clausal_counter_allows_exactly_the_assignments_within_the_cap(n):
    for k in range(n + 1):
        for values in itertools.product((0, 1), repeat=n):
            assert _feasible_with(values, k) is (sum(values) <= k), (values, k)


def _seated(problem, run):
    solution = run.solution()
    tables = assign_tables(problem, solution.slot_of)
    return solution, [
        Assignment(problem.meetings[m].id, t, tables[m]) for m, t in solution.slot_of.items()
    ]


@pytest.mark.parametrize("counted", [False, True])
def test_a_cap_question_counts_two_breaks_of_one_participant_as_two(counted):
    # a meets b, c and d in slots 0, 2 and 4 only: two breaks, one participant.
    problem = day(
        [("a", "b"), ("a", "c"), ("a", "d")], slots=5, fixed_slot={"m1": 0, "m2": 2, "m3": 4}
    )
    prepared = _prepare(problem, [])

    assert _Run(problem, prepared, cap=1).solve(5.0, 2, 0, counted=counted) is Status.INFEASIBLE
    run = _Run(problem, prepared, cap=2)
    assert run.solve(5.0, 2, 0, counted=counted) in (Status.OPTIMAL, Status.FEASIBLE)
    solution, schedule = _seated(problem, run)
    assert check(problem, schedule) == []
    assert solution.breaks == 2


@pytest.mark.parametrize(("workers", "counted"), [(1, False), (1, True), (2, True)])
def test_cap_questions_refute_below_the_brute_force_optimum_and_answer_at_it(workers, counted):
    pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("a", "d"), ("b", "d")]
    problem = day(pairs, slots=6, tables=1, unavailable={"a": {2}, "d": {1}}, spread=2)
    optimum = brute_force(problem)
    assert optimum is not None and optimum[1] > 0
    prepared = _prepare(problem, [])

    below = _Run(problem, prepared, cap=optimum[1] - 1)
    assert below.solve(10.0, workers, 0, counted=counted) is Status.INFEASIBLE
    at = _Run(problem, prepared, cap=optimum[1])
    assert at.solve(10.0, workers, 0, counted=counted) in (Status.OPTIMAL, Status.FEASIBLE)
    solution, schedule = _seated(problem, at)
    assert check(problem, schedule) == []
    assert solution.breaks == optimum[1]
