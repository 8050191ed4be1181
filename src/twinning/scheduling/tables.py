"""Seating: once every meeting has a slot, give it a table.

Hosted tables take their host's meetings; the other meetings share the remaining tables,
keeping a meeting at its previous table where that table is free.
"""

from __future__ import annotations

from collections import defaultdict

from twinning.scheduling.problem import Problem, host_tables, meeting_table_host


def assign_tables(
    problem: Problem, slot_of: dict[int, int], previous_table: dict[int, str] | None = None
) -> dict[int, str]:
    """Meeting index -> table id. The solver guarantees enough tables in every slot."""
    previous_table = previous_table or {}
    hosts = host_tables(problem)
    hosted_ids = set(hosts.values())
    open_tables = [t.id for t in problem.tables if t.id not in hosted_ids]
    by_slot: dict[int, list[int]] = defaultdict(list)
    for m, slot in slot_of.items():
        by_slot[slot].append(m)
    table_of: dict[int, str] = {}
    for meetings in by_slot.values():
        table_of.update(_seat_slot(problem, meetings, hosts, open_tables, previous_table))
    return table_of


def _seat_slot(
    problem: Problem,
    meetings: list[int],
    hosts: dict[str, str],
    open_tables: list[str],
    previous_table: dict[int, str],
) -> dict[int, str]:
    seated: dict[int, str] = {}
    waiting: list[int] = []
    for m in sorted(meetings):
        host_table = meeting_table_host(problem, problem.meetings[m], hosts)
        if host_table is not None:
            seated[m] = host_table
        else:
            waiting.append(m)
    free = list(open_tables)
    for m in list(waiting):
        wanted = previous_table.get(m)
        if wanted in free:
            seated[m] = wanted
            free.remove(wanted)
            waiting.remove(m)
    for m, table in zip(waiting, free, strict=False):
        seated[m] = table
    return seated
