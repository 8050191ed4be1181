"""The CP-SAT model: a boolean per meeting and admissible slot, busy flags per participant and
slot, and breaks counted as the starts of busy runs minus one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from twinning.scheduling.problem import (
    Index,
    Problem,
    host_tables,
    interpreter_can_serve,
    meeting_table_host,
)

Busy = cp_model.IntVar | int


@dataclass
class Variables:
    x: list[dict[int, cp_model.IntVar]]
    scheduled: list[cp_model.IntVar | int]
    breaks: list[cp_model.LinearExprT]
    interpreter: dict[tuple[int, int, int], cp_model.IntVar] = field(default_factory=dict)
    # Literals that are true when a meeting keeps its previous slot.
    kept: list[cp_model.IntVar] = field(default_factory=list)


@dataclass
class Settings:
    """What the model is asked to do, beyond the problem itself."""

    domains: list[list[int]]
    # Meetings that must be scheduled (locked ones, or all when the problem requires it).
    mandatory: set[int]
    previous_slot: dict[int, int] = field(default_factory=dict)
    stability: bool = False
    # Per participant, a proven lower bound on breaks (0 when unknown).
    min_breaks: list[int] | None = None
    extras: frozenset[str] = frozenset()
    # Only place the meetings: no breaks, no fairness. A quick first guess for big days.
    placement_only: bool = False


class ScheduleModel:
    def __init__(self, problem: Problem, index: Index, settings: Settings) -> None:
        self.problem = problem
        self.index = index
        self.settings = settings
        self.model = cp_model.CpModel()
        self.vars = self._build()

    # -- construction -------------------------------------------------------------------
    def _build(self) -> Variables:
        x = self._slot_variables()
        scheduled = self._scheduled_variables(x)
        self._capacity(x)
        self._precedences(x, scheduled)
        variables = Variables(x=x, scheduled=scheduled, breaks=[])
        variables.interpreter = self._interpreters(x)
        if not self.settings.placement_only:
            variables.breaks = self._breaks(x, scheduled)
            self._fairness(variables.breaks)
        variables.kept = self._kept(x)
        self._break_mirror_symmetry(x)
        return variables

    def _break_mirror_symmetry(self, x: list[dict[int, cp_model.IntVar]]) -> None:
        """Reading a symmetric day backwards keeps every break; keep one of the two readings
        (``mirror_anchor``)."""
        anchor = None if self.settings.previous_slot else mirror_anchor(self.problem, x)
        if anchor is not None:
            self.model.add(2 * sum(t * lit for t, lit in anchor.items()) <= self.problem.slots - 1)

    def _slot_variables(self) -> list[dict[int, cp_model.IntVar]]:
        return [
            {t: self.model.new_bool_var(f"x{m}_{t}") for t in domain}
            for m, domain in enumerate(self.settings.domains)
        ]

    def _scheduled_variables(
        self, x: list[dict[int, cp_model.IntVar]]
    ) -> list[cp_model.IntVar | int]:
        scheduled: list[cp_model.IntVar | int] = []
        for m, slots in enumerate(x):
            if m in self.settings.mandatory:
                self.model.add_exactly_one(slots.values())
                scheduled.append(1)
            elif not slots:
                scheduled.append(0)
            else:
                flag = self.model.new_bool_var(f"s{m}")
                self.model.add(sum(slots.values()) == flag)
                scheduled.append(flag)
        return scheduled

    def _busy(self, x: list[dict[int, cp_model.IntVar]], p: int, t: int) -> list[cp_model.IntVar]:
        return [x[m][t] for m in self.index.meetings_of[p] if t in x[m]]

    def _capacity(self, x: list[dict[int, cp_model.IntVar]]) -> None:
        hosts = host_tables(self.problem)
        free_tables = len(self.problem.tables) - len(hosts)
        for t in range(self.problem.slots):
            at_t = [x[m][t] for m in range(len(x)) if t in x[m]]
            if len(at_t) > len(self.problem.tables):
                self.model.add(sum(at_t) <= len(self.problem.tables))
            unhosted = [
                x[m][t]
                for m, meeting in enumerate(self.problem.meetings)
                if t in x[m] and meeting_table_host(self.problem, meeting, hosts) is None
            ]
            if hosts and len(unhosted) > free_tables:
                self.model.add(sum(unhosted) <= free_tables)
        for p in range(len(self.problem.participants)):
            for t in range(self.problem.slots):
                busy = self._busy(x, p, t)
                if len(busy) > 1:
                    self.model.add_at_most_one(busy)

    def _precedences(
        self, x: list[dict[int, cp_model.IntVar]], scheduled: list[cp_model.IntVar | int]
    ) -> None:
        for m, meeting in enumerate(self.problem.meetings):
            for other in meeting.after:
                a = self.index.meeting[other]
                both = [lit for lit in (scheduled[m], scheduled[a]) if not isinstance(lit, int)]
                if any(isinstance(s, int) and s == 0 for s in (scheduled[m], scheduled[a])):
                    continue
                # Clauses propagate far better than the linear slot comparison alone.
                for t, lit in x[m].items():
                    for t2, lit2 in x[a].items():
                        if t2 >= t:
                            self.model.add_bool_or([lit.Not(), lit2.Not()])
                slot_m = sum(t * lit for t, lit in x[m].items())
                slot_a = sum(t * lit for t, lit in x[a].items())
                self.model.add(slot_m >= slot_a + 1).only_enforce_if(both)

    def _interpreters(
        self, x: list[dict[int, cp_model.IntVar]]
    ) -> dict[tuple[int, int, int], cp_model.IntVar]:
        y, served = interpreter_literals(self.model, self.problem, x)
        for lit, options in served:
            self.model.add(sum(options) == lit)
        return y

    def _breaks(
        self, x: list[dict[int, cp_model.IntVar]], scheduled: list[cp_model.IntVar | int]
    ) -> list[cp_model.LinearExprT]:
        breaks: list[cp_model.LinearExprT] = []
        for p, meetings in enumerate(self.index.meetings_of):
            breaks.append(self._participant_breaks(x, scheduled, p, meetings))
        return breaks

    def _participant_breaks(
        self,
        x: list[dict[int, cp_model.IntVar]],
        scheduled: list[cp_model.IntVar | int],
        p: int,
        meetings: tuple[int, ...],
    ) -> cp_model.LinearExprT:
        possible = [m for m in meetings if x[m]]
        if len(possible) <= 1:
            return 0
        busy: list[cp_model.IntVar | int] = []
        for t in range(self.problem.slots):
            lits = self._busy(x, p, t)
            if not lits:
                busy.append(0)
                continue
            flag = self.model.new_bool_var(f"busy{p}_{t}")
            self.model.add(sum(lits) == flag)
            busy.append(flag)
        starts = self._run_starts(p, busy)
        limit = self._break_limit(possible)
        has_any = self._has_any(p, possible, scheduled, busy)
        lower = 0 if self.settings.min_breaks is None else self.settings.min_breaks[p]
        breaks = self.model.new_int_var(0, max(limit, lower), f"breaks{p}")
        self.model.add(breaks == sum(starts) - has_any)
        if lower and isinstance(has_any, int) and has_any == 1:
            self.model.add(breaks >= lower)
        if all(m in self.settings.mandatory for m in possible):
            self._implied(p, len(possible), busy, breaks)
        return breaks

    def _implied(self, p: int, count: int, busy: list[Busy], breaks: cp_model.IntVar) -> None:
        """Redundant constraints that let the solver see a participant's day as a whole."""
        if "card" in self.settings.extras:
            self.model.add(sum(busy) == count)
        if "pattern" in self.settings.extras:
            self._zero_break_patterns(p, count, busy, breaks)

    def _zero_break_patterns(
        self, p: int, count: int, busy: list[Busy], breaks: cp_model.IntVar
    ) -> None:
        """Without breaks, a participant's day is one block of ``count`` slots: choosing where
        it starts decides every busy flag at once."""
        starts = []
        cover: list[list[cp_model.IntVar]] = [[] for _ in busy]
        for first in range(len(busy) - count + 1):
            block = range(first, first + count)
            if any(isinstance(busy[t], int) for t in block):
                continue
            start = self.model.new_bool_var(f"block{p}_{first}")
            starts.append(start)
            for t in block:
                cover[t].append(start)
        unbroken = self.model.new_bool_var(f"unbroken{p}")
        self.model.add(sum(starts) == unbroken)
        for t, flag in enumerate(busy):
            if cover[t]:
                self.model.add(flag >= sum(cover[t]))
        self.model.add(breaks == 0).only_enforce_if(unbroken)
        self.model.add(breaks >= 1).only_enforce_if(unbroken.Not())

    def _run_starts(self, p: int, busy: list[cp_model.IntVar | int]) -> list[cp_model.IntVar]:
        starts = []
        for t, now in enumerate(busy):
            if isinstance(now, int):
                continue
            before = busy[t - 1] if t > 0 else 0
            if isinstance(before, int):
                starts.append(now)
                continue
            start = self.model.new_bool_var(f"start{p}_{t}")
            # start <=> now and not before: exact, so fairness cannot be gamed.
            self.model.add_bool_or([now.Not(), before, start])
            self.model.add_implication(start, now)
            self.model.add_implication(start, before.Not())
            starts.append(start)
        return starts

    def _break_limit(self, possible: list[int]) -> int:
        return max(0, min(len(possible) - 1, (self.problem.slots - 1) // 2))

    def _has_any(
        self,
        p: int,
        possible: list[int],
        scheduled: list[cp_model.IntVar | int],
        busy: list[cp_model.IntVar | int],
    ) -> cp_model.IntVar | int:
        if any(isinstance(scheduled[m], int) and scheduled[m] == 1 for m in possible):
            return 1
        flag = self.model.new_bool_var(f"has{p}")
        lits = [s for s in (scheduled[m] for m in possible) if not isinstance(s, int)]
        self.model.add_max_equality(flag, lits)
        return flag

    def _fairness(self, breaks: list[cp_model.LinearExprT]) -> None:
        spread = self.problem.max_break_spread
        if spread is None:
            return
        variable = [b for b in breaks if not isinstance(b, int)]
        if len(variable) < len(breaks):
            # Someone always has 0 breaks, so the spread caps everyone directly.
            for b in variable:
                self.model.add(b <= spread)
            return
        lowest = self.model.new_int_var(0, self.problem.slots, "lowest_breaks")
        self.model.add_min_equality(lowest, variable)
        for b in variable:
            self.model.add(b <= lowest + spread)

    def _kept(self, x: list[dict[int, cp_model.IntVar]]) -> list[cp_model.IntVar]:
        return [x[m][slot] for m, slot in self.settings.previous_slot.items() if slot in x[m]]


def interpreter_literals(
    model: cp_model.CpModel, problem: Problem, x: Sequence[dict[int, cp_model.IntVar]]
) -> tuple[
    dict[tuple[int, int, int], cp_model.IntVar],
    list[tuple[cp_model.IntVar, list[cp_model.IntVar]]],
]:
    """A literal per meeting needing an interpreter, interpreter able to serve it, and slot
    (``y[m, i, t]``), each interpreter at most once per slot; and, per meeting and slot, the
    slot's literal with its options, which the caller ties together (one option exactly
    when the meeting takes the slot)."""
    y: dict[tuple[int, int, int], cp_model.IntVar] = {}
    served = []
    for m, meeting in enumerate(problem.meetings):
        if meeting.interpreter is None:
            continue
        for t, lit in x[m].items():
            options = []
            for i, interpreter in enumerate(problem.interpreters):
                if interpreter_can_serve(interpreter, meeting.interpreter, t):
                    y[m, i, t] = model.new_bool_var(f"y{m}_{i}_{t}")
                    options.append(y[m, i, t])
            served.append((lit, options))
    for i in range(len(problem.interpreters)):
        for t in range(problem.slots):
            at_once = [v for (_, i2, t2), v in y.items() if i2 == i and t2 == t]
            if len(at_once) > 1:
                model.add_at_most_one(at_once)
    return y, served


def mirror_anchor(
    problem: Problem, x: Sequence[dict[int, cp_model.IntVar]]
) -> dict[int, cp_model.IntVar] | None:
    """The slot literals of a meeting to keep in the first half of a day that reads the same
    backwards, or None when something tells the morning from the evening: a meeting whose
    admissible slots differ seen from either end, precedences or interpreters. (A previous
    schedule does too; the caller knows whether there is one.)"""
    last = problem.slots - 1
    if problem.interpreters or any(m.after for m in problem.meetings):
        return None
    if any({last - t for t in slots} != set(slots) for slots in x):
        return None
    return next((slots for slots in x if len(slots) > 1), None)
