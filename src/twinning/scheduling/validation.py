"""Consistency rules a problem must meet before it can be solved or checked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from twinning.scheduling.problem import Problem

LANGUAGE_PAIR = re.compile(r"^[a-z]{2,3}-[a-z]{2,3}$")


class InvalidProblem(ValueError):
    """The problem contradicts itself; ``errors`` says where, one message per fault."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def problem_errors(problem: Problem) -> list[str]:
    return [
        *_shape_errors(problem),
        *_duplicate_errors(problem),
        *_participant_errors(problem),
        *_meeting_errors(problem),
        *_table_errors(problem),
        *_interpreter_errors(problem),
    ]


def ensure_valid(problem: Problem) -> None:
    errors = problem_errors(problem)
    if errors:
        raise InvalidProblem(errors)


def _shape_errors(problem: Problem) -> Iterator[str]:
    if problem.slots < 1:
        yield f"slots: must be at least 1, got {problem.slots}"
    if problem.morning_slots is not None and not 0 <= problem.morning_slots <= problem.slots:
        yield f"morning_slots: must lie between 0 and slots ({problem.slots})"
    if not problem.tables:
        yield "tables: at least one table is needed"
    if problem.max_break_spread is not None and problem.max_break_spread < 0:
        yield "max_break_spread: must be 0 or more, or null to switch fairness off"


def _duplicates(kind: str, ids: Iterable[str]) -> Iterator[str]:
    for item, count in Counter(ids).items():
        if count > 1:
            yield f"{kind}: id {item!r} is used {count} times"


def _duplicate_errors(problem: Problem) -> Iterator[str]:
    yield from _duplicates("participants", (p.id for p in problem.participants))
    yield from _duplicates("meetings", (m.id for m in problem.meetings))
    yield from _duplicates("tables", (t.id for t in problem.tables))
    yield from _duplicates("interpreters", (i.id for i in problem.interpreters))


def _slot_errors(where: str, slots: Iterable[int], problem: Problem) -> Iterator[str]:
    for slot in slots:
        if not 0 <= slot < problem.slots:
            yield f"{where}: slot {slot} is outside 0..{problem.slots - 1}"


def _participant_errors(problem: Problem) -> Iterator[str]:
    for p in problem.participants:
        yield from _slot_errors(f"participants[{p.id}].unavailable", p.unavailable, problem)


def _meeting_errors(problem: Problem) -> Iterator[str]:
    participants = {p.id for p in problem.participants}
    meetings = {m.id for m in problem.meetings}
    for m in problem.meetings:
        where = f"meetings[{m.id}]"
        a, b = m.participants
        if a == b:
            yield f"{where}.participants: a meeting needs two different participants"
        for pid in (a, b):
            if pid not in participants:
                yield f"{where}.participants: unknown participant {pid!r}"
        if m.fixed_slot is not None:
            yield from _slot_errors(f"{where}.fixed_slot", [m.fixed_slot], problem)
        for other in m.after:
            if other not in meetings or other == m.id:
                yield f"{where}.after: {other!r} is not another meeting"
        if m.priority not in (1, 2, 3):
            yield f"{where}.priority: must be 1, 2 or 3, got {m.priority}"
        if m.interpreter is not None and not LANGUAGE_PAIR.match(m.interpreter):
            yield f"{where}.interpreter: {m.interpreter!r} is not a language pair like 'en-ru'"
    yield from _precedence_cycle_errors(problem)


def _precedence_cycle_errors(problem: Problem) -> Iterator[str]:
    after = {m.id: set(m.after) for m in problem.meetings}
    done: set[str] = set()
    for start in after:
        path: list[str] = []
        on_path: set[str] = set()
        stack = [(start, iter(sorted(after[start])))]
        if start in done:
            continue
        path.append(start)
        on_path.add(start)
        while stack:
            node, successors = stack[-1]
            nxt = next(successors, None)
            if nxt is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
            elif nxt in on_path:
                cycle = [*path[path.index(nxt) :], nxt]
                yield "meetings.after: precedence cycle " + " -> ".join(cycle)
                return
            elif nxt not in done and nxt in after:
                stack.append((nxt, iter(sorted(after[nxt]))))
                path.append(nxt)
                on_path.add(nxt)


def _table_errors(problem: Problem) -> Iterator[str]:
    participants = {p.id for p in problem.participants}
    hosts = [t.host for t in problem.tables if t.host is not None]
    for t in problem.tables:
        if t.host is not None and t.host not in participants:
            yield f"tables[{t.id}].host: unknown participant {t.host!r}"
    for host, count in Counter(hosts).items():
        if count > 1:
            yield f"tables: participant {host!r} hosts {count} tables; one at most"


def _interpreter_errors(problem: Problem) -> Iterator[str]:
    for i in problem.interpreters:
        yield from _slot_errors(f"interpreters[{i.id}].unavailable", i.unavailable, problem)
        if len(i.languages) < 2:
            yield f"interpreters[{i.id}].languages: an interpreter needs at least two languages"
