"""Solve a problem: lexicographically, the most meetings (by priority), then, when asked, the
fewest moves from a previous schedule, then the fewest breaks, under fairness.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from twinning.scheduling.diagnosis import (
    empty_domain_reason,
    left_out_reason,
    locked_conflicts,
    overloaded_participants,
)
from twinning.scheduling.greedy import greedy_slots
from twinning.scheduling.model import ScheduleModel, Settings
from twinning.scheduling.problem import (
    Assignment,
    Index,
    PreviousAssignment,
    Problem,
    allowed_slots,
    participant_breaks,
)
from twinning.scheduling.result import Result, Status, Unscheduled
from twinning.scheduling.tables import assign_tables
from twinning.scheduling.validation import ensure_valid

STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
}


@dataclasses.dataclass
class _Prepared:
    index: Index
    domains: list[list[int]]
    mandatory: set[int]
    locked: dict[int, int]
    previous_slot: dict[int, int]
    previous_table: dict[int, str]


def solve(
    problem: Problem,
    *,
    time_limit: float = 60.0,
    workers: int = 2,
    previous: Sequence[PreviousAssignment] | None = None,
    stability: bool = False,
    seed: int = 0,
) -> Result:
    """Schedule a brokerage day. Raises ``InvalidProblem`` when the problem contradicts itself."""
    started = time.perf_counter()
    ensure_valid(problem)
    prepared = _prepare(problem, previous or [])
    reasons = _obvious_infeasibility(problem, prepared)
    if reasons:
        return _finish(Result(Status.INFEASIBLE, reason="; ".join(reasons)), started)
    run = _Run(problem, prepared, stability=stability)
    status = run.solve(time_limit, workers, seed)
    if status is Status.INFEASIBLE:
        reason = _infeasibility_reason(problem, prepared, time_limit, workers)
        return _finish(Result(Status.INFEASIBLE, reason=reason), started)
    if status is Status.UNKNOWN:
        return _finish(
            Result(Status.UNKNOWN, reason="no schedule found in the time limit"), started
        )
    return _finish(run.result(status), started)


def _finish(result: Result, started: float) -> Result:
    result.seconds = time.perf_counter() - started
    return result


def _prepare(problem: Problem, previous: Sequence[PreviousAssignment]) -> _Prepared:
    index = Index.of(problem)
    known = [a for a in previous if a.meeting in index.meeting]
    locked = {
        m: meeting.fixed_slot
        for m, meeting in enumerate(problem.meetings)
        if meeting.fixed_slot is not None
    }
    locked.update({index.meeting[a.meeting]: a.slot for a in known if a.locked})
    domains = [
        allowed_slots(problem, dataclasses.replace(meeting, fixed_slot=locked.get(m)), index)
        for m, meeting in enumerate(problem.meetings)
    ]
    mandatory = set(range(len(problem.meetings))) if problem.require_all else set(locked)
    return _Prepared(
        index=index,
        domains=domains,
        mandatory=mandatory,
        locked=locked,
        previous_slot={index.meeting[a.meeting]: a.slot for a in known},
        previous_table={index.meeting[a.meeting]: a.table for a in known if a.table},
    )


def _obvious_infeasibility(problem: Problem, prepared: _Prepared) -> list[str]:
    index = prepared.index
    reasons = [
        f"meeting {problem.meetings[m].id} cannot take place: "
        + empty_domain_reason(problem, problem.meetings[m], index)
        for m in sorted(prepared.mandatory)
        if not prepared.domains[m]
    ]
    reasons += locked_conflicts(problem, index, prepared.locked)
    if not reasons:
        reasons = overloaded_participants(problem, index, prepared.domains, prepared.mandatory)
    return reasons


def _infeasibility_reason(
    problem: Problem, prepared: _Prepared, time_limit: float, workers: int
) -> str:
    what = "every meeting" if problem.require_all else "the locked meetings"
    if problem.max_break_spread is not None:
        unfair = dataclasses.replace(problem, max_break_spread=None)
        probe = _Run(unfair, prepared, stability=False)
        if probe.solve(min(time_limit, 10.0), workers, 0) in (Status.OPTIMAL, Status.FEASIBLE):
            return (
                f"max_break_spread: no schedule of {what} keeps every participant's breaks "
                f"within {problem.max_break_spread} of each other"
            )
    return (
        f"no schedule holds {what}: participants, tables, sessions, availability, "
        "fixed slots and precedences leave no room"
    )


class _Run:
    """One CP-SAT model and its solution."""

    def __init__(self, problem: Problem, prepared: _Prepared, *, stability: bool) -> None:
        self.problem = problem
        self.prepared = prepared
        settings = Settings(
            domains=prepared.domains,
            mandatory=prepared.mandatory,
            previous_slot=prepared.previous_slot if stability else {},
            stability=stability,
        )
        self.built = ScheduleModel(problem, prepared.index, settings)
        self.solver = cp_model.CpSolver()
        self._set_objective()
        self._hint()

    def _set_objective(self) -> None:
        v = self.built.vars
        breaks = sum(v.breaks)
        self.break_weight = 1
        self.move_weight = 1 + self.problem.slots * len(self.problem.participants)
        self.meeting_weight = self.move_weight * (len(v.kept) + 1)
        unscheduled = sum(
            m.priority * (1 - s) for m, s in zip(self.problem.meetings, v.scheduled, strict=True)
        )
        moves = len(v.kept) - sum(v.kept)
        self.built.model.minimize(
            self.meeting_weight * unscheduled + self.move_weight * moves + breaks
        )

    def _hint(self) -> None:
        slot_of, _ = greedy_slots(self.problem, self.prepared.index, self.prepared.domains)
        for m, slots in enumerate(self.built.vars.x):
            for t, lit in slots.items():
                self.built.model.add_hint(lit, slot_of.get(m) == t)

    def solve(self, time_limit: float, workers: int, seed: int) -> Status:
        params = self.solver.parameters
        params.max_time_in_seconds = max(time_limit, 0.01)
        params.num_workers = workers
        params.random_seed = seed
        return STATUS.get(self.solver.solve(self.built.model), Status.UNKNOWN)

    def result(self, status: Status) -> Result:
        slot_of = self._slots()
        tables = assign_tables(self.problem, slot_of, self.prepared.previous_table)
        interpreters = self._interpreters()
        assignments = [
            Assignment(
                meeting=self.problem.meetings[m].id,
                slot=t,
                table=tables[m],
                interpreter=interpreters.get(m),
            )
            for m, t in sorted(slot_of.items())
        ]
        per_participant = self._breaks(slot_of)
        total = sum(per_participant.values())
        return Result(
            status=status,
            assignments=assignments,
            unscheduled=self._unscheduled(slot_of),
            breaks=total,
            bound=total if status is Status.OPTIMAL else self._bound(slot_of, total),
            breaks_by_participant=per_participant,
            scheduled_weight=sum(self.problem.meetings[m].priority for m in slot_of),
            moves=self._moves(slot_of),
        )

    def _slots(self) -> dict[int, int]:
        slot_of = {}
        for m, slots in enumerate(self.built.vars.x):
            for t, lit in slots.items():
                if self.solver.boolean_value(lit):
                    slot_of[m] = t
        return slot_of

    def _interpreters(self) -> dict[int, str]:
        return {
            m: self.problem.interpreters[i].id
            for (m, i, _), lit in self.built.vars.interpreter.items()
            if self.solver.boolean_value(lit)
        }

    def _breaks(self, slot_of: dict[int, int]) -> dict[str, int]:
        index = self.prepared.index
        return {
            p.id: participant_breaks({slot_of[m] for m in index.meetings_of[i] if m in slot_of})
            for i, p in enumerate(self.problem.participants)
        }

    def _moves(self, slot_of: dict[int, int]) -> int | None:
        previous = self.prepared.previous_slot
        if not previous:
            return None
        return sum(1 for m, t in previous.items() if slot_of.get(m) != t)

    def _unscheduled(self, slot_of: dict[int, int]) -> list[Unscheduled]:
        index = self.prepared.index
        return [
            Unscheduled(
                meeting=meeting.id,
                reason=left_out_reason(self.problem, index, m, self.prepared.domains[m], slot_of),
            )
            for m, meeting in enumerate(self.problem.meetings)
            if m not in slot_of
        ]

    def _bound(self, slot_of: dict[int, int], breaks: int) -> int:
        """Breaks bound, meaningful when the earlier objective tiers are already proven."""
        lower = math.ceil(self.solver.best_objective_bound - 1e-6)
        found = round(self.solver.objective_value)
        upper_tiers = found - breaks
        if lower < upper_tiers:
            return 0
        return max(0, min(breaks, lower - upper_tiers))
