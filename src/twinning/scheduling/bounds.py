"""A lower bound on the breaks of a day where every meeting is placed: a Lagrangian
relaxation over the slots, solved one participant at a time.

Every participant picks a *busy pattern*: which slots they meet in. A pattern costs its
breaks (its runs of busy slots, minus one). Alone, everybody would take one unbroken block;
what forces breaks is that the blocks pile up in the middle of the day, where a slot holds
at most as many meetings as there are tables. The relaxation keeps, per slot t:

- the tables: at most 2 x tables people are busy in t (two per meeting);
- the *independent sets*: the participants are coloured so that no two of one colour meet
  (a greedy colouring of who meets whom). Each busy person of a colour is in a different
  meeting of slot t, so the busy people of one colour are at most half of all the busy people
  in t. On a two-sided day (buyers meet suppliers) that says both sides are equally busy in
  every slot.

and, per participant, what their own meetings impose on their pattern: slots where none of
their meetings can take place stay idle, a meeting fixed or locked to a slot makes it busy,
and the meetings bound to the morning (the afternoon) need that many busy slots there. It
forgets which partner meets whom (and interpreters, precedences, hosted tables, fairness):
every schedule of every meeting gives patterns that keep all of the above, so the fewest
breaks of the relaxation is a lower bound on the day's.

The slot constraints are moved into the objective with multipliers (a Lagrangian
relaxation): for any multipliers >= 0, the sum of every participant's cheapest pattern under
the priced slots, minus the price of the capacities, is at most the relaxation's optimum. A
participant's cheapest pattern is a small dynamic programme over the slots (slot, busy slots
so far, busy in the last slot). The multipliers are improved by subgradient steps; every
step's value is a valid bound, and the best one is kept.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from ortools.sat.python import cp_model

from twinning.scheduling.clauses import Verdict
from twinning.scheduling.problem import Index, Problem

if TYPE_CHECKING:
    from twinning.scheduling.clauses import ClauseModel

INF = math.inf
# The subgradient step starts at this multiple of the gap and is halved each time the bound has
# not risen for STALLED_ROUNDS rounds; below LAST_STEP the steps no longer move it.
FIRST_STEP = 2.0
STALLED_ROUNDS = 8
LAST_STEP = 1e-3


@dataclass(frozen=True)
class _Person:
    meetings: int
    allowed: tuple[bool, ...]  # per slot: one of their meetings can take place there
    forced: tuple[bool, ...]  # per slot: one of their meetings is fixed there
    # Busy slots the morning must hold at least / at most (the morning-only meetings, and
    # all but the afternoon-only ones).
    morning_least: int
    morning_most: int
    colour: int


def people(problem: Problem, index: Index, domains: Sequence[Sequence[int]]) -> list[_Person]:
    """Per participant with at least one meeting, what their own meetings impose."""
    colours = colouring(problem, index)
    morning = problem.morning_slots
    result = []
    for p, meetings in enumerate(index.meetings_of):
        if not meetings:
            continue
        allowed = [False] * problem.slots
        forced = [False] * problem.slots
        early = late = 0
        for m in meetings:
            for t in domains[m]:
                allowed[t] = True
            if len(domains[m]) == 1:
                forced[domains[m][0]] = True
            if morning is not None and domains[m]:
                early += all(t < morning for t in domains[m])
                late += all(t >= morning for t in domains[m])
        count = len(meetings)
        result.append(
            _Person(count, tuple(allowed), tuple(forced), early, count - late, colours[p])
        )
    return result


def colouring(problem: Problem, index: Index) -> list[int]:
    """A colour per participant such that no two who meet share one: greedy, the busiest
    first, each taking the first colour none of their partners has. A two-sided day whose
    meetings all cross the sides gets two colours."""
    partners: list[set[int]] = [set() for _ in problem.participants]
    for meeting in problem.meetings:
        a, b = (index.participant[pid] for pid in meeting.participants)
        partners[a].add(b)
        partners[b].add(a)
    colour = [-1] * len(partners)
    # Breadth first from the busiest, so that a bipartite day is 2-coloured.
    order = sorted(range(len(partners)), key=lambda p: -len(partners[p]))
    for root in order:
        if colour[root] >= 0:
            continue
        queue = [root]
        colour[root] = 0
        while queue:
            p = queue.pop(0)
            for q in sorted(partners[p], key=lambda q: -len(partners[q])):
                if colour[q] < 0:
                    taken = {colour[r] for r in partners[q]}
                    colour[q] = next(c for c in range(len(partners)) if c not in taken)
                    queue.append(q)
    return colour


def cheapest_pattern(
    person: _Person, cost: Sequence[float], morning: int | None
) -> tuple[float, list[int]]:
    """The busy pattern of ``person`` with the least breaks plus ``cost`` of its slots, and
    that pattern (its busy slots). INF when none exists."""
    values, patterns = cheapest_patterns([person], np.array([cost], dtype=float), morning)
    return float(values[0]), [int(t) for t in np.flatnonzero(patterns[0])]


def cheapest_patterns(
    persons: Sequence[_Person], price: np.ndarray, morning: int | None
) -> tuple[np.ndarray, np.ndarray]:
    """Per person, the least breaks plus ``price`` (person x slot) of a busy pattern (INF when
    none), and the pattern (person x slot, 1 where busy): a dynamic programme over the
    slots, all persons at once. State (busy slots so far k, busy in the last slot b); a run
    costs one break when it starts (minus one at the end)."""
    counts = np.array([person.meetings for person in persons])
    allowed = np.array([person.allowed for person in persons], dtype=bool)
    forced = np.array([person.forced for person in persons], dtype=bool)
    least = np.array([person.morning_least for person in persons])
    most = np.array([person.morning_most for person in persons])
    size, slots = allowed.shape
    ks = np.arange(int(counts.max()) + 1)[None, :]
    window = (ks >= least[:, None]) & (ks <= most[:, None])
    within = ks <= counts[:, None]
    best = np.full((size, ks.shape[1], 2), INF)
    best[:, 0, 0] = 0.0
    # Whether state (k, idle) / (k, busy) at slot t came from a busy slot before it.
    idle_from_busy = np.zeros((slots, size, ks.shape[1]), dtype=bool)
    busy_from_busy = np.zeros((slots, size, ks.shape[1]), dtype=bool)
    for t in range(slots):
        if morning is not None and t == morning:
            best[~window] = INF
        idle, busy = best[:, :, 0], best[:, :, 1]
        new = np.full_like(best, INF)
        came = busy < idle
        stay = np.where(came, busy, idle)
        stay[forced[:, t]] = INF
        new[:, :, 0] = stay
        idle_from_busy[t] = came
        start = idle + 1.0
        came = busy < start
        go = np.where(came, busy, start) + price[:, t][:, None]
        go[~allowed[:, t]] = INF
        new[:, 1:, 1] = go[:, :-1]
        busy_from_busy[t, :, 1:] = came[:, :-1]
        new[~within] = INF
        best = new
    if morning is not None and morning >= slots:
        best[~window] = INF
    rows = np.arange(size)
    end = best[rows, counts]
    last = (end[:, 1] < end[:, 0]).astype(int)
    values = end[rows, last]
    patterns = np.zeros((size, slots))
    k, b = counts.copy(), last
    for t in range(slots - 1, -1, -1):
        patterns[:, t] = b
        before = np.where(b == 1, busy_from_busy[t, rows, k], idle_from_busy[t, rows, k])
        k, b = k - b, before.astype(int)
    patterns[~np.isfinite(values)] = 0.0
    return values - 1.0, patterns


def lagrangian_bound(
    problem: Problem,
    index: Index,
    domains: Sequence[Sequence[int]],
    *,
    deadline: float,
    upper: int | None = None,
    iterations: int = 1000,
    stop: threading.Event | None = None,
) -> int:
    """A lower bound on the breaks of any schedule that places every meeting in its domain
    (``domains``, per meeting). Stops at ``deadline``, after ``iterations`` steps, or once the
    bound meets ``upper`` (the breaks of a known schedule), or when ``stop`` is set."""
    persons = people(problem, index, domains)
    if not persons:
        return 0
    slots, seats = problem.slots, 2 * len(problem.tables)
    colours = max(person.colour for person in persons) + 1
    member = np.zeros((len(persons), colours))
    for n, person in enumerate(persons):
        member[n, person.colour] = 1.0
    tables = np.zeros(slots)  # multipliers of "busy people <= 2 x tables"
    halves = np.zeros((colours, slots))  # of "2 x busy of a colour <= busy of all"
    best = 0.0
    target = float(upper) if upper is not None else None
    scale = FIRST_STEP
    stalled = 0
    for _ in range(iterations):
        if time.perf_counter() > deadline or (stop is not None and stop.is_set()):
            break
        # A slot's price for a person of colour c: tables + 2 halves[c] - sum(halves).
        price = tables[None, :] + 2.0 * member @ halves - halves.sum(axis=0)[None, :]
        costs, busy = cheapest_patterns(persons, price, problem.morning_slots)
        if not np.isfinite(costs).all():
            return upper if upper is not None else 0  # no schedule at all: not ours to say
        value = float(costs.sum()) - float(seats * tables.sum())
        if value > best + 1e-9:
            best, stalled = value, 0
        else:
            stalled += 1
            if stalled >= STALLED_ROUNDS:
                scale, stalled = scale / 2, 0
                if scale < LAST_STEP:
                    break  # the steps no longer move the bound
        if target is not None and math.ceil(best - 1e-6) >= target:
            break
        all_busy = busy.sum(axis=0)
        grad_tables = all_busy - seats
        grad_halves = 2.0 * member.T @ busy - all_busy[None, :]
        # Only the constraints that bind or whose multiplier can move count in the step.
        grad_tables = np.where((tables > 0) | (grad_tables > 0), grad_tables, 0.0)
        grad_halves = np.where((halves > 0) | (grad_halves > 0), grad_halves, 0.0)
        norm = float((grad_tables**2).sum() + (grad_halves**2).sum())
        if norm == 0.0:
            break  # the cheapest patterns keep every slot constraint: the bound is exact
        aim = target if target is not None else best * 1.1 + 5.0
        step = scale * max(aim - value, 1.0) / norm
        tables = np.maximum(0.0, tables + step * grad_tables)
        halves = np.maximum(0.0, halves + step * grad_halves)
    return max(0, math.ceil(best - 1e-6))


class Bounder(threading.Thread):
    """Proves a lower bound on the breaks of a day of every meeting, in a thread of its own
    beside the search (which uses one core): first the relaxation above, then, when
    ``clauses`` builds the model of clauses, its refutations of "at most k breaks" for
    k = bound, bound + 1, ..., each of which raises the bound by one, until a question stays
    open or the deadline. ``lower`` holds the best bound proven so far."""

    def __init__(
        self,
        problem: Problem,
        index: Index,
        domains: Sequence[Sequence[int]],
        *,
        deadline: float,
        upper: int,
        start: int,
        clauses: Callable[[], ClauseModel | None],
        seed: int = 0,
    ) -> None:
        super().__init__(name="breaks-bound", daemon=True)
        self.problem, self.index, self.domains = problem, index, domains
        self.deadline, self.upper, self.seed = deadline, upper, seed
        self.lower = start
        self.clauses = clauses
        self.refuted = 0
        self.failure: BaseException | None = None
        self.stopped = threading.Event()
        # The solver of the questions, which ``stop`` interrupts.
        self.solver = cp_model.CpSolver()

    def stop(self) -> None:
        """The search is over: no new step or question, and the one under way is stopped."""
        self.stopped.set()
        self.solver.stop_search()

    def run(self) -> None:
        try:
            self._prove()
        except BaseException as failure:  # handed to the caller by join()
            self.failure = failure

    def join(self, timeout: float | None = None) -> None:
        ends = None if timeout is None else time.perf_counter() + timeout
        while self.is_alive() and (ends is None or time.perf_counter() < ends):
            if self.stopped.is_set():
                # A question that began after ``stop`` (between the check and the solve).
                self.solver.stop_search()
            super().join(0.05)
        if self.failure is not None:
            raise self.failure

    def _prove(self) -> None:
        relaxed = lagrangian_bound(
            self.problem,
            self.index,
            self.domains,
            deadline=self.deadline - CLOSING_SECONDS,
            upper=self.upper,
            stop=self.stopped,
        )
        self.lower = max(self.lower, relaxed)
        # Building the model of clauses cannot be interrupted: only with time to spare.
        build = BUILD_SECONDS_PER_LITERAL * sum(len(domain) for domain in self.domains)
        if self.lower >= self.upper or self._left() <= 2 * build + QUESTION_SECONDS / 4:
            return
        model = self.clauses()
        while model is not None and self.lower < self.upper and self._left() > 1.0:
            if self.stopped.is_set():
                return
            answer = model.ask(
                self.lower, min(self._left(), QUESTION_SECONDS), 1, self.seed, self.solver
            )
            if answer.status is not Verdict.REFUTED:
                return  # open, or a schedule at the bound: the climb can go no higher
            self.lower += 1
            self.refuted += 1

    def _left(self) -> float:
        if self.stopped.is_set():
            return 0.0
        return self.deadline - CLOSING_SECONDS - time.perf_counter()


# The bound's last question ends this long before the search's deadline.
CLOSING_SECONDS = 0.3
# The longest one question of the model of clauses may take (refutations on a 510-meeting
# day took 6-8 s); an open question is the end of the climb.
QUESTION_SECONDS = 20.0
# The model of clauses took 3-4 s to build for 510 meetings of 14 slots (7,140 literals) on
# an unloaded machine.
BUILD_SECONDS_PER_LITERAL = 6e-4
