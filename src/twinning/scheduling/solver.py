"""Solve a problem: lexicographically, the most meetings (by priority), then, when asked, the
fewest moves from a previous schedule, then the fewest breaks, under fairness.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from twinning.scheduling import lns
from twinning.scheduling.blocks import block_starts
from twinning.scheduling.diagnosis import (
    empty_domain_reason,
    left_out_reason,
    locked_conflicts,
    overloaded_participants,
)
from twinning.scheduling.greedy import greedy_slots
from twinning.scheduling.model import ScheduleModel, Settings, at_most_clauses
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
# Only for "at most k breaks?" questions: it slows down finding a first schedule.
CAP_EXTRAS = EXTRAS | {"slotcount"}

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
    if not stability and len(prepared.mandatory) < len(problem.meetings):
        # Try to keep every meeting first: the usual case, and a much easier model.
        complete = dataclasses.replace(prepared, mandatory=set(range(len(problem.meetings))))
        probe = _Run(problem, complete)
        found = probe.solve(_left(deadline) / 4, workers, seed, first=True)
        if found in (Status.OPTIMAL, Status.FEASIBLE):
            return _finish(
                _descend_from(problem, complete, probe, deadline, workers, seed), started
            )
    if stability or len(prepared.mandatory) < len(problem.meetings):
        run = _Run(problem, prepared, stability=stability)
        run.solve(_left(deadline), workers, seed)
        return _finish(_conclude(problem, prepared, run, time_limit, workers), started)
    placed = _placement(problem, prepared, deadline, workers, seed)
    if placed is not None and lns.applies(problem):
        return _finish(_improve_locally(problem, prepared, placed, deadline, seed), started)
    if placed is not None:
        return _finish(_descend(problem, prepared, placed, 0, deadline, workers, seed), started)
    first = _Run(problem, prepared)
    first.solve(_left(deadline), workers, seed, first=True)
    if first.status in (Status.INFEASIBLE, Status.UNKNOWN):
        return _finish(_conclude(problem, prepared, first, time_limit, workers), started)
    return _finish(_descend_from(problem, prepared, first, deadline, workers, seed), started)


# Meetings beyond which a day counts as large: place them first, then optimise.
LARGE = 1000


def _placement(
    problem: Problem, prepared: _Prepared, deadline: float, workers: int, seed: int
) -> _Solution | None:
    """On a large day, a schedule that merely places every meeting, to start the search from."""
    if len(problem.meetings) <= LARGE:
        return None
    run = _Run(problem, prepared, placement_only=True)
    if run.solve(_left(deadline) / 2, workers, seed, first=True) in (
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
# Beyond this many breaks between bound and incumbent, optimise freely for a while first.
LADDER = 6


def _descend_from(
    problem: Problem, prepared: _Prepared, first: _Run, deadline: float, workers: int, seed: int
) -> Result:
    lower = max(0, math.ceil(first.solver.best_objective_bound - 1e-6))
    return _descend(problem, prepared, first.solution(), lower, deadline, workers, seed)


def _descend(
    problem: Problem,
    prepared: _Prepared,
    best: _Solution,
    lower: int,
    deadline: float,
    workers: int,
    seed: int,
) -> Result:
    """Every meeting fits: now prove the fewest breaks, raising the bound one break at a time.

    Asking "is there a schedule with at most k breaks?" for k = bound, bound + 1, ... lets
    the solver refute small k quickly and propagates far better than a free objective.
    """
    lower = max(lower, sum(prepared.forced_breaks()))
    narrowed = best.breaks - lower <= LADDER
    # Kept back to improve the schedule if the bound cannot be raised to meet it in time.
    reserve = (deadline - time.perf_counter()) * RESERVE
    margin = _build_seconds(prepared)
    names: dict[int, _Names] = {}
    while lower < best.breaks and _left(deadline) - reserve > margin:
        # No breaks at all is one long search (nobody to name): restarting it loses its work.
        whole = narrowed or lower == 0
        budget = _left(deadline) - reserve if whole else _left(deadline) / 2
        run = _Run(problem, prepared, hint=best, cap=lower)
        if lower not in names:
            names[lower] = _Names.of(prepared)
            names[lower].guess = not any(asked.slow for asked in names.values())
        status = _ask(run, names[lower], lower, (budget, _left(deadline) - reserve), workers, seed)
        if run.better is not None and run.better.breaks < best.breaks:
            best = run.better
        if status is Status.INFEASIBLE:
            lower += 1
        elif status is not Status.UNKNOWN:
            best = run.solution()
        elif whole:
            break
        else:
            # The ladder stalls far below the incumbent: improve it freely for a while.
            best, lower = _narrow(
                problem, prepared, best, lower, _left(deadline) / 4, workers, seed
            )
            narrowed = True
    if lower < best.breaks and _left(deadline) > margin:
        best, lower = _narrow(problem, prepared, best, lower, _left(deadline), workers, seed)
    status = Status.OPTIMAL if lower >= best.breaks else Status.FEASIBLE
    return _result(problem, prepared, best, status, bound=min(lower, best.breaks))


# A first, short free search answers the easy "at most k breaks?" questions by itself.
PROBE_SECONDS = 10.0
# Share of a question's time spent naming who takes the breaks, and time per name.
NAMING_SHARE = 0.5
NAMING_SECONDS = 4.0
# Names tried before the free search, the first time a cap is asked: the participant with
# the fewest ways to an unbroken day is often the one who breaks. Seconds per guess: on a
# slow day ticf-13crafc's first guess took 2.8-5.5 s (1.4-2.4 s on a faster one).
GUESSES = 3
GUESS_SECONDS = 8.0


def _ask(
    run: _Run, names: _Names, cap: int, budgets: tuple[float, float], workers: int, seed: int
) -> Status:
    """Is there a schedule with at most ``cap`` breaks?

    No breaks at all leaves nobody to name: a restarting search. Otherwise, the first time
    a cap is asked: a quick guess at who breaks (the first few names, the most constrained
    participants first), then a free search (it refutes or answers most questions). Then
    naming who breaks, round by round, and a restarting free search: for the question's
    budget, or for all the time there is once no name is left to try.
    """
    budget, everything = budgets
    if cap == 0:
        return _restarting(run, names, budget, workers, seed)
    started = time.perf_counter()
    status = Status.UNKNOWN
    can_name = names.can_take(cap, run.problem.max_break_spread) and names.guess
    if not names.probed:
        names.probed = True
        if can_name:
            status = _guess_who_breaks(run, names, workers, seed)
        if status is Status.UNKNOWN:
            status = run.solve(min(_left(started + budget), PROBE_SECONDS), workers, seed)
    nameable = can_name and not names.slow
    if status is Status.UNKNOWN and nameable:
        ends = started + budget
        status = _name_who_breaks(run, names, NAMING_SHARE * _left(ends), workers, seed)
    if status is Status.UNKNOWN:
        ends = started + (budget if names.left and nameable else everything)
        status = _restarting(run, names, _left(ends), workers, seed)
    return status


# First slice of a restarting search; each later slice is twice as long.
RESTART_SECONDS = 5.0


def _restarting(run: _Run, names: _Names, budget: float, workers: int, seed: int) -> Status:
    """Search in slices of doubling length, each with a new seed, until one answers or the
    budget is spent.

    How long CP-SAT takes to find a schedule at the bound depends heavily on its seed (on
    ticf-14crafa, 3 to 13 s for most seeds, nothing in 60 s for some): restarting with
    another seed cuts that tail, and the doubling still leaves long runs to questions that
    need them. Slices take turns: the lighter default LP, which found schedules at the bound
    about twice as fast on tic-13crafc; the LP worker, which can refute, on the model that
    also counts the breaks in clauses (see ``_Run.counted``); and minimising the
    breaks from the best schedule (see ``_narrowing_slice``). The sequence goes on where it
    stopped when the cap is asked again.
    """
    ends = time.perf_counter() + budget
    status = Status.UNKNOWN
    while status is Status.UNKNOWN and _left(ends) > 0.05:
        names.restarts += 1
        n = names.restarts
        limit = min(RESTART_SECONDS * 2 ** (n - 1), _left(ends))
        if n % 3 == 0:
            status = _narrowing_slice(run, limit, workers, seed + n)
        else:
            status = run.solve(limit, workers, seed + n, finding=n % 3 == 1, counted=n % 3 == 2)
    return status


def _narrowing_slice(run: _Run, limit: float, workers: int, seed: int) -> Status:
    """Answer "at most ``run.cap`` breaks?" by minimising the breaks from the best schedule
    (the cap is the proven bound, so nothing below it exists).

    On some days this gets there where the feasibility search does not (tic-14crafd with
    precedences: 0 breaks in 13.5 s for one seed of three, 1 and 2 breaks for the others;
    the feasibility search found nothing in 30 s for any); a schedule it finds above the
    cap still improves the best one, and a bound it proves above the cap refutes it.
    """
    cap = run.cap or 0  # restarts only ever answer cap questions
    status, found, bound = _minimise_breaks(
        run.problem, run.prepared, run.better or run.hint, cap, (limit, workers, seed)
    )
    run.status = Status.UNKNOWN
    if found is not None:
        run.keep_better(found)
        if found.breaks <= cap:
            run.adopted = found
            run.status = Status.FEASIBLE
            return run.status
    if status is Status.INFEASIBLE or bound > cap:
        run.status = Status.INFEASIBLE
    return run.status


@dataclasses.dataclass
class _Names:
    """Who may break, still to try for one cap, and the time each try gets this round."""

    left: list[set[int]]
    limit: float = 1.0
    # Whether the free search has had its first go at this cap.
    probed: bool = False
    # Participants held to at least one break.
    forced: int = 0
    # Slices of restarting search spent on this cap so far.
    restarts: int = 0
    # Whether to name who breaks at all (not after a slow guess at a lower cap); whether a
    # guess at this cap took too long.
    guess: bool = True
    slow: bool = False

    def can_take(self, cap: int, spread: int | None) -> bool:
        """Whether a name could hold ``cap`` breaks: with fairness and someone at 0 breaks,
        each named participant takes at most ``spread`` of them. Below ``cap`` is refuted,
        so names that cannot reach it are not worth asking."""
        return spread is None or spread * (self.forced + 1) >= cap

    @classmethod
    def of(cls, prepared: _Prepared) -> _Names:
        """Participants whose day fits no single block may always break; the others are
        named one at a time, those with the fewest ways to keep an unbroken day first."""
        forced = {p for p, count in enumerate(prepared.forced_breaks()) if count}
        options = prepared.block_options
        people = sorted(
            (p for p, meetings in enumerate(prepared.index.meetings_of) if len(meetings) > 1),
            key=lambda p: (len(options[p]), p),
        )
        names = [forced] if forced else []
        return cls(
            names + [forced | {p} for p in people if p not in forced],
            NAMING_SECONDS,
            forced=len(forced),
        )


def _guess_who_breaks(run: _Run, names: _Names, workers: int, seed: int) -> Status:
    """Try the first few names once, before anything else: the participants with the fewest
    ways to an unbroken day are often the ones who break (forum-13crafc, ticf-13crafc).

    Stops at the first name left undecided, and marks the names slow: on such a day (e.g.
    forumt-14crafe, where each takes more than 8 s) naming costs more than it finds, and
    the free search gets the time instead.
    """
    for allowed in list(names.left[:GUESSES]):
        found = _try_name(run, allowed, GUESS_SECONDS, workers, seed)
        if found is Status.FEASIBLE:
            return found
        if found is Status.UNKNOWN:
            names.slow = True
            break
        names.left.remove(allowed)
    run.status = Status.UNKNOWN
    return Status.UNKNOWN


def _try_name(run: _Run, allowed: set[int], limit: float, workers: int, seed: int) -> Status:
    """Search for a schedule in which nobody but ``allowed`` breaks: FEASIBLE (the run holds
    it), INFEASIBLE or UNKNOWN."""
    found = run.solve(limit, workers, seed, model=run.restricted(allowed))
    if found is Status.OPTIMAL:
        found = run.status = Status.FEASIBLE
    return found


def _name_who_breaks(run: _Run, names: _Names, budget: float, workers: int, seed: int) -> Status:
    """Look for the schedule by naming who takes the breaks.

    "At most k breaks, anybody's" leaves the search guessing who; "nobody but these people
    breaks" is settled in a second or two, often by presolve, and usually refuted. Answers
    FEASIBLE (the run holds the schedule) or UNKNOWN: a refuted name proves nothing about
    the others. Undecided names get twice the time in the next round.
    """
    ends = time.perf_counter() + budget
    while names.left and _left(ends) > 0.05:
        undecided: list[set[int]] = []
        for n, allowed in enumerate(names.left):
            if _left(ends) <= 0.05:
                names.left = undecided + names.left[n:]
                run.status = Status.UNKNOWN
                return Status.UNKNOWN
            found = _try_name(run, allowed, min(names.limit, _left(ends)), workers, seed)
            if found is Status.FEASIBLE:
                return found
            if found is Status.UNKNOWN:
                undecided.append(allowed)
        names.left, names.limit = undecided, 2 * names.limit
    run.status = Status.UNKNOWN
    return Status.UNKNOWN


def _improve_locally(
    problem: Problem, prepared: _Prepared, placed: _Solution, deadline: float, seed: int
) -> Result:
    """A large day: too big to optimise whole, so repair it a few participants at a time."""
    search = lns.Search(problem, prepared.index, prepared.domains, placed.slot_of)
    slot_of = search.run(deadline, 0, seed)
    breaks = sum(search.breaks())
    best = _Solution(slot_of, placed.interpreter_of, breaks, breaks)
    # The search proves nothing about the whole day: the bound is who cannot avoid a break.
    bound = min(breaks, sum(prepared.forced_breaks()))
    status = Status.OPTIMAL if breaks == bound else Status.FEASIBLE
    return _result(problem, prepared, best, status, bound=bound)


def _narrow(
    problem: Problem,
    prepared: _Prepared,
    best: _Solution,
    lower: int,
    budget: float,
    workers: int,
    seed: int,
) -> tuple[_Solution, int]:
    """Optimise freely for a while, hinted with the best schedule and above the known bound."""
    _, found, bound = _minimise_breaks(problem, prepared, best, lower, (budget, workers, seed))
    if found is not None:
        best = min(best, found, key=lambda solution: solution.breaks)
        lower = max(lower, bound)
    return best, lower


def _minimise_breaks(
    problem: Problem,
    prepared: _Prepared,
    hint: _Solution | None,
    lower: int,
    search: tuple[float, int, int],
) -> tuple[Status, _Solution | None, int]:
    """A narrowing run: minimise the breaks from ``hint``, above the proven bound ``lower``,
    for ``search`` = (seconds, workers, seed). Answers the status, the best schedule found
    (None if none) and the bound the run proved."""
    budget, workers, seed = search
    run = _Run(problem, prepared, hint=hint, narrowing=True)
    run.built.model.add(sum(run.built.vars.breaks) >= lower)
    status = run.solve(budget, workers, seed)
    found = run.solution() if status in (Status.OPTIMAL, Status.FEASIBLE) else None
    return status, found, math.ceil(run.solver.best_objective_bound - 1e-6)


def _conclude(
    problem: Problem, prepared: _Prepared, run: _Run, time_limit: float, workers: int
) -> Result:
    if run.status is Status.INFEASIBLE:
        reason = _infeasibility_reason(problem, prepared, time_limit, workers)
        return Result(Status.INFEASIBLE, reason=reason)
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
) -> str:
    what = "every meeting" if problem.require_all else "the locked meetings"
    if problem.max_break_spread is not None:
        unfair = dataclasses.replace(problem, max_break_spread=None)
        probe = _Run(unfair, prepared)
        if probe.solve(min(time_limit, 10.0), workers, 0, first=True) in (
            Status.OPTIMAL,
            Status.FEASIBLE,
        ):
            return (
                f"max_break_spread: no schedule of {what} keeps every participant's breaks "
                f"within {problem.max_break_spread} of each other"
            )
    return (
        f"no schedule holds {what}: participants, tables, sessions, availability, "
        "fixed slots and precedences leave no room"
    )


@dataclasses.dataclass
class _Solution:
    slot_of: dict[int, int]
    interpreter_of: dict[int, str]
    breaks: int
    objective: int


class _Run:
    """One CP-SAT model: either minimising the objective, or, given ``cap``, looking for any
    schedule with at most ``cap`` breaks."""

    def __init__(
        self,
        problem: Problem,
        prepared: _Prepared,
        *,
        stability: bool = False,
        hint: _Solution | None = None,
        cap: int | None = None,
        placement_only: bool = False,
        narrowing: bool = False,
    ) -> None:
        self.problem = problem
        self.prepared = prepared
        self.cap = cap
        self.placement_only = placement_only
        # Every meeting is placed; only the breaks are minimised, by core-based search.
        self.narrowing = narrowing
        self.hint = hint
        # A schedule found for this run by another model: the answer, or an improvement.
        self.adopted: _Solution | None = None
        self.better: _Solution | None = None
        self.status = Status.UNKNOWN
        settings = Settings(
            domains=prepared.domains,
            mandatory=prepared.mandatory,
            previous_slot=prepared.previous_slot if stability else {},
            stability=stability,
            extras=(
                frozenset({"card"})
                if len(problem.meetings) > LARGE
                else EXTRAS
                if cap is None
                else CAP_EXTRAS
            ),
            placement_only=placement_only,
            min_breaks=prepared.forced_breaks(),
        )
        self.built = ScheduleModel(problem, prepared.index, settings)
        self.solver = cp_model.CpSolver()
        if placement_only:
            pass
        elif narrowing:
            self.built.model.minimize(sum(self._break_literals(self.built.model)))
        elif cap is None:
            self._set_objective()
        else:
            self.built.model.add(sum(self.built.vars.breaks) <= cap)
            self.built.search_blocks_first()
        self._hint(hint)

    def restricted(self, allowed: set[int]) -> cp_model.CpModel:
        """A copy of the model in which only the ``allowed`` participants may take breaks."""
        model = self.built.model.clone()
        for p, breaks in enumerate(self.built.vars.breaks):
            if p not in allowed and isinstance(breaks, cp_model.IntVar):
                model.add(model.get_int_var_from_proto_index(breaks.index) == 0)
        return model

    def counted(self) -> cp_model.CpModel:
        """A copy of the cap model that counts the breaks once more, in clauses over the
        literals "p takes at least j breaks": clause learning then reasons about who breaks.

        It refutes what the plain model does not: "at most 2" on ticf-13crafb in 11-12 s for
        three seeds (undecided after 45 s, or 21-24 s, without); "at most 3" on tic-13crafc in
        12-26 s (28-36 s); "at most 5" on forum-13crafb in 46-65 s (never before). But
        beside the LP worker it finds schedules at the cap more slowly (forumt-14crafe "at
        most 5": nothing in 20 s for three seeds, against 9-16 s), so only the refuting
        slices use it.
        """
        model = self.built.model.clone()
        if self.cap:
            at_most_clauses(model, self._break_literals(model), self.cap)
        return model

    def _break_literals(self, model: cp_model.CpModel) -> list[cp_model.IntVar]:
        """The breaks as literals "p takes at least j breaks", chained per participant, in
        ``model`` (this run's model or a copy of it): their sum is the total. The core-based
        search minimises them (its cores are then sets of participants who might break,
        rather than slices of integer counts), and the refuting cap questions count them in
        clauses."""
        terms = []
        for p, variable in enumerate(self.built.vars.breaks):
            if not isinstance(variable, cp_model.IntVar):
                continue
            breaks = model.get_int_var_from_proto_index(variable.index)
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

    def _hint(self, hint: _Solution | None) -> None:
        if hint is None:
            slot_of, _ = greedy_slots(self.problem, self.prepared.index, self.prepared.domains)
        else:
            slot_of = hint.slot_of
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
        model: cp_model.CpModel | None = None,
        finding: bool = False,
        counted: bool = False,
    ) -> Status:
        """Solve the model, or ``model``: a copy of it (same variables) with more constraints.

        ``finding``: a cap question whose bound is not expected to fall; look for a schedule.
        ``counted``: a cap question expected to be refuted; count the breaks in clauses too.
        """
        self.solver = cp_model.CpSolver()
        params = self.solver.parameters
        params.max_time_in_seconds = max(time_limit, 0.01)
        params.num_workers = workers
        params.random_seed = seed
        params.stop_after_first_solution = first
        if self.cap is not None:
            _feasibility_search(params, workers, restricted=model is not None, finding=finding)
        elif self.narrowing and workers >= 2:
            # Core-based search beside clause learning: where the ladder stalls it finds
            # fewer breaks than the default workers (forum-13crafb: 8-16 in four runs,
            # against 13-17 before).
            params.num_full_subsolvers = workers
            params.subsolvers.extend(["core", "no_lp"])
        if model is None:
            model = self.counted() if counted else self.built.model
        solved = self.solver.solve(model)
        self.status = STATUS.get(solved, Status.UNKNOWN)
        return self.status

    def keep_better(self, found: _Solution) -> None:
        """A schedule another model found: kept if it has fewer breaks than any before, and
        the next searches of this model start from it."""
        if self.better is None or found.breaks < self.better.breaks:
            self.better = found
            self.built.model.clear_hints()
            self._hint(found)

    def solution(self) -> _Solution:
        if self.adopted is not None:
            return self.adopted
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
        optimised = self.cap is None and not self.placement_only
        objective = round(self.solver.objective_value) if optimised else breaks
        return _Solution(slot_of, interpreter_of, breaks, objective)

    def breaks_bound(self, solution: _Solution) -> int:
        """Breaks bound, meaningful once the earlier objective tiers are proven."""
        lower = math.ceil(self.solver.best_objective_bound - 1e-6)
        upper_tiers = solution.objective - solution.breaks
        if lower < upper_tiers:
            return 0
        return max(0, min(solution.breaks, lower - upper_tiers))


def _feasibility_search(
    params: cp_model.SatParameters, workers: int, *, restricted: bool, finding: bool = False
) -> None:
    """Workers for "at most k breaks?" questions.

    With two workers: one with the full LP and its cuts (it refutes in a second what clause
    learning alone cannot settle in a minute, on days with few spare table slots) beside one
    with pure clause learning; when only named participants may break, the LP is not worth
    its time and a fixed search choosing where each unbroken day starts takes its place;
    when looking for a schedule rather than a refutation, the default LP does.
    """
    if workers >= 2:
        params.num_full_subsolvers = workers
        first = "fixed" if restricted else "default_lp" if finding else "max_lp"
        params.subsolvers.extend([first, "no_lp"])
    else:
        params.linearization_level = 0


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
