"""Job-fair interview allocation: who interviews with which employer, in which slot, at which seat.

Pure: plain dataclasses in, plain dataclasses out, OR-Tools CP-SAT inside; no Django.

A fair has `slots` interview slots; each booth has `interviewers` seats, so it can hold that many
interviews in parallel. Students rank booths and employers shortlist students; the caller folds both
sides into one integer `weight` per wish (student, booth). The allocation

1. chooses which wishes become interviews: each student at most `max_per_student` and at most once
   per booth, each booth at most seats × its available slots, lexicographically first the number
   of students who asked and get at least one interview (the fairness floor), then the total weight;
2. places the chosen interviews: a student is in one place per slot, a booth seats at most
   `interviewers` students per slot, nobody is placed in a slot they marked unavailable, locked
   interviews stay where they are.

The two steps keep the model small enough for a 2,000-student fair (step 1 has one variable per
wish, step 2 one per chosen interview and free slot). Step 2 always has a solution without
unavailability (a bipartite edge colouring, König), so with it the rare interview that cannot be
placed is dropped and reported, never placed in conflict.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from twinning.scheduling.result import Status
from twinning.scheduling.solver import STATUS


@dataclass(frozen=True)
class Booth:
    id: str
    interviewers: int
    unavailable: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Student:
    id: str
    unavailable: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Wish:
    """One possible interview, worth `weight` (> 0) to the fair."""

    student: str
    booth: str
    weight: int


@dataclass(frozen=True)
class Fixed:
    """An interview that stays where it is (locked by an operator, or already accepted)."""

    student: str
    booth: str
    slot: int
    seat: int


@dataclass(frozen=True)
class FairProblem:
    slots: int
    booths: tuple[Booth, ...]
    students: tuple[Student, ...]
    wishes: tuple[Wish, ...]
    fixed: tuple[Fixed, ...] = ()
    max_per_student: int = 4
    name: str = ""


@dataclass(frozen=True)
class Interview:
    student: str
    booth: str
    slot: int
    seat: int
    weight: int


@dataclass
class FairResult:
    interviews: list[Interview]
    status: Status
    seconds: float
    students_asking: int
    students_without: list[str]
    dropped: list[tuple[str, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def weight(self) -> int:
        return sum(i.weight for i in self.interviews)


class ProblemError(ValueError):
    """The problem contradicts itself (an unknown booth, a locked interview in conflict)."""


def validate(problem: FairProblem) -> None:
    booths = {b.id: b for b in problem.booths}
    students = {s.id for s in problem.students}
    for wish in problem.wishes:
        if wish.booth not in booths or wish.student not in students:
            raise ProblemError(f"wish {wish.student}-{wish.booth} names an unknown party")
        if wish.weight <= 0:
            raise ProblemError(f"wish {wish.student}-{wish.booth} has no positive weight")
    seen_seat: set[tuple[str, int, int]] = set()
    seen_student: set[tuple[str, int]] = set()
    for item in problem.fixed:
        booth = booths.get(item.booth)
        if booth is None or item.student not in students:
            raise ProblemError(
                f"fixed interview {item.student}-{item.booth} names an unknown party"
            )
        if not (0 <= item.slot < problem.slots and 0 <= item.seat < booth.interviewers):
            raise ProblemError(f"fixed interview {item.student}-{item.booth} is off the grid")
        if (item.booth, item.slot, item.seat) in seen_seat or (
            item.student,
            item.slot,
        ) in seen_student:
            raise ProblemError(f"fixed interviews overlap in slot {item.slot}")
        seen_seat.add((item.booth, item.slot, item.seat))
        seen_student.add((item.student, item.slot))


def allocate(
    problem: FairProblem, *, time_limit: float = 30.0, workers: int = 2, seed: int = 0
) -> FairResult:
    started = time.monotonic()
    validate(problem)
    chosen = _choose(problem)
    left = max(1.0, time_limit - (time.monotonic() - started))
    interviews, dropped, status = _place(problem, chosen, left, workers, seed)
    asking = {w.student for w in problem.wishes} | {f.student for f in problem.fixed}
    having = {i.student for i in interviews}
    without = sorted(asking - having, key=_natural)
    reasons = [f"student {s} has no interview" for s in without]
    reasons += [f"interview {s}-{b} could not be placed" for s, b in dropped]
    return FairResult(
        interviews=sorted(interviews, key=lambda i: (i.slot, _natural(i.booth), i.seat)),
        status=status,
        seconds=time.monotonic() - started,
        students_asking=len(asking),
        students_without=without,
        dropped=dropped,
        reasons=reasons,
    )


def _natural(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


def _free_slots(problem: FairProblem) -> tuple[dict[str, int], dict[str, int]]:
    slots = range(problem.slots)
    student_free = {s.id: sum(t not in s.unavailable for t in slots) for s in problem.students}
    booth_seats = {
        b.id: b.interviewers * sum(t not in b.unavailable for t in slots) for b in problem.booths
    }
    return student_free, booth_seats


def _choose(problem: FairProblem) -> list[Wish]:
    """Step 1: which wishes become interviews, as a min-cost flow (exact, and fast).

    source → student → booth → sink; a student's first interview travels on its own arc worth
    more than all the weight of the fair, so the flow first gives as many students who asked an
    interview as it can (the fairness floor) and only then adds weight. A bypass arc from source
    to sink lets the flow leave capacity unused.
    """
    fixed_pairs = {(f.student, f.booth) for f in problem.fixed}
    best: dict[tuple[str, str], Wish] = {}
    for wish in problem.wishes:
        key = (wish.student, wish.booth)
        if key not in fixed_pairs and (key not in best or best[key].weight < wish.weight):
            best[key] = wish
    student_free, booth_seats = _free_slots(problem)
    fixed_student: dict[str, int] = defaultdict(int)
    fixed_booth: dict[str, int] = defaultdict(int)
    for item in problem.fixed:
        fixed_student[item.student] += 1
        fixed_booth[item.booth] += 1
    students = sorted({s for s, _ in best}, key=_natural)
    booths = sorted({b for _, b in best}, key=_natural)
    node = {("s", s): n + 2 for n, s in enumerate(students)}
    node.update({("b", b): n + 2 + len(students) for n, b in enumerate(booths)})
    source, sink = 0, 1
    bonus = sum(w.weight for w in best.values()) + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    supply = 0
    for student in students:
        cap = max(min(problem.max_per_student, student_free[student]) - fixed_student[student], 0)
        if cap and not fixed_student[student]:
            flow.add_arc_with_capacity_and_unit_cost(source, node[("s", student)], 1, -bonus)
            cap -= 1
        if cap:
            flow.add_arc_with_capacity_and_unit_cost(source, node[("s", student)], cap, 0)
        supply += max(min(problem.max_per_student, student_free[student]), 0)
    arcs = {}
    for key, wish in best.items():
        arc = flow.add_arc_with_capacity_and_unit_cost(
            node[("s", key[0])], node[("b", key[1])], 1, -wish.weight
        )
        arcs[arc] = wish
    for booth in booths:
        seats = max(booth_seats[booth] - fixed_booth[booth], 0)
        flow.add_arc_with_capacity_and_unit_cost(node[("b", booth)], sink, seats, 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, supply, 0)
    flow.set_node_supply(source, supply)
    flow.set_node_supply(sink, -supply)
    if flow.solve() != flow.OPTIMAL:
        raise ProblemError("the interview flow has no solution")
    return [wish for arc, wish in arcs.items() if flow.flow(arc)]


def _solve(model: cp_model.CpModel, time_limit: float, workers: int, seed: int) -> _Solved:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    return _Solved(solver, STATUS.get(status, Status.UNKNOWN))


class _Solved:
    def __init__(self, solver: cp_model.CpSolver, status: Status) -> None:
        self.solver, self.status = solver, status

    def value(self, var: cp_model.IntVar) -> bool:
        return bool(self.solver.boolean_value(var))


def _place(
    problem: FairProblem, chosen: list[Wish], time_limit: float, workers: int, seed: int
) -> tuple[list[Interview], list[tuple[str, str]], Status]:
    """Step 2: a slot and a seat for every chosen interview, fixed ones where they are.

    A greedy pass (most-booked students first, each interview in its booth's least busy free
    slot) usually places them all, and then the allocation is optimal for step 1's objective.
    Otherwise CP-SAT, started from the greedy placement, places as much weight as it can in the
    time left; the better of the two is kept, so a slow machine never ends with less.
    """
    interviews, seats = _fixed_interviews(problem)
    options = _free_options(problem, chosen)
    placed = _greedy(problem, chosen, options)
    status = Status.OPTIMAL
    if len(placed) < len(chosen):
        solved, status = _place_model(problem, chosen, options, placed, time_limit, workers, seed)
        weight = lambda found: sum(chosen[i].weight for i in found)  # noqa: E731
        if solved is not None and weight(solved) >= weight(placed):
            placed = solved
        status = Status.OPTIMAL if len(placed) == len(chosen) else status
    booths = {b.id: b for b in problem.booths}
    dropped = []
    for index, wish in enumerate(chosen):
        slot = placed.get(index)
        if slot is None:
            dropped.append((wish.student, wish.booth))
            continue
        used = seats[(wish.booth, slot)]
        seat = next(n for n in range(booths[wish.booth].interviewers) if n not in used)
        used.append(seat)
        interviews.append(Interview(wish.student, wish.booth, slot, seat, wish.weight))
    return interviews, dropped, status


def _fixed_interviews(
    problem: FairProblem,
) -> tuple[list[Interview], dict[tuple[str, int], list[int]]]:
    weights = {(w.student, w.booth): w.weight for w in problem.wishes}
    seats: dict[tuple[str, int], list[int]] = defaultdict(list)
    interviews = []
    for item in problem.fixed:
        seats[(item.booth, item.slot)].append(item.seat)
        weight = weights.get((item.student, item.booth), 1)
        interviews.append(Interview(item.student, item.booth, item.slot, item.seat, weight))
    return interviews, seats


def _taken(problem: FairProblem) -> tuple[dict[str, set[int]], dict[tuple[str, int], int]]:
    student_taken: dict[str, set[int]] = defaultdict(set)
    booth_taken: dict[tuple[str, int], int] = defaultdict(int)
    for item in problem.fixed:
        student_taken[item.student].add(item.slot)
        booth_taken[(item.booth, item.slot)] += 1
    return student_taken, booth_taken


def _free_options(problem: FairProblem, chosen: list[Wish]) -> list[list[int]]:
    """For each chosen interview, the slots where both sides are free of blocks and fixtures."""
    booths = {b.id: b for b in problem.booths}
    students = {s.id: s for s in problem.students}
    student_taken, booth_taken = _taken(problem)
    options = []
    for wish in chosen:
        booth, student = booths[wish.booth], students[wish.student]
        options.append(
            [
                slot
                for slot in range(problem.slots)
                if slot not in booth.unavailable
                and slot not in student.unavailable
                and slot not in student_taken[wish.student]
                and booth_taken[(wish.booth, slot)] < booth.interviewers
            ]
        )
    return options


def _greedy(problem: FairProblem, chosen: list[Wish], options: list[list[int]]) -> dict[int, int]:
    booths = {b.id: b for b in problem.booths}
    _student_taken, booth_taken = _taken(problem)
    load: dict[tuple[str, int], int] = defaultdict(int, booth_taken)
    busy: set[tuple[str, int]] = set()
    per_student: dict[str, int] = defaultdict(int)
    for wish in chosen:
        per_student[wish.student] += 1
    order = sorted(
        range(len(chosen)),
        key=lambda i: (-per_student[chosen[i].student], len(options[i]), -chosen[i].weight),
    )
    placed: dict[int, int] = {}
    for index in order:
        wish = chosen[index]
        free = [
            slot
            for slot in options[index]
            if (wish.student, slot) not in busy
            and load[(wish.booth, slot)] < booths[wish.booth].interviewers
        ]
        if free:
            slot = min(free, key=lambda s: (load[(wish.booth, s)], s))
            busy.add((wish.student, slot))
            load[(wish.booth, slot)] += 1
            placed[index] = slot
    return placed


def _place_model(
    problem: FairProblem,
    chosen: list[Wish],
    options: list[list[int]],
    start: dict[int, int],
    time_limit: float,
    workers: int,
    seed: int,
) -> tuple[dict[int, int] | None, Status]:
    booths = {b.id: b for b in problem.booths}
    _student_taken, booth_taken = _taken(problem)
    model = cp_model.CpModel()
    at = {
        (index, slot): model.new_bool_var(f"x{index}_{slot}")
        for index, slots in enumerate(options)
        for slot in slots
    }
    per_interview: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    per_student_slot: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
    per_booth_slot: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
    for (index, slot), var in at.items():
        wish = chosen[index]
        per_interview[index].append(var)
        per_student_slot[(wish.student, slot)].append(var)
        per_booth_slot[(wish.booth, slot)].append(var)
    for variables in [*per_interview.values(), *per_student_slot.values()]:
        model.add_at_most_one(variables)
    for (booth_id, slot), variables in per_booth_slot.items():
        seats = booths[booth_id].interviewers - booth_taken[(booth_id, slot)]
        model.add(sum(variables) <= seats)
    for key, var in at.items():
        model.add_hint(var, start.get(key[0]) == key[1])
    model.maximize(sum(chosen[i].weight * v for (i, _), v in at.items()))
    solved = _solve(model, time_limit, workers, seed)
    status = solved.status
    if status not in {Status.OPTIMAL, Status.FEASIBLE}:
        return None, status
    return {i: s for (i, s), v in at.items() if solved.value(v)}, status


def first_come(problem: FairProblem, order: list[str]) -> list[Interview]:
    """What a booking site does: students arrive in `order` and each books their wishes, best
    first, in the earliest slot where both they and the booth are free, until their limit."""
    booths = {b.id: b for b in problem.booths}
    students = {s.id: s for s in problem.students}
    wishes: dict[str, list[Wish]] = defaultdict(list)
    for wish in problem.wishes:
        wishes[wish.student].append(wish)
    seats: dict[tuple[str, int], int] = defaultdict(int)
    busy: set[tuple[str, int]] = set()
    booked: list[Interview] = []
    for student_id in order:
        student = students[student_id]
        mine = sorted(wishes[student_id], key=lambda w: -w.weight)[: problem.max_per_student]
        for wish in mine:
            booth = booths[wish.booth]
            for slot in range(problem.slots):
                if (
                    slot not in student.unavailable
                    and slot not in booth.unavailable
                    and (student_id, slot) not in busy
                    and seats[(booth.id, slot)] < booth.interviewers
                ):
                    busy.add((student_id, slot))
                    booked.append(
                        Interview(student_id, booth.id, slot, seats[(booth.id, slot)], wish.weight)
                    )
                    seats[(booth.id, slot)] += 1
                    break
    return booked


def check(problem: FairProblem, interviews: list[Interview]) -> list[str]:
    """Every rule an allocation must keep, as readable violations (empty when it keeps them)."""
    booths = {b.id: b for b in problem.booths}
    students = {s.id: s for s in problem.students}
    problems: list[str] = []
    seen_student: set[tuple[str, int]] = set()
    seen_seat: set[tuple[str, int, int]] = set()
    seen_pair: set[tuple[str, str]] = set()
    for item in interviews:
        booth, student = booths[item.booth], students[item.student]
        if (item.student, item.slot) in seen_student:
            problems.append(f"student {item.student} is in two places in slot {item.slot}")
        if (item.booth, item.slot, item.seat) in seen_seat or item.seat >= booth.interviewers:
            problems.append(f"booth {item.booth} seat {item.seat} is double booked")
        if (item.student, item.booth) in seen_pair:
            problems.append(f"student {item.student} meets booth {item.booth} twice")
        if item.slot in student.unavailable or item.slot in booth.unavailable:
            problems.append(f"interview {item.student}-{item.booth} is in an unavailable slot")
        seen_student.add((item.student, item.slot))
        seen_seat.add((item.booth, item.slot, item.seat))
        seen_pair.add((item.student, item.booth))
    for fixed in problem.fixed:
        if Interview(fixed.student, fixed.booth, fixed.slot, fixed.seat, 0) not in [
            Interview(i.student, i.booth, i.slot, i.seat, 0) for i in interviews
        ]:
            problems.append(f"fixed interview {fixed.student}-{fixed.booth} moved")
    return problems
