"""Reasons in words: why a meeting has no admissible slot, why locked meetings clash, why
a meeting was left out of a schedule.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from twinning.scheduling.problem import Index, Meeting, Problem


def empty_domain_reason(problem: Problem, meeting: Meeting, index: Index) -> str:
    session = list(problem.session_slots(meeting.session))
    if meeting.fixed_slot is not None and meeting.fixed_slot not in session:
        return f"fixed slot {meeting.fixed_slot} is outside its {meeting.session} session"
    candidates = [meeting.fixed_slot] if meeting.fixed_slot is not None else session
    if not candidates:
        return f"the day has no {meeting.session} slots"
    for pid in meeting.participants:
        blocked = problem.participants[index.participant[pid]].unavailable
        if set(candidates) <= blocked:
            return f"participant {pid} is unavailable in every admissible slot"
    if meeting.interpreter is not None:
        return f"no {meeting.interpreter} interpreter is free in any admissible slot"
    return "its two participants are never available at the same time"


def locked_conflicts(problem: Problem, index: Index, locked: dict[int, int]) -> list[str]:
    """Contradictions among meetings whose slot cannot change."""
    reasons: list[str] = []
    seen: dict[tuple[str, int], str] = {}
    for m, slot in sorted(locked.items()):
        meeting = problem.meetings[m]
        for pid in meeting.participants:
            other = seen.setdefault((pid, slot), meeting.id)
            if other != meeting.id:
                reasons.append(
                    f"locked meetings {other} and {meeting.id} both need {pid} in slot {slot}"
                )
    per_slot = Counter(locked.values())
    for slot, count in sorted(per_slot.items()):
        if count > len(problem.tables):
            reasons.append(
                f"{count} locked meetings in slot {slot} but {len(problem.tables)} tables"
            )
    for m, slot in sorted(locked.items()):
        for other in problem.meetings[m].after:
            before = locked.get(index.meeting[other])
            if before is not None and before >= slot:
                reasons.append(
                    f"locked meeting {problem.meetings[m].id} (slot {slot}) must come after "
                    f"{other} (slot {before})"
                )
    return reasons


def overloaded_participants(
    problem: Problem, index: Index, domains: list[list[int]], mandatory: set[int]
) -> list[str]:
    """Participants with more required meetings than slots they could hold them in."""
    reasons = []
    for p, meetings in enumerate(index.meetings_of):
        required = [m for m in meetings if m in mandatory]
        room = set().union(*(domains[m] for m in required)) if required else set()
        if len(required) > len(room):
            reasons.append(
                f"participant {problem.participants[p].id} has {len(required)} meetings "
                f"but only {len(room)} slots they can take"
            )
    return reasons


def left_out_reason(
    problem: Problem, index: Index, m: int, domain: list[int], slot_of: dict[int, int]
) -> str:
    """Why each admissible slot of an unscheduled meeting is taken, summarised."""
    if not domain:
        return "no admissible slot: " + empty_domain_reason(problem, problem.meetings[m], index)
    busy: dict[int, set[str]] = defaultdict(set)
    per_slot = Counter(slot_of.values())
    participants = set(problem.meetings[m].participants)
    for other, slot in slot_of.items():
        busy[slot] |= participants & set(problem.meetings[other].participants)
    clashes = [t for t in domain if busy[t]]
    full = [t for t in domain if not busy[t] and per_slot[t] >= len(problem.tables)]
    rest = [t for t in domain if not busy[t] and t not in full]
    parts = []
    if clashes:
        parts.append(f"its participants are busy in slots {_slots(clashes)}")
    if full:
        parts.append(f"all tables are taken in slots {_slots(full)}")
    if rest:
        parts.append(
            f"slots {_slots(rest)} would break a precedence, the interpreter or fairness limits"
        )
    return "could not be fitted: " + "; ".join(parts)


def _slots(slots: list[int]) -> str:
    return ", ".join(str(t) for t in slots)
