"""Large neighbourhood search over participants: free the meetings of a few participants,
keep every other meeting where it is, and re-place the freed ones with the fewest breaks.

The sub-models are small, so each answer comes in well under a second even on a day of
thousands of meetings, where a model of the whole day cannot even return its hint in time.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass

from ortools.sat.python import cp_model

from twinning.scheduling.problem import (
    Index,
    Problem,
    host_tables,
    interpreter_can_serve,
    participant_breaks,
    precedence_lists,
)

# Freed meetings per neighbourhood: starting size, and the range it adapts within.
START_SIZE = 40
MIN_SIZE = 12
MAX_SIZE = 400
# Seconds one neighbourhood may take.
STEP_SECONDS = 0.3


def applies(problem: Problem) -> bool:
    """Hosted tables tie meetings together beyond their participants, which the sub-model
    does not see. (Precedences it keeps: against the meetings that stay, as bounds on the
    slots; among the freed ones, as constraints. Interpreters too: a freed meeting takes an
    interpreter whom no meeting that stays holds in that slot.)"""
    return not host_tables(problem)


@dataclass
class _Neighbourhood:
    freed: list[int]
    # Per affected participant, the slots their kept meetings occupy.
    fixed_busy: dict[int, set[int]]
    free_tables: list[int]
    # Per interpreter, the slots the meetings that stay hold them in.
    interpreter_busy: list[set[int]]


class Search:
    def __init__(
        self,
        problem: Problem,
        index: Index,
        domains: list[list[int]],
        slot_of: dict[int, int],
        interpreter_of: dict[int, int] | None = None,
    ) -> None:
        self.problem = problem
        self.index = index
        self.domains = domains
        self.slot_of = dict(slot_of)
        # Meeting -> interpreter index, for the meetings that need one.
        self.interpreter_of = dict(interpreter_of or {})
        self.size = START_SIZE
        self.before, self.later = precedence_lists(problem, index)

    def breaks(self) -> list[int]:
        return [
            participant_breaks({self.slot_of[m] for m in meetings if m in self.slot_of})
            for meetings in self.index.meetings_of
        ]

    def run(self, deadline: float, lower: int, seed: int) -> dict[int, int]:
        """Improve until ``deadline`` or until the breaks reach ``lower``."""
        rng = random.Random(seed)  # noqa: S311 - diversifies the search, nothing secret
        breaks = self.breaks()
        while sum(breaks) > lower and deadline - time.perf_counter() > 0.2:
            hood = self._neighbourhood(breaks, rng)
            if hood is None:
                break
            budget = min(STEP_SECONDS, deadline - time.perf_counter() - 0.1)
            placed, complete = self._repair(hood, breaks, budget, rng.randrange(1 << 30))
            if placed is not None:
                self.slot_of.update(placed[0])
                self.interpreter_of.update(placed[1])
                breaks = self.breaks()
            self.size = _adapt(self.size, complete)
        return self.slot_of

    def _neighbourhood(self, breaks: list[int], rng: random.Random) -> _Neighbourhood | None:
        broken = [p for p, b in enumerate(breaks) if b > 0]
        if not broken:
            return None
        freed_people: set[int] = set()
        freed: set[int] = set()
        frontier = [rng.choice(broken)]
        # Grow around someone with breaks through their partners, with random jumps; a
        # bounded number of picks, as small days may hold fewer meetings than the size.
        for _ in range(4 * len(self.problem.participants)):
            if len(freed) >= self.size:
                break
            if not frontier or rng.random() < 0.2:
                frontier.append(rng.choice(broken))
            p = frontier.pop(rng.randrange(len(frontier)))
            if p in freed_people:
                continue
            freed_people.add(p)
            for m in self.index.meetings_of[p]:
                if m in self.slot_of and len(self.domains[m]) > 1:
                    freed.add(m)
                    frontier.extend(self._others(m, p))
        return self._fix_rest(sorted(freed))

    def _window(self, m: int, freed: set[int]) -> tuple[int, int]:
        """The open interval of slots the meetings that stay leave ``m`` by precedence."""
        low = max((self.slot_of[a] for a in self.before[m] if a not in freed), default=-1)
        high = min(
            (self.slot_of[k] for k in self.later[m] if k not in freed), default=self.problem.slots
        )
        return low, high

    def _others(self, m: int, p: int) -> list[int]:
        return [q for q in self._people(m) if q != p]

    def _people(self, m: int) -> list[int]:
        return [self.index.participant[q] for q in self.problem.meetings[m].participants]

    def _fix_rest(self, freed: list[int]) -> _Neighbourhood:
        freed_set = set(freed)
        affected = {p for m in freed for p in self._people(m)}
        fixed_busy: dict[int, set[int]] = {p: set() for p in affected}
        for p in affected:
            for m in self.index.meetings_of[p]:
                if m in self.slot_of and m not in freed_set:
                    fixed_busy[p].add(self.slot_of[m])
        used = Counter(t for m, t in self.slot_of.items() if m not in freed_set)
        tables = len(self.problem.tables)
        interpreter_busy: list[set[int]] = [set() for _ in self.problem.interpreters]
        for m, i in self.interpreter_of.items():
            if m not in freed_set:
                interpreter_busy[i].add(self.slot_of[m])
        return _Neighbourhood(
            freed,
            fixed_busy,
            [tables - used[t] for t in range(self.problem.slots)],
            interpreter_busy,
        )

    def _repair(
        self,
        hood: _Neighbourhood,
        breaks: list[int],
        budget: float,
        seed: int,
    ) -> tuple[tuple[dict[int, int], dict[int, int]] | None, bool]:
        """Best placement of the freed meetings (slots, and interpreters for those that need
        one); ``None`` when no better one was found."""
        model = cp_model.CpModel()
        x: dict[int, dict[int, cp_model.IntVar]] = {}
        freed = set(hood.freed)
        for m in hood.freed:
            people = self._people(m)
            low, high = self._window(m, freed)
            slots = [
                t
                for t in self.domains[m]
                if low < t < high and all(t not in hood.fixed_busy[p] for p in people)
            ]
            x[m] = {t: model.new_bool_var(f"x{m}_{t}") for t in slots}
            model.add_exactly_one(x[m].values())
            for t, lit in x[m].items():
                model.add_hint(lit, self.slot_of[m] == t)
        for m in hood.freed:
            for a in self.before[m]:
                if a in freed:
                    model.add(
                        sum(t * lit for t, lit in x[m].items())
                        >= sum(t * lit for t, lit in x[a].items()) + 1
                    )
        y = self._interpreters(model, hood, x)
        for t in range(self.problem.slots):
            at_t = [x[m][t] for m in hood.freed if t in x[m]]
            if len(at_t) > hood.free_tables[t]:
                model.add(sum(at_t) <= hood.free_tables[t])
        counts = {p: self._participant(model, p, hood, x) for p in hood.fixed_busy}
        self._fairness(model, counts, breaks)
        before = sum(breaks[p] for p in counts)
        total = sum(counts.values())
        model.add(total <= before)
        model.minimize(total)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(budget, 0.01)
        # One worker: the sub-models are small, and starting more costs more than it gains.
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = seed
        status = solver.solve(model)
        complete = status in (cp_model.OPTIMAL, cp_model.INFEASIBLE)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, complete
        placed = {
            m: t for m, slots in x.items() for t, lit in slots.items() if solver.boolean_value(lit)
        }
        interpreters = {m: i for (m, i, _), lit in y.items() if solver.boolean_value(lit)}
        return (placed, interpreters), complete

    def _interpreters(
        self,
        model: cp_model.CpModel,
        hood: _Neighbourhood,
        x: dict[int, dict[int, cp_model.IntVar]],
    ) -> dict[tuple[int, int, int], cp_model.IntVar]:
        """A literal per freed meeting needing an interpreter, interpreter free of the
        meetings that stay, and slot; one of them exactly when the meeting takes the slot."""
        y: dict[tuple[int, int, int], cp_model.IntVar] = {}
        for m in hood.freed:
            pair = self.problem.meetings[m].interpreter
            if pair is None:
                continue
            for t, lit in x[m].items():
                options = []
                for i, interpreter in enumerate(self.problem.interpreters):
                    if t not in hood.interpreter_busy[i] and interpreter_can_serve(
                        interpreter, pair, t
                    ):
                        y[m, i, t] = model.new_bool_var(f"y{m}_{i}_{t}")
                        options.append(y[m, i, t])
                model.add(sum(options) == lit)
        at_once: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        for (_, i, t), lit in y.items():
            at_once.setdefault((i, t), []).append(lit)
        for lits in at_once.values():
            if len(lits) > 1:
                model.add_at_most_one(lits)
        return y

    def _participant(
        self,
        model: cp_model.CpModel,
        p: int,
        hood: _Neighbourhood,
        x: dict[int, dict[int, cp_model.IntVar]],
    ) -> cp_model.LinearExprT:
        busy: list[cp_model.IntVar | int] = []
        mine = [m for m in self.index.meetings_of[p] if m in x]
        for t in range(self.problem.slots):
            if t in hood.fixed_busy[p]:
                busy.append(1)
                continue
            lits = [x[m][t] for m in mine if t in x[m]]
            if not lits:
                busy.append(0)
                continue
            flag = model.new_bool_var(f"b{p}_{t}")
            model.add(sum(lits) == flag)
            busy.append(flag)
        starts: list[cp_model.LinearExprT] = []
        for t, now in enumerate(busy):
            before = busy[t - 1] if t > 0 else 0
            if isinstance(now, int):
                if now == 0:
                    starts.append(0)
                else:
                    starts.append(1 - before)
            elif isinstance(before, int):
                starts.append(now if before == 0 else 0)
            else:
                start = model.new_bool_var(f"s{p}_{t}")
                model.add_bool_or([now.Not(), before, start])
                model.add_implication(start, now)
                model.add_implication(start, before.Not())
                starts.append(start)
        # Everyone affected keeps at least one meeting, so runs minus one are the breaks.
        return sum(starts) - 1

    def _fairness(
        self,
        model: cp_model.CpModel,
        counts: dict[int, cp_model.LinearExprT],
        breaks: list[int],
    ) -> None:
        spread = self.problem.max_break_spread
        if spread is None:
            return
        others = [b for p, b in enumerate(breaks) if p not in counts]
        low = model.new_int_var(0, self.problem.slots, "low")
        high = model.new_int_var(0, self.problem.slots, "high")
        model.add(high - low <= spread)
        if others:
            model.add(low <= min(others))
            model.add(high >= max(others))
        for count in counts.values():
            model.add(count >= low)
            model.add(count <= high)


def _adapt(size: int, complete: bool) -> int:
    """Grow the neighbourhood while it is solved to the end, shrink it when it times out."""
    if complete:
        return min(MAX_SIZE, int(size * 1.15) + 1)
    return max(MIN_SIZE, int(size * 0.7))
