"""What the solver hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from twinning.scheduling.problem import Assignment


class Status(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Unscheduled:
    meeting: str
    reason: str


@dataclass
class Result:
    status: Status
    assignments: list[Assignment] = field(default_factory=list)
    unscheduled: list[Unscheduled] = field(default_factory=list)
    # Total breaks of the schedule found, and a proven lower bound on the optimum.
    breaks: int | None = None
    bound: int | None = None
    breaks_by_participant: dict[str, int] = field(default_factory=dict)
    # Meetings scheduled, weighted by priority; meetings moved from a previous schedule.
    scheduled_weight: int = 0
    moves: int | None = None
    seconds: float = 0.0
    # Why a problem is infeasible, in words an organiser can act on.
    reason: str | None = None
    # True: every meeting is placed; False: proven that not every meeting fits; None: unknown.
    all_fit: bool | None = None
    # When fairness alone keeps meetings out: the smallest break spread that holds them all.
    smallest_spread: int | None = None

    @property
    def gap(self) -> float | None:
        """Relative distance between the breaks found and the bound (0 when proven)."""
        if self.breaks is None or self.bound is None:
            return None
        if self.breaks == 0:
            return 0.0
        return (self.breaks - self.bound) / self.breaks

    def to_json(self) -> dict[str, object]:
        return {
            "status": self.status.value,
            "breaks": self.breaks,
            "bound": self.bound,
            "gap": None if self.gap is None else round(self.gap, 4),
            "seconds": round(self.seconds, 3),
            "scheduled_weight": self.scheduled_weight,
            "moves": self.moves,
            "reason": self.reason,
            "all_fit": self.all_fit,
            "smallest_spread": self.smallest_spread,
            "assignments": [_assignment_json(a) for a in self.assignments],
            "unscheduled": [{"meeting": u.meeting, "reason": u.reason} for u in self.unscheduled],
            "breaks_by_participant": self.breaks_by_participant,
        }


def _assignment_json(assignment: Assignment) -> dict[str, object]:
    row: dict[str, object] = {
        "meeting": assignment.meeting,
        "slot": assignment.slot,
        "table": assignment.table,
    }
    if assignment.interpreter is not None:
        row["interpreter"] = assignment.interpreter
    return row
