"""A one-pass greedy scheduler: the baseline the optimiser is measured against, and its
first guess.

Meetings go in order of difficulty (fixed first, then the busiest participants, fewest
admissible slots), each to the free slot that adds the fewest breaks. No backtracking, and
fairness is not enforced, so it may leave meetings out or exceed the break spread.
"""

from __future__ import annotations

from dataclasses import dataclass

from twinning.scheduling.problem import (
    Index,
    Problem,
    host_tables,
    interpreter_can_serve,
    meeting_table_host,
    participant_breaks,
)


@dataclass
class _State:
    busy: list[set[int]]
    used: list[int]
    used_unhosted: list[int]
    interpreters: list[set[int]]
    slot: dict[int, int]
    interpreter: dict[int, int]


def greedy_slots(
    problem: Problem, index: Index, domains: list[list[int]]
) -> tuple[dict[int, int], dict[int, int]]:
    """Meeting index -> slot for the meetings placed, and meeting index -> interpreter index."""
    hosts = host_tables(problem)
    state = _State(
        busy=[set() for _ in problem.participants],
        used=[0] * problem.slots,
        used_unhosted=[0] * problem.slots,
        interpreters=[set() for _ in problem.interpreters],
        slot={},
        interpreter={},
    )
    free_tables = len(problem.tables) - len(hosts)
    for m in _order(problem, index, domains):
        meeting = problem.meetings[m]
        hosted = meeting_table_host(problem, meeting, hosts) is not None
        best = _best_slot(problem, index, domains, state, m, hosted, free_tables)
        if best is not None:
            _place(problem, index, state, m, best, hosted)
    return state.slot, state.interpreter


def _order(problem: Problem, index: Index, domains: list[list[int]]) -> list[int]:
    load = [len(ms) for ms in index.meetings_of]

    def difficulty(m: int) -> tuple[int, int, int, int]:
        meeting = problem.meetings[m]
        a, b = (index.participant[pid] for pid in meeting.participants)
        fixed = 0 if meeting.fixed_slot is not None or len(domains[m]) == 1 else 1
        return (fixed, -meeting.priority, -(load[a] + load[b]), len(domains[m]))

    ranked = sorted(range(len(problem.meetings)), key=difficulty)
    return _predecessors_first(problem, index, ranked)


def _predecessors_first(problem: Problem, index: Index, ranked: list[int]) -> list[int]:
    placed: set[int] = set()
    order: list[int] = []

    def visit(m: int) -> None:
        if m in placed:
            return
        placed.add(m)
        for other in problem.meetings[m].after:
            visit(index.meeting[other])
        order.append(m)

    for m in ranked:
        visit(m)
    return order


def _best_slot(
    problem: Problem,
    index: Index,
    domains: list[list[int]],
    state: _State,
    m: int,
    hosted: bool,
    free_tables: int,
) -> int | None:
    meeting = problem.meetings[m]
    a, b = (index.participant[pid] for pid in meeting.participants)
    earliest = 1 + max((state.slot.get(index.meeting[o], -1) for o in meeting.after), default=-1)
    best: tuple[int, int] | None = None
    best_slot = None
    for t in domains[m]:
        if t < earliest or t in state.busy[a] or t in state.busy[b]:
            continue
        if state.used[t] >= len(problem.tables):
            continue
        if not hosted and state.used_unhosted[t] >= free_tables:
            continue
        if meeting.interpreter is not None and _free_interpreter(problem, state, m, t) is None:
            continue
        cost = (_added_breaks(state.busy[a], t) + _added_breaks(state.busy[b], t), t)
        if best is None or cost < best:
            best, best_slot = cost, t
    return best_slot


def _added_breaks(busy: set[int], t: int) -> int:
    return participant_breaks(busy | {t}) - participant_breaks(busy)


def _free_interpreter(problem: Problem, state: _State, m: int, t: int) -> int | None:
    pair = problem.meetings[m].interpreter or ""
    for i, interpreter in enumerate(problem.interpreters):
        if t not in state.interpreters[i] and interpreter_can_serve(interpreter, pair, t):
            return i
    return None


def _place(problem: Problem, index: Index, state: _State, m: int, t: int, hosted: bool) -> None:
    meeting = problem.meetings[m]
    for pid in meeting.participants:
        state.busy[index.participant[pid]].add(t)
    state.used[t] += 1
    if not hosted:
        state.used_unhosted[t] += 1
    if meeting.interpreter is not None:
        i = _free_interpreter(problem, state, m, t)
        if i is not None:  # _best_slot only offers slots with a free interpreter
            state.interpreters[i].add(t)
            state.interpreter[m] = i
    state.slot[m] = t
