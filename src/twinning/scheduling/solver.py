"""Solve a problem: lexicographically, the most meetings (by priority), then, when asked, the
fewest moves from a previous schedule, then the fewest breaks, under fairness.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from twinning.scheduling import anneal, placement
from twinning.scheduling.blocks import block_starts
from twinning.scheduling.bounds import Bounder, lagrangian_bound
from twinning.scheduling.clauses import Answer, ClauseModel, Verdict
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

EXTRAS: frozenset[str] = frozenset({"card", "pattern"})

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
    # Per participant, the slots where all their meetings fit in one unbroken block.
    block_options: list[list[int]] = dataclasses.field(default_factory=list)

    def forced_breaks(self) -> list[int]:
        """Per participant, 1 when every meeting is mandatory and no block holds them all."""
        return [
            int(len(meetings) > 1 and not options and all(m in self.mandatory for m in meetings))
            for meetings, options in zip(self.index.meetings_of, self.block_options, strict=True)
        ]


@dataclasses.dataclass(frozen=True)
class Search:
    """What every search of one ``solve`` is given: when to stop (a ``time.perf_counter``
    instant), how many CP-SAT workers, which seed. Passed through whole, never as a tuple."""

    deadline: float
    workers: int
    seed: int

    @classmethod
    def within(cls, seconds: float, *, workers: int, seed: int) -> Search:
        return cls(time.perf_counter() + seconds, workers, seed)

    def left(self) -> float:
        return _left(self.deadline)

    def until(self, deadline: float) -> Search:
        return dataclasses.replace(self, deadline=deadline)


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
    # Reading the answer back and seating it takes a moment after the last search.
    deadline = started + time_limit - min(2.0, 0.02 * time_limit)
    search = Search(deadline, workers, seed)
    if stability:
        run = _Run(problem, prepared, stability=stability)
        run.solve(_left(deadline), workers, seed)
        return _finish(_conclude(problem, prepared, run, time_limit, workers), started)
    # One path: every meeting is wanted, so look for a schedule of all of them first, as
    # the benchmark's ``require_all`` does; only when that is proven impossible (or not found
    # in time) do the meetings left out become a question.
    complete = dataclasses.replace(prepared, mandatory=set(range(len(problem.meetings))))
    placed = _place_heuristically(problem, complete, deadline, seed)
    obvious = _obvious_infeasibility(problem, complete)
    if obvious:
        every = Result(Status.INFEASIBLE, reason="; ".join(obvious))
    else:
        # Without every meeting in hand, keep time for the day where some are left out.
        whole = problem.require_all or len(placed.slot_of) == len(problem.meetings)
        share = EVERY_SHARE if len(problem.meetings) > SMALL else SMALL_EVERY_SHARE
        until = deadline if whole else time.perf_counter() + share * _left(deadline)
        every = _every_meeting(problem, complete, placed, search.until(until))
    if every.status in FOUND or problem.require_all:
        every.all_fit = True if every.status in FOUND else _all_fit(every)
        return _finish(every, started)
    return _finish(_most_meetings(problem, prepared, every, placed, search), started)


# Share of the time the search for a schedule of every meeting gets when the ejection chain
# did not find one and meetings may be left out.
EVERY_SHARE = 0.5
# On the benchmark's days, the climb proves most impossible days within seconds.
SMALL_EVERY_SHARE = 0.6
# Meetings up to which a day takes the benchmark's path: the climb of the model of clauses.
SMALL = 400
# Meetings beyond which a day counts as large: place them first, then optimise.
LARGE = 1000


def _place_heuristically(
    problem: Problem, prepared: _Prepared, deadline: float, seed: int
) -> _Solution:
    """Every meeting placed by the ejection chain (``placement.py``), or as many as it could."""
    # The benchmark's days take the climb, which finds its own schedules: there the chain
    # only gives a hint in case not every meeting fits.
    most = PLACEMENT_SECONDS if len(problem.meetings) > SMALL else SMALL_PLACEMENT_SECONDS
    budget = min(PLACEMENT_SHARE * _left(deadline), most)
    slot_of, interpreter_of = placement.place_all(
        problem, prepared.index, prepared.domains, time.perf_counter() + budget, seed=seed
    )
    breaks = sum(_participant_breaks(problem, prepared.index, slot_of).values())
    names = {m: problem.interpreters[i].id for m, i in interpreter_of.items()}
    return _Solution(slot_of, names, breaks, breaks)


# The ejection chain places 5,000 meetings in about 4 s and stops once all are placed; it
# gets at most this much.
PLACEMENT_SHARE = 0.6
PLACEMENT_SECONDS = 30.0
SMALL_PLACEMENT_SECONDS = 0.5


def _every_meeting(
    problem: Problem,
    prepared: _Prepared,
    placed: _Solution,
    search: Search,
) -> Result:
    """The schedule of every meeting with the fewest breaks (``prepared.mandatory`` holds
    them all): a schedule, or infeasible with the reason, or unknown."""
    n = len(problem.meetings)
    start = placed if len(placed.slot_of) == n else None
    if start is not None and n > SMALL:
        return _improve_locally(problem, prepared, start, search.deadline, search.seed)
    if n <= SMALL:
        # The benchmark's days: the climb finds its own schedules.
        return _descend(problem, prepared, None, 0, search)
    # A large day the ejection chain did not place whole: CP-SAT's placement, then the climb.
    start = _placement(problem, prepared, search)
    # The climb starts from the relaxation's bound (``bounds.py``), not from zero.
    relaxed = lagrangian_bound(
        problem,
        prepared.index,
        prepared.domains,
        deadline=time.perf_counter() + RELAXATION_SHARE * search.left(),
        upper=start.breaks if start is not None else None,
    )
    return _descend(problem, prepared, start, relaxed, search)


# Share of the time the relaxation gets before the climb on a large day not placed whole.
RELAXATION_SHARE = 0.1


def _fair(problem: Problem, prepared: _Prepared, placed: _Solution) -> bool:
    """Whether a placement holds the mandatory meetings and keeps the fairness limit (the
    ejection chain does not look at it)."""
    if not placed.slot_of or not prepared.mandatory <= placed.slot_of.keys():
        return False
    if problem.max_break_spread is None:
        return True
    breaks = _participant_breaks(problem, prepared.index, placed.slot_of).values()
    return max(breaks) - min(breaks) <= problem.max_break_spread


def _all_fit(result: Result) -> bool | None:
    """False when the answer proves that not every meeting fits."""
    return False if result.status is Status.INFEASIBLE else None


def _most_meetings(
    problem: Problem,
    prepared: _Prepared,
    every: Result,
    placed: _Solution,
    search: Search,
) -> Result:
    """Not every meeting fits (or no schedule of all was found): keep the most, by priority,
    and say why the others are left out."""
    fair = _fair(problem, prepared, placed)
    # An unfair placement is no use as a hint under a fairness limit: the greedy one is.
    run = _Run(problem, prepared, start=placed.slot_of if fair else None)
    run.solve(max(search.left(), 1.0), search.workers, search.seed)
    result = _conclude(problem, prepared, run, max(search.left(), 1.0), search.workers)
    if result.status is Status.UNKNOWN and fair:
        # No search finished: the ejection chain's placement still keeps every hard rule.
        result = _result(problem, prepared, placed, Status.FEASIBLE, bound=0)
    result.all_fit = _all_fit(every)
    result.smallest_spread = every.smallest_spread
    if every.status is Status.INFEASIBLE:
        result.reason = f"not every meeting fits: {every.reason}"
    elif result.status in FOUND and result.unscheduled:
        result.reason = "no schedule of every meeting was found in the time limit"
    return result


def _placement(problem: Problem, prepared: _Prepared, search: Search) -> _Solution | None:
    """On a large day, a schedule that merely places every meeting, to start the search from."""
    if len(problem.meetings) <= LARGE:
        return None
    run = _Run(problem, prepared, placement_only=True)
    if run.solve(search.left() / 2, search.workers, search.seed, first=True) in (
        Status.INFEASIBLE,
        Status.UNKNOWN,
    ):
        return None
    return run.solution()


def _build_seconds(prepared: _Prepared) -> float:
    """Roughly how long building another model takes: no point starting one without it."""
    return 0.05 + 1e-4 * sum(len(slots) for slots in prepared.domains)


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.perf_counter())


# Share of the time kept back to improve the schedule when the optimum is not proven.
RESERVE = 0.15


def _descend(
    problem: Problem,
    prepared: _Prepared,
    best: _Solution | None,
    lower: int,
    search: Search,
) -> Result:
    """Every meeting must be placed: prove the fewest breaks by climbing from the bound.

    "Is there a schedule with at most k breaks?", asked of the model of clauses
    (``clauses.py``) for k = bound, bound + 1, ... (see ``_next_cap``): a "no" proves k + 1
    as the bound; a "yes" is a schedule, optimal when k is the bound. ``best`` (a schedule,
    if one is known) is what is returned when the time runs out first; without one, a
    search for any schedule follows the first open question, or ``GALLOP_AFTER``
    refutations in a row: it also tells an impossible day. If the climb stops short, the
    time kept back goes to minimising the breaks of the best schedule (``_narrow``).
    """
    lower = max(lower, sum(prepared.forced_breaks()))
    # Kept back to improve the schedule if the bound cannot be raised to meet it in time.
    reserve = (search.deadline - time.perf_counter()) * RESERVE
    margin = _build_seconds(prepared)
    clauses = ClauseModel(problem, prepared.index, prepared.domains, prepared.forced_breaks())
    refuted = 0  # in a row
    bisecting = False
    while (best is None or lower < best.breaks) and search.left() - reserve > margin:
        cap = _next_cap(lower, best, refuted, bisecting)
        budget = search.left() - reserve
        # Without a schedule in hand, keep time to find one and improve it: a day too big
        # to climb then still gets a schedule. (Keeping 30% back, with CP-SAT's default
        # workers, cut ticf-13crafb's last question short in two benchmark runs of three.)
        answer = clauses.ask(
            cap, budget if best else FIRST_SHARE * budget, search.workers, search.seed
        )
        if answer.status is Verdict.FOUND:
            best, bisecting = _answered(problem, prepared, answer), True
            continue
        if answer.status is Verdict.REFUTED:
            lower, refuted = cap + 1, refuted + 1
        if best is None and (answer.status is Verdict.OPEN or refuted >= GALLOP_AFTER):
            # A refuted cap does not tell whether the day fits at all: any schedule does,
            # and the linear model finds one fastest (its presolve refutes most impossible
            # days at once).
            first = _Run(problem, prepared)
            if first.solve(search.left(), search.workers, search.seed, first=True) not in FOUND:
                return _conclude(problem, prepared, first, max(search.left(), 1.0), search.workers)
            best = first.solution()
        if answer.status is Verdict.OPEN:
            break
    if best is None:
        return Result(Status.UNKNOWN, reason="no schedule found in the time limit")
    if lower < best.breaks and search.left() > margin:
        best, lower = _narrow(problem, prepared, best, lower, search)
    status = Status.OPTIMAL if lower >= best.breaks else Status.FEASIBLE
    return _result(problem, prepared, best, status, bound=min(lower, best.breaks))


FOUND = (Status.OPTIMAL, Status.FEASIBLE)
# Share of the time a cap question gets while no schedule is in hand.
FIRST_SHARE = 0.75
# Refutations in a row after which the climb takes longer strides (the originals of the
# benchmark need up to 4).
GALLOP_AFTER = 5


def _next_cap(lower: int, best: _Solution | None, refuted: int, bisecting: bool) -> int:
    """The next "at most k breaks?" to ask.

    One break at a time while the climb is short: the optimum is usually close to the bound,
    and finding a schedule at a loose cap and then bisecting down costs the slow searches
    that find schedules near the optimum (forum-13crafb: 6, then 7, ...). After
    ``GALLOP_AFTER`` refutations in a row the strides double (days with many fixed meetings
    need 30 or more breaks above the bound). Once a cap question has found a schedule, the
    rest is a bisection between the bound and it.
    """
    if bisecting and best is not None:
        return (lower + best.breaks - 1) // 2
    stride = 1 if refuted < GALLOP_AFTER else 2 ** (refuted - GALLOP_AFTER + 1)
    cap = lower + stride - 1
    return cap if best is None else min(cap, best.breaks - 1)


def _answered(problem: Problem, prepared: _Prepared, answer: Answer) -> _Solution:
    breaks = sum(_participant_breaks(problem, prepared.index, answer.slot_of).values())
    interpreter_of = {m: problem.interpreters[i].id for m, i in answer.interpreter_of.items()}
    return _Solution(answer.slot_of, interpreter_of, breaks, breaks)


def _improve_locally(
    problem: Problem, prepared: _Prepared, placed: _Solution, deadline: float, seed: int
) -> Result:
    """A large day placed whole: too big to optimise as one model, so anneal it one Kempe
    chain at a time (``anneal.py``), with the bound proven beside it."""
    ids = {i.id: n for n, i in enumerate(problem.interpreters)}
    serving = {m: ids[i] for m, i in placed.interpreter_of.items()}
    # The search proves nothing about the whole day; the bound is proven beside it (``bounds.py``:
    # the relaxation over the slots, then, on days small enough to build it, refutations by the
    # model of clauses), mostly in numpy and CP-SAT, which leave the interpreter to the search.
    bounder = _bounder(problem, prepared, deadline, placed.breaks, seed)
    bounder.start()
    # Under a fairness limit the placement may start unfair: half the time to make it fair,
    # the rest for the model that keeps the most meetings fairly.
    fair_by = time.perf_counter() + FAIR_SHARE * _left(deadline)
    annealed = anneal.Annealer(
        problem, prepared.index, prepared.domains, placed.slot_of, serving, seed
    ).run(deadline, fair_by=fair_by)
    bounder.stop()
    bounder.join()
    if annealed is None:
        return Result(Status.UNKNOWN)
    slot_of, serving = annealed
    breaks = sum(_participant_breaks(problem, prepared.index, slot_of).values())
    names = {m: problem.interpreters[i].id for m, i in serving.items()}
    best = _Solution(slot_of, names, breaks, breaks)
    bound = min(breaks, max(bounder.lower, sum(prepared.forced_breaks())))
    status = Status.OPTIMAL if breaks == bound else Status.FEASIBLE
    return _result(problem, prepared, best, status, bound=bound)


FAIR_SHARE = 0.5


def _bounder(
    problem: Problem, prepared: _Prepared, deadline: float, upper: int, seed: int
) -> Bounder:
    """The thread that proves a lower bound on a day of every meeting, while the search runs."""

    def clauses() -> ClauseModel | None:
        if len(problem.meetings) > CLAUSE_BOUND_MEETINGS:
            return None  # its build alone would take much of the time
        return ClauseModel(problem, prepared.index, prepared.domains, prepared.forced_breaks())

    return Bounder(
        problem,
        prepared.index,
        prepared.domains,
        deadline=deadline,
        upper=upper,
        start=sum(prepared.forced_breaks()),
        clauses=clauses,
        seed=seed,
    )


# Meetings up to which the bound also asks the model of clauses (about 4 s to build at 500
# meetings, 7 s at 900, unloaded). Its build cannot be interrupted and holds the interpreter
# lock: at 1,000 meetings and a load of 13 the days ran 72-74 s of 60, with more breaks.
CLAUSE_BOUND_MEETINGS = 600


def _narrow(
    problem: Problem,
    prepared: _Prepared,
    best: _Solution,
    lower: int,
    search: Search,
) -> tuple[_Solution, int]:
    """Optimise freely until ``search``'s deadline, hinted with the best schedule and above
    the known bound."""
    _, found, bound = _minimise_breaks(problem, prepared, best, lower, search)
    if found is not None:
        best = min(best, found, key=lambda solution: solution.breaks)
        lower = max(lower, bound)
    return best, lower


def _minimise_breaks(
    problem: Problem,
    prepared: _Prepared,
    hint: _Solution | None,
    lower: int,
    search: Search,
) -> tuple[Status, _Solution | None, int]:
    """A narrowing run: minimise the breaks from ``hint``, above the proven bound ``lower``,
    until ``search``'s deadline. Answers the status, the best schedule found (None if none)
    and the bound the run proved."""
    run = _Run(problem, prepared, hint=hint, narrowing=True)
    run.built.model.add(sum(run.built.vars.breaks) >= lower)
    status = run.solve(search.left(), search.workers, search.seed)
    found = run.solution() if status in (Status.OPTIMAL, Status.FEASIBLE) else None
    return status, found, math.ceil(run.solver.best_objective_bound - 1e-6)


def _conclude(
    problem: Problem, prepared: _Prepared, run: _Run, time_limit: float, workers: int
) -> Result:
    if run.status is Status.INFEASIBLE:
        reason, spread = _infeasibility_reason(problem, prepared, time_limit, workers)
        return Result(Status.INFEASIBLE, reason=reason, smallest_spread=spread)
    if run.status is Status.UNKNOWN:
        return Result(Status.UNKNOWN, reason="no schedule found in the time limit")
    solution = run.solution()
    bound = solution.breaks if run.status is Status.OPTIMAL else run.breaks_bound(solution)
    return _result(problem, prepared, solution, run.status, bound=bound)


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
        block_options=[
            block_starts(problem.slots, [domains[m] for m in meetings])
            for meetings in index.meetings_of
        ],
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
) -> tuple[str, int | None]:
    """Why the mandatory meetings have no schedule, and, when fairness is what forbids it,
    the smallest break spread under which they have one (None when not found in time)."""
    what = (
        "every meeting"
        if len(prepared.mandatory) == len(problem.meetings)
        else ("the locked meetings")
    )
    if problem.max_break_spread is not None:
        ends = time.perf_counter() + min(time_limit, 20.0)
        unfair = dataclasses.replace(problem, max_break_spread=None)
        if _fits(unfair, prepared, _left(ends) / 2, workers) is True:
            spread = _smallest_spread(problem, prepared, ends, workers)
            offer = f"; with a spread of {spread} they all fit" if spread is not None else ""
            return (
                f"max_break_spread: no schedule of {what} keeps every participant's breaks "
                f"within {problem.max_break_spread} of each other{offer}",
                spread,
            )
    return (
        f"no schedule holds {what}: participants, tables, sessions, availability, "
        "fixed slots and precedences leave no room",
        None,
    )


def _fits(problem: Problem, prepared: _Prepared, seconds: float, workers: int) -> bool | None:
    """Whether the mandatory meetings of ``problem`` have a schedule (None: not known)."""
    status = _Run(problem, prepared).solve(max(seconds, 0.1), workers, 0, first=True)
    if status is Status.UNKNOWN:
        return None
    return status in FOUND


def _smallest_spread(
    problem: Problem, prepared: _Prepared, ends: float, workers: int
) -> int | None:
    """The least spread above the problem's under which the mandatory meetings fit, each
    smaller one proven impossible on the way; None when the time runs out first."""
    spread = (problem.max_break_spread or 0) + 1
    while spread < problem.slots and _left(ends) > 0.1:
        relaxed = dataclasses.replace(problem, max_break_spread=spread)
        answer = _fits(relaxed, prepared, _left(ends), workers)
        if answer is True:
            return spread
        if answer is None:
            return None
        spread += 1
    return None


@dataclasses.dataclass
class _Solution:
    slot_of: dict[int, int]
    interpreter_of: dict[int, str]
    breaks: int
    objective: int


class _Run:
    """One CP-SAT model of the linear kind (``model.py``), minimising the objective: the
    meetings kept by priority, moves, then breaks; or, ``narrowing``, only the breaks."""

    def __init__(
        self,
        problem: Problem,
        prepared: _Prepared,
        *,
        stability: bool = False,
        hint: _Solution | None = None,
        placement_only: bool = False,
        narrowing: bool = False,
        start: dict[int, int] | None = None,
    ) -> None:
        self.problem = problem
        self.prepared = prepared
        self.placement_only = placement_only
        # Every meeting is placed; only the breaks are minimised, by core-based search.
        self.narrowing = narrowing
        self.status = Status.UNKNOWN
        settings = Settings(
            domains=prepared.domains,
            mandatory=prepared.mandatory,
            previous_slot=prepared.previous_slot if stability else {},
            stability=stability,
            extras=frozenset({"card"}) if len(problem.meetings) > LARGE else EXTRAS,
            placement_only=placement_only,
            min_breaks=prepared.forced_breaks(),
        )
        self.built = ScheduleModel(problem, prepared.index, settings)
        self.solver = cp_model.CpSolver()
        if placement_only:
            pass
        elif narrowing:
            self.built.model.minimize(sum(self._break_literals()))
        else:
            self._set_objective()
        self._hint(hint, start)

    def _break_literals(self) -> list[cp_model.IntVar]:
        """The breaks as literals "p takes at least j breaks", chained per participant: their
        sum is the total. The core-based search minimises them (its cores are then sets of
        participants who might break, rather than slices of integer counts)."""
        model = self.built.model
        terms = []
        for p, breaks in enumerate(self.built.vars.breaks):
            if not isinstance(breaks, cp_model.IntVar):
                continue
            top = list(breaks.proto.domain)[-1]
            previous = None
            for j in range(1, top + 1):
                at_least = model.new_bool_var(f"breaks{p}_ge{j}")
                model.add(breaks >= j).only_enforce_if(at_least)
                model.add(breaks <= j - 1).only_enforce_if(at_least.Not())
                if previous is not None:
                    model.add_implication(at_least, previous)
                previous = at_least
                terms.append(at_least)
        return terms

    def _set_objective(self) -> None:
        v = self.built.vars
        breaks = cp_model.LinearExpr.sum(v.breaks)
        self.move_weight = 1 + self.problem.slots * len(self.problem.participants)
        self.meeting_weight = self.move_weight * (len(v.kept) + 1)
        unscheduled = cp_model.LinearExpr.sum(
            [m.priority * (1 - s) for m, s in zip(self.problem.meetings, v.scheduled, strict=True)]
        )
        moves = len(v.kept) - cp_model.LinearExpr.sum(v.kept)
        self.built.model.minimize(
            self.meeting_weight * unscheduled + self.move_weight * moves + breaks
        )

    def _hint(self, hint: _Solution | None, start: dict[int, int] | None) -> None:
        if hint is not None:
            slot_of = hint.slot_of
        elif start is not None:
            slot_of = start
        else:
            slot_of, _ = greedy_slots(self.problem, self.prepared.index, self.prepared.domains)
        for m, slots in enumerate(self.built.vars.x):
            for t, lit in slots.items():
                self.built.model.add_hint(lit, slot_of.get(m) == t)

    def solve(
        self,
        time_limit: float,
        workers: int,
        seed: int,
        *,
        first: bool = False,
    ) -> Status:
        self.solver = cp_model.CpSolver()
        params = self.solver.parameters
        params.max_time_in_seconds = max(time_limit, 0.01)
        params.num_workers = workers
        params.random_seed = seed
        params.stop_after_first_solution = first
        if self.narrowing and workers >= 2:
            # Core-based search beside clause learning: where the ladder stalls it finds
            # fewer breaks than the default workers (forum-13crafb: 8-16 in four runs,
            # against 13-17 before).
            params.num_full_subsolvers = workers
            params.subsolvers.extend(["core", "no_lp"])
        solved = self.solver.solve(self.built.model)
        self.status = STATUS.get(solved, Status.UNKNOWN)
        return self.status

    def solution(self) -> _Solution:
        slot_of = {}
        for m, slots in enumerate(self.built.vars.x):
            for t, lit in slots.items():
                if self.solver.boolean_value(lit):
                    slot_of[m] = t
        interpreter_of = {
            m: self.problem.interpreters[i].id
            for (m, i, _), lit in self.built.vars.interpreter.items()
            if self.solver.boolean_value(lit)
        }
        breaks = sum(_participant_breaks(self.problem, self.prepared.index, slot_of).values())
        optimised = not self.placement_only
        objective = round(self.solver.objective_value) if optimised else breaks
        return _Solution(slot_of, interpreter_of, breaks, objective)

    def breaks_bound(self, solution: _Solution) -> int:
        """Breaks bound, meaningful once the earlier objective tiers are proven."""
        lower = math.ceil(self.solver.best_objective_bound - 1e-6)
        upper_tiers = solution.objective - solution.breaks
        if lower < upper_tiers:
            return 0
        return max(0, min(solution.breaks, lower - upper_tiers))


def _participant_breaks(problem: Problem, index: Index, slot_of: dict[int, int]) -> dict[str, int]:
    return {
        p.id: participant_breaks({slot_of[m] for m in index.meetings_of[i] if m in slot_of})
        for i, p in enumerate(problem.participants)
    }


def _result(
    problem: Problem, prepared: _Prepared, solution: _Solution, status: Status, *, bound: int
) -> Result:
    slot_of = solution.slot_of
    tables = assign_tables(problem, slot_of, prepared.previous_table)
    assignments = [
        Assignment(
            meeting=problem.meetings[m].id,
            slot=t,
            table=tables[m],
            interpreter=solution.interpreter_of.get(m),
        )
        for m, t in sorted(slot_of.items())
    ]
    previous = prepared.previous_slot
    return Result(
        status=status,
        assignments=assignments,
        unscheduled=[
            Unscheduled(
                meeting=meeting.id,
                reason=left_out_reason(problem, prepared.index, m, prepared.domains[m], slot_of),
            )
            for m, meeting in enumerate(problem.meetings)
            if m not in slot_of
        ],
        breaks=solution.breaks,
        bound=bound,
        breaks_by_participant=_participant_breaks(problem, prepared.index, slot_of),
        scheduled_weight=sum(problem.meetings[m].priority for m in slot_of),
        moves=sum(1 for m, t in previous.items() if slot_of.get(m) != t) if previous else None,
    )
