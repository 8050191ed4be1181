"""Where a participant's day can run as one unbroken block.

A participant with n meetings has no break exactly when their meetings fill n consecutive
slots. Whether a block starting at slot s can hold them is a matching question (each meeting
needs a slot of the block in its own domain), answered here by augmenting paths. A
participant for whom no block works takes at least one break in any schedule that keeps all
their meetings: a lower bound the solver starts from, and the people it lets break first.
"""

from __future__ import annotations

from collections.abc import Sequence


def block_starts(slots: int, domains: Sequence[Sequence[int]]) -> list[int]:
    """First slots of the blocks of ``len(domains)`` consecutive slots that can hold every
    meeting, each in a slot of its own domain."""
    count = len(domains)
    if count == 0:
        return []
    allowed = [set(domain) for domain in domains]
    return [
        first for first in range(slots - count + 1) if _fits(allowed, range(first, first + count))
    ]


def _fits(allowed: list[set[int]], block: range) -> bool:
    holder: dict[int, int] = {}

    def place(meeting: int, seen: set[int]) -> bool:
        for slot in block:
            if slot not in allowed[meeting] or slot in seen:
                continue
            seen.add(slot)
            if slot not in holder or place(holder[slot], seen):
                holder[slot] = meeting
                return True
        return False

    return all(place(meeting, set()) for meeting in range(len(allowed)))
