"""Place every meeting: the edge-colouring view of a brokerage day.

Participants are vertices, meetings edges, slots colours, and the tables a capacity per
colour. A constructive pass puts each meeting in a free slot; a meeting that finds none
goes in anyway, ejecting what stands in its way (a meeting of either participant in that
slot, one meeting of a full slot, a meeting on the wrong side of a precedence), and the
ejected meetings go back in the queue: an ejection chain, the general form of the
alternating-path (Kempe-chain) recolouring of edge colouring, with capacities. Before it
ejects, it tries to move each blocking meeting to a slot free for both of its participants
(one step of an alternating path), which resolves most conflicts without a chain.

Interpreters are one more resource per slot: a meeting that needs one takes a free
interpreter able to serve it, or ejects the meeting holding one.

A tabu list (meeting, slot) keeps a chain from undoing its last steps, and ties are broken
at random. The search proves nothing: when it stops short the caller still has CP-SAT,
which can also prove that not every meeting fits.
"""

from __future__ import annotations

import random
import time
from collections import deque

from twinning.scheduling.problem import Index, Problem, precedence_lists, resources

# Iterations a (meeting, slot) stays forbidden after the meeting was ejected from the slot.
TABU = 12


class Placement:
    def __init__(
        self,
        problem: Problem,
        index: Index,
        domains: list[list[int]],
        seed: int = 0,
    ) -> None:
        self.problem = problem
        self.domains = domains
        self.rng = random.Random(seed)  # noqa: S311 - diversifies the search, nothing secret
        day = resources(problem, index, domains)
        self.people, self.counted, self.capacity = day.people, day.counted, day.capacity
        self.before, self.later = precedence_lists(problem, index)
        # Per meeting needing one, the interpreters able to serve it, by slot.
        self.able = day.able
        self.serving = [[-1] * problem.slots for _ in problem.interpreters]
        self.interpreter_of: dict[int, int] = {}
        self.at = [[-1] * problem.slots for _ in problem.participants]
        self.in_slot: list[set[int]] = [set() for _ in range(problem.slots)]
        self.used = [0] * problem.slots
        self.slot_of: dict[int, int] = {}
        self.tabu: dict[tuple[int, int], int] = {}
        self.step = 0

    # -- state -------------------------------------------------------------------------
    def _put(self, m: int, t: int) -> None:
        for p in self.people[m]:
            self.at[p][t] = m
        if self.able[m]:
            i = next(i for i in self.able[m][t] if self.serving[i][t] < 0)
            self.serving[i][t] = m
            self.interpreter_of[m] = i
        if self.counted[m]:
            self.in_slot[t].add(m)
            self.used[t] += 1
        self.slot_of[m] = t

    def _take(self, m: int) -> None:
        t = self.slot_of.pop(m)
        for p in self.people[m]:
            self.at[p][t] = -1
        if m in self.interpreter_of:
            self.serving[self.interpreter_of.pop(m)][t] = -1
        if self.counted[m]:
            self.in_slot[t].discard(m)
            self.used[t] -= 1
        self.tabu[m, t] = self.step + TABU

    def _order_ok(self, m: int, t: int) -> bool:
        return all(self.slot_of.get(a, -1) < t for a in self.before[m]) and all(
            self.slot_of.get(k, self.problem.slots) > t for k in self.later[m]
        )

    def _free(self, m: int, t: int) -> bool:
        """Whether ``m`` fits in ``t`` without moving anything."""
        if any(self.at[p][t] >= 0 for p in self.people[m]):
            return False
        if self.counted[m] and self.used[t] >= self.capacity:
            return False
        if self.able[m] and all(self.serving[i][t] >= 0 for i in self.able[m][t]):
            return False
        return self._order_ok(m, t)

    def _blocking(self, m: int, t: int) -> set[int] | None:
        """What must leave ``t`` (or its precedences) for ``m`` to take it; None if a fixed
        meeting stands in the way."""
        blocking = {self.at[p][t] for p in self.people[m]} - {-1}
        blocking |= {a for a in self.before[m] if self.slot_of.get(a, -1) >= t}
        blocking |= {k for k in self.later[m] if self.slot_of.get(k, self.problem.slots) <= t}
        if any(len(self.domains[k]) == 1 for k in blocking):
            return None
        if (
            self.counted[m]
            and self.used[t] - sum(self.counted[k] and self.slot_of[k] == t for k in blocking)
            >= self.capacity
        ):
            movable = [k for k in self.in_slot[t] if k not in blocking and len(self.domains[k]) > 1]
            if not movable:
                return None
            blocking.add(self._cheapest(movable, t))
        if self.able[m]:
            serving = [self.serving[i][t] for i in self.able[m][t]]
            if not serving:
                return None
            if all(k >= 0 and k not in blocking for k in serving):
                movable = [k for k in serving if len(self.domains[k]) > 1]
                if not movable:
                    return None
                blocking.add(self._cheapest(movable, t))
        return blocking

    def _cheapest(self, candidates: list[int], t: int) -> int:
        """Of the meetings in a full slot, one that can move to another free slot, else any."""
        sample = self.rng.sample(candidates, min(8, len(candidates)))
        for k in sample:
            if any(s != t and self._free(k, s) for s in self.domains[k]):
                return k
        return sample[0]

    def _relocate(self, k: int) -> bool:
        """Move ``k`` to a slot free for it, if there is one."""
        here = self.slot_of[k]
        options = [s for s in self.domains[k] if s != here and self._free_without(k, s)]
        if not options:
            return False
        self._take(k)
        self._put(k, self.rng.choice(options))
        return True

    def _free_without(self, k: int, s: int) -> bool:
        """``_free`` for a meeting that is placed elsewhere (its own slot does not count)."""
        if any(self.at[p][s] >= 0 for p in self.people[k]):
            return False
        if self.counted[k] and self.used[s] >= self.capacity:
            return False
        if self.able[k] and all(self.serving[i][s] >= 0 for i in self.able[k][s]):
            return False
        here = self.slot_of[k]
        del self.slot_of[k]
        ok = self._order_ok(k, s)
        self.slot_of[k] = here
        return ok

    # -- search ------------------------------------------------------------------------
    def run(
        self, deadline: float, start: dict[int, int] | None = None
    ) -> tuple[dict[int, int], dict[int, int]]:
        """Place as many meetings as possible by ``deadline``, every one if it can: meeting
        -> slot, and meeting -> interpreter for those that need one."""
        for m, t in sorted((start or {}).items()):
            if t in self.domains[m] and self._free(m, t):
                self._put(m, t)
        pending = [m for m in range(len(self.domains)) if m not in self.slot_of and self.domains[m]]
        pending.sort(key=lambda m: (len(self.domains[m]), self.rng.random()))
        queue = deque(pending)
        best = (dict(self.slot_of), dict(self.interpreter_of))
        while queue:
            self.step += 1
            if self.step % 256 == 0 and time.perf_counter() > deadline:
                break
            m = queue.popleft()
            if m in self.slot_of:
                continue
            free = [t for t in self.domains[m] if self._free(m, t)]
            if free:
                self._put(m, self.rng.choice(free))
            else:
                queue.extend(self._eject_into(m))
            if len(self.slot_of) > len(best[0]):
                best = (dict(self.slot_of), dict(self.interpreter_of))
        return best

    def _eject_into(self, m: int) -> list[int]:
        """Put ``m`` in the slot that costs the fewest ejections; answers the ejected."""
        choices: list[tuple[float, int, set[int]]] = []
        for t in self.domains[m]:
            if self.tabu.get((m, t), 0) > self.step:
                continue
            blocking = self._blocking(m, t)
            if blocking is None:
                continue
            choices.append((len(blocking) + self.rng.random(), t, blocking))
        if not choices:
            return [m]
        choices.sort(key=lambda choice: choice[0])
        _, t, blocking = choices[0] if self.rng.random() > 0.05 else self.rng.choice(choices)
        ejected = []
        for k in sorted(blocking):
            if not self._relocate(k):
                self._take(k)
                ejected.append(k)
        if self._free(m, t):
            self._put(m, t)
        else:  # a relocation took the room back; try again later
            ejected.append(m)
        return ejected


def place_all(
    problem: Problem,
    index: Index,
    domains: list[list[int]],
    deadline: float,
    *,
    seed: int = 0,
    start: dict[int, int] | None = None,
) -> tuple[dict[int, int], dict[int, int]]:
    """Meeting index -> slot for as many meetings as the search places by ``deadline``, and
    meeting index -> interpreter index for those of them that need one."""
    return Placement(problem, index, domains, seed).run(deadline, start)
