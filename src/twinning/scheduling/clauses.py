"""The question "is there a schedule with at most k breaks?" as a model of clauses.

Every count in it (tables per slot, busy people per slot, a participant's busy slots, their
breaks, the total) is a totalizer (Bailleux and Boufkhad, 2003): a tree of literals "at
least j of these" joined by clauses, instead of a linear constraint. Clause learning then
learns about counts ("at least 3 of these people break", "slot 4 holds at least 20 busy
people") rather than about the individual flags a linear constraint names in its
explanations, and CP-SAT's presolve, which gains nothing on clauses, is switched off.

This is the encoding the published MaxSAT approach relies on, with its implied constraints
(busy slots per participant, busy people per slot). On the 20 original benchmark days it
proves every optimum; the linear model it replaced, with far more machinery around it,
proved 16 or 17 (docs/scheduler.md).

It holds every meeting (the caller knows they all fit or must), with sessions, availability,
fixed slots, tables and hosted tables, precedences, interpreters and fairness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model_helper import Literal

from twinning.scheduling.model import interpreter_literals, mirror_anchor
from twinning.scheduling.problem import Index, Problem, host_tables, meeting_table_host


def totalizer(
    model: cp_model.CpModel,
    literals: Sequence[Literal],
    limit: int,
    *,
    up: bool = True,
    down: bool = True,
) -> list[Literal]:
    """Literals ``out[j]`` for "at least j + 1 of ``literals`` are true", j < ``limit``: the
    counts above ``limit`` are not told apart. ``up``: the count implies them; ``down``:
    they imply the count; both: equivalent. One direction is enough for a bound on the count,
    with half the clauses."""
    if len(literals) <= 1:
        return list(literals[:limit])
    half = len(literals) // 2
    left = totalizer(model, literals[:half], limit, up=up, down=down)
    right = totalizer(model, literals[half:], limit, up=up, down=down)
    # A side cut at the limit cannot say "fewer than len(side) + 1".
    left_exact = len(left) == half
    right_exact = len(right) == len(literals) - half
    out: list[Literal] = [model.new_bool_var("") for _ in range(min(len(literals), limit))]
    not_left = [lit.Not() for lit in left]
    not_right = [lit.Not() for lit in right]
    not_out = [lit.Not() for lit in out]
    for i in range(len(left) + 1):
        for j in range(len(right) + 1):
            if up and 1 <= i + j <= len(out):
                # At least i on the left and j on the right: at least i + j.
                clause = [out[i + j - 1]]
                clause += [not_left[i - 1]] if i else []
                clause += [not_right[j - 1]] if j else []
                model.add_bool_or(clause)
            if down and i + j < len(out):
                # At most i on the left and j on the right: at most i + j.
                if (i == len(left) and not left_exact) or (j == len(right) and not right_exact):
                    continue
                clause = [not_out[i + j]]
                clause += [left[i]] if i < len(left) else []
                clause += [right[j]] if j < len(right) else []
                model.add_bool_or(clause)
    return out


def at_most(model: cp_model.CpModel, literals: Sequence[Literal], k: int) -> None:
    """At most ``k`` of ``literals`` are true, as clauses: counted on the smaller side, as
    "at least n - k are false" when k is more than half of them (two busy people per table
    against everyone who could be busy in a slot: a tree about a fifth the size)."""
    n = len(literals)
    if n <= k:
        return
    if 2 * k > n:
        falses = [lit.Not() for lit in literals]
        model.add_bool_or([totalizer(model, falses, n - k, up=False)[n - k - 1]])
    else:
        model.add_bool_or([totalizer(model, literals, k + 1, down=False)[k].Not()])


class Verdict(StrEnum):
    """What one question to the clause model (a schedule with at most k breaks?) came to."""

    FOUND = "found"  # a schedule, in slot_of and interpreter_of
    REFUTED = "refuted"  # proven impossible: a bound
    OPEN = "open"  # the time ran out


@dataclass
class Answer:
    status: Verdict
    slot_of: dict[int, int]
    interpreter_of: dict[int, int]


class ClauseModel:
    """Every meeting placed, breaks counted exactly, fairness kept; the cap is added per
    question (``ask``), so one model serves every k."""

    def __init__(
        self,
        problem: Problem,
        index: Index,
        domains: Sequence[Sequence[int]],
        forced: Sequence[int],
    ) -> None:
        self.problem = problem
        self.index = index
        self.model = cp_model.CpModel()
        model = self.model
        self.x = [
            {t: model.new_bool_var(f"x{m}_{t}") for t in slots} for m, slots in enumerate(domains)
        ]
        for slots in self.x:
            model.add_exactly_one(slots.values())
        self.busy = [self._busy_flags(p) for p in range(len(problem.participants))]
        self._tables()
        self._hosted_tables()
        # Per meeting that others follow, its literals "at slot t or later".
        self._late_chains: dict[int, dict[int, cp_model.IntVar]] = {}
        self._precedences()
        self.y = self._interpreters()
        self._mirror_symmetry()
        # Per participant, the literals "takes at least j breaks", j = 1, 2, ...
        self.at_least = [self._breaks(p, bool(forced[p])) for p in range(len(self.busy))]
        self._fairness()

    # -- the day --------------------------------------------------------------------------
    def _hosted_tables(self) -> None:
        """Meetings without a host share the tables nobody hosts."""
        problem = self.problem
        hosts = host_tables(problem)
        if not hosts:
            return
        unhosted = [
            m
            for m, meeting in enumerate(problem.meetings)
            if meeting_table_host(problem, meeting, hosts) is None
        ]
        for t in range(problem.slots):
            at = [self.x[m][t] for m in unhosted if t in self.x[m]]
            at_most(self.model, at, len(problem.tables) - len(hosts))

    def _busy_flags(self, p: int) -> dict[int, cp_model.IntVar]:
        """Whether participant ``p`` meets someone in slot t, and (implied) that they are busy
        in exactly as many slots as they have meetings."""
        busy: dict[int, cp_model.IntVar] = {}
        meetings = self.index.meetings_of[p]
        for t in range(self.problem.slots):
            lits = [self.x[m][t] for m in meetings if t in self.x[m]]
            if not lits:
                continue
            flag = busy[t] = self.model.new_bool_var(f"busy{p}_{t}")
            self.model.add_at_most_one(lits)
            for lit in lits:
                self.model.add_implication(lit, flag)
            self.model.add_bool_or([flag.Not(), *lits])
        count = len(meetings)
        if count > len(busy):
            self.model.add_bool_or([])  # more meetings than slots to meet in
        elif count:
            out = totalizer(self.model, list(busy.values()), count + 1)
            self.model.add_bool_or([out[count - 1]])
            if len(out) > count:
                self.model.add_bool_or([out[count].Not()])
        return busy

    def _tables(self) -> None:
        """A slot holds at most as many meetings as tables. Counted twice: over the meetings,
        and (implied) over the busy flags, two busy people per table, which refutes a choice
        of unbroken days before any meeting is placed. Either count alone was slower: without
        the first, forum-13crafc's and ticf-13crafc's 1-break schedules took 40 s or more
        (4-6 s with it); without the second, forum-13crafb's "at most 5" took 29.7 s to
        refute instead of 14.4 s (both with presolve on). A linear constraint instead of the
        first count left ticf-14crafa's 0-break question open after 25 s (6 s): with presolve
        off, CP-SAT's clauses are what propagates."""
        seats = 2 * len(self.problem.tables)
        for t in range(self.problem.slots):
            at_most(
                self.model, [slots[t] for slots in self.x if t in slots], len(self.problem.tables)
            )
            at_most(self.model, [busy[t] for busy in self.busy if t in busy], seats)

    def _precedences(self) -> None:
        """``m`` after ``a``: m in slot t forbids a in t or later ("a is at t or later" is a
        chain of literals, one per slot)."""
        for m, meeting in enumerate(self.problem.meetings):
            for other in meeting.after:
                late = self._late(self.index.meeting[other])
                for t, lit in self.x[m].items():
                    if t in late:
                        self.model.add_implication(lit, late[t].Not())

    def _late(self, a: int) -> dict[int, cp_model.IntVar]:
        cached = self._late_chains
        if a not in cached:
            late: dict[int, cp_model.IntVar] = {}
            later = None
            for t in range(self.problem.slots - 1, -1, -1):
                flag = self.model.new_bool_var(f"late{a}_{t}")
                parts = [lit for lit in (self.x[a].get(t), later) if lit is not None]
                self.model.add_bool_or([flag.Not(), *parts])
                for lit in parts:
                    self.model.add_implication(lit, flag)
                late[t] = later = flag
            cached[a] = late
        return cached[a]

    def _interpreters(self) -> dict[tuple[int, int, int], cp_model.IntVar]:
        y, served = interpreter_literals(self.model, self.problem, self.x)
        for lit, options in served:
            self.model.add_bool_or([lit.Not(), *options])
            for option in options:
                self.model.add_implication(option, lit)
            self.model.add_at_most_one(options)
        return y

    def _mirror_symmetry(self) -> None:
        """A day that reads the same backwards has the same breaks either way: one meeting
        keeps to the first half (``model.mirror_anchor``)."""
        anchor = mirror_anchor(self.problem, self.x) or {}
        for t, lit in anchor.items():
            if 2 * t > self.problem.slots - 1:
                self.model.add_bool_or([lit.Not()])

    # -- breaks and fairness --------------------------------------------------------------
    def _breaks(self, p: int, forced: bool) -> list[Literal]:
        """A participant's breaks are the starts of their busy runs minus one."""
        busy = self.busy[p]
        count = len(self.index.meetings_of[p])
        if count <= 1:
            return []
        starts: list[Literal] = []
        for t, now in busy.items():
            before = busy.get(t - 1)
            if before is None:
                starts.append(now)
                continue
            start = self.model.new_bool_var(f"start{p}_{t}")
            self.model.add_implication(start, now)
            self.model.add_implication(start, before.Not())
            self.model.add_bool_or([start, now.Not(), before])
            starts.append(start)
        most = max(0, min(count - 1, (self.problem.slots - 1) // 2))
        out = totalizer(self.model, starts, most + 2)
        if len(out) > most + 1:
            self.model.add_bool_or([out[most + 1].Not()])
        at_least = out[1 : most + 1]
        if forced and at_least:
            # No single block holds their meetings (``blocks.py``).
            self.model.add_bool_or([at_least[0]])
        return at_least

    def _fairness(self) -> None:
        """Any two participants' breaks differ by at most d: whoever takes j + d breaks
        leaves everyone at least j."""
        spread = self.problem.max_break_spread
        if spread is None:
            return
        counted = [lits for lits in self.at_least if lits]
        if len(counted) < len(self.at_least):
            # Somebody always has no break: d caps everyone.
            for lits in counted:
                if len(lits) > spread:
                    self.model.add_bool_or([lits[spread].Not()])
            return
        for j in range(1, max((len(lits) for lits in counted), default=0) + 1):
            above = [lits[j + spread - 1] for lits in counted if len(lits) >= j + spread]
            if not above:
                break
            everyone = self.model.new_bool_var(f"everyone_ge{j}")
            for lits in counted:
                if len(lits) >= j:
                    self.model.add_implication(everyone, lits[j - 1])
                else:
                    self.model.add_bool_or([everyone.Not()])
            for lit in above:
                self.model.add_implication(lit, everyone)

    # -- questions ------------------------------------------------------------------------
    def ask(
        self,
        cap: int | None,
        time_limit: float,
        workers: int,
        seed: int,
        solver: cp_model.CpSolver | None = None,
    ) -> Answer:
        """A schedule with at most ``cap`` breaks (any schedule when ``cap`` is None).
        ``solver``: the one to use, so that another thread can stop its search."""
        model = self.model.clone()
        if cap is not None:
            at_most(model, [lit for lits in self.at_least for lit in lits], cap)
        solver = solver or cp_model.CpSolver()
        params = solver.parameters
        params.max_time_in_seconds = max(time_limit, 0.01)
        params.num_workers = workers
        if workers >= 2:
            # Two full clause-learning searches. The default pairs one with helpers that
            # wait for a first schedule; ticf-13crafb's 3-break schedule took 44.8-45.7 s
            # that way for seeds 1 and 2, against 15.5-24.6 s for four seeds with these two.
            params.num_full_subsolvers = workers
            params.subsolvers.extend(["default_lp", "no_lp"])
        params.random_seed = seed
        params.cp_model_presolve = False
        params.stop_after_first_solution = True
        solved = solver.solve(model)
        if solved == cp_model.INFEASIBLE:
            return Answer(Verdict.REFUTED, {}, {})
        if solved not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Answer(Verdict.OPEN, {}, {})
        slot_of = {
            m: t
            for m, slots in enumerate(self.x)
            for t, lit in slots.items()
            if solver.boolean_value(lit)
        }
        interpreter_of = {m: i for (m, i, _), lit in self.y.items() if solver.boolean_value(lit)}
        return Answer(Verdict.FOUND, slot_of, interpreter_of)
