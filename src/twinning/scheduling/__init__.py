"""The meeting scheduler: a pure optimiser for brokerage days (no Django).

``solve(problem)`` returns a ``Result``; ``check(problem, schedule)`` lists ``Violation``s.
"""

from twinning.scheduling.check import Violation, breaks_of, check
from twinning.scheduling.instance import InstanceError, load_problem, problem_from_json
from twinning.scheduling.problem import (
    Assignment,
    Interpreter,
    Meeting,
    Participant,
    PreviousAssignment,
    Problem,
    Session,
    Table,
    numbered_tables,
)
from twinning.scheduling.result import Result, Status, Unscheduled
from twinning.scheduling.solver import solve
from twinning.scheduling.validation import InvalidProblem

__all__ = [
    "Assignment",
    "InstanceError",
    "Interpreter",
    "InvalidProblem",
    "Meeting",
    "Participant",
    "PreviousAssignment",
    "Problem",
    "Result",
    "Session",
    "Status",
    "Table",
    "Unscheduled",
    "Violation",
    "breaks_of",
    "check",
    "load_problem",
    "numbered_tables",
    "problem_from_json",
    "solve",
]
