"""Fewer breaks on a large day: simulated annealing over Kempe chains.

A complete schedule of a day is an edge colouring (participants are vertices, meetings
edges, slots colours). Take a meeting in slot ``s`` and a slot ``t``: the meetings in
``s`` or ``t`` that are linked to it through shared participants form a path or a cycle,
alternating between the two slots (each participant has at most one meeting per slot).
Swapping the two slots along it keeps every participant in at most one meeting per slot,
so the move never needs repair: a Kempe-chain move, the classic neighbourhood of
timetabling. Inside the chain each participant is busy in both slots before and after;
only its two ends change, one slot each, so a move is priced by the breaks of at most two
participants, and tens of thousands of moves are tried a second.

What else a move must keep is checked on the chain: every meeting's allowed slots (fixed
and locked meetings, unavailability, sessions), the tables per slot, the interpreters
(each moved meeting needing one takes a free interpreter able to serve it in its new
slot), precedences (hosted tables need nothing: a host is in one meeting per slot, which
every chain keeps), and the fairness limit (as a penalty that the annealing drives to
zero, and the best schedule kept is always a fair one when the start was).

Moves that add breaks are taken with probability ``exp(-delta / temperature)``, the
temperature falling geometrically over the time given, so the search can leave the local
minima where a steepest descent stops. The best schedule seen is returned.
"""

from __future__ import annotations

import math
import random
import time

from twinning.scheduling.problem import Index, Problem, precedence_lists, resources

# Meetings a chain may hold; longer ones are rarely worth their time.
CHAIN_LIMIT = 24
# Moves between two hand-overs of the interpreter lock to the bound's thread: without them
# the relaxation beside the search took 15.2 s where it takes 0.2 s alone (3.5 s with a
# hand-over every 32 moves, 1.5 s every 8, which cost 14% of the moves).
YIELD_EVERY = 16
# Temperature at the start and at the end of the time given, in breaks.
HOT = 1.2
COLD = 0.05
# Weight of each break of spread above the fairness limit.
UNFAIR = 4
# Weight of each idle slot inside a participant's day: breaks count a gap of any length
# once, so without it the search would walk a flat landscape; a short gap is closer to
# closing than a long one.
IDLE = 0.1


def breaks_of(mask: int) -> int:
    """Breaks of a participant busy in the slots of ``mask``: runs of busy slots, less one."""
    runs = (mask & ~(mask << 1)).bit_count()
    return runs - 1 if runs else 0


def idle_of(mask: int) -> int:
    """Idle slots between a participant's first and last meeting."""
    if not mask:
        return 0
    return mask.bit_length() - (mask & -mask).bit_length() + 1 - mask.bit_count()


class Annealer:
    def __init__(
        self,
        problem: Problem,
        index: Index,
        domains: list[list[int]],
        slot_of: dict[int, int],
        interpreter_of: dict[int, int],
        seed: int = 0,
    ) -> None:
        self.problem = problem
        self.rng = random.Random(seed)  # noqa: S311 - diversifies the search, nothing secret
        self.allowed = [set(slots) for slots in domains]
        self.movable = [m for m, slots in enumerate(domains) if len(slots) > 1 and m in slot_of]
        self.meetings_of = index.meetings_of
        # A meeting at a hosted table takes none of the shared tables: its host is in one
        # meeting per slot, which every chain keeps.
        day = resources(problem, index, domains)
        self.people, self.counted, self.capacity = day.people, day.counted, day.capacity
        self.able = day.able
        self.before, self.later = precedence_lists(problem, index)
        self.ordered = [bool(a or k) for a, k in zip(self.before, self.later, strict=True)]
        slots = problem.slots
        self.slot_of = [-1] * len(problem.meetings)
        self.at = [[-1] * slots for _ in problem.participants]
        self.mask = [0] * len(problem.participants)
        self.used = [0] * slots
        self.serving = [[-1] * slots for _ in problem.interpreters]
        self.interpreter_of = dict(interpreter_of)
        for m, t in slot_of.items():
            self.slot_of[m] = t
            self.used[t] += self.counted[m]
            for p in self.people[m]:
                self.at[p][t] = m
                self.mask[p] |= 1 << t
        for m, i in interpreter_of.items():
            self.serving[i][slot_of[m]] = m
        self.breaks = [breaks_of(mask) for mask in self.mask]
        self.total = sum(self.breaks)
        self.idle = sum(idle_of(mask) for mask in self.mask)
        self.spread = problem.max_break_spread
        # How many participants have each break count, for the fairness spread.
        self.histogram = [0] * (slots + 1)
        for b in self.breaks:
            self.histogram[b] += 1

    # -- fairness ----------------------------------------------------------------------
    def _excess(self) -> int:
        if self.spread is None:
            return 0
        counts = [b for b, n in enumerate(self.histogram) if n]
        if not counts:
            return 0
        return max(0, counts[-1] - counts[0] - self.spread)

    # -- the move ----------------------------------------------------------------------
    def _chain(self, m: int, t: int) -> list[int] | None:
        """The meetings of the Kempe chain of ``m`` between its slot and ``t``."""
        s = self.slot_of[m]
        chain = [m]
        seen = {m}
        n = 0
        while n < len(chain):
            k = chain[n]
            n += 1
            other = t if self.slot_of[k] == s else s
            if other not in self.allowed[k]:
                return None
            for p in self.people[k]:
                j = self.at[p][other]
                if j >= 0 and j not in seen:
                    seen.add(j)
                    chain.append(j)
                    if len(chain) > CHAIN_LIMIT:
                        return None
        return chain

    def _swap(self, chain: list[int], s: int, t: int) -> None:
        """Swap slots ``s`` and ``t`` along ``chain`` (meetings, participants, tables)."""
        for k in chain:
            here = self.slot_of[k]
            for p in self.people[k]:
                if self.at[p][here] == k:
                    self.at[p][here] = -1
        for k in chain:
            there = t if self.slot_of[k] == s else s
            self.used[self.slot_of[k]] -= self.counted[k]
            self.used[there] += self.counted[k]
            self.slot_of[k] = there
            for p in self.people[k]:
                self.at[p][there] = k

    def _interpreters_follow(self, chain: list[int], s: int, t: int) -> dict[int, int] | None:
        """After the swap: for each moved meeting needing one, an interpreter free in its
        new slot (the moved ones' old interpreters released first); None if one has none."""
        needing = [k for k in chain if self.able[k]]
        if not needing:
            return {}
        old = {k: self.interpreter_of[k] for k in needing}
        for k in needing:
            self.serving[old[k]][s if self.slot_of[k] == t else t] = -1
        new: dict[int, int] = {}
        for k in needing:
            here = self.slot_of[k]
            keep = old[k]
            if keep in self.able[k][here] and self.serving[keep][here] < 0:
                choice = keep
            else:
                free = [i for i in self.able[k][here] if self.serving[i][here] < 0]
                if not free:
                    for j, i in new.items():
                        self.serving[i][self.slot_of[j]] = -1
                    for j, i in old.items():
                        self.serving[i][s if self.slot_of[j] == t else t] = j
                    return None
                choice = free[0]
            self.serving[choice][here] = k
            new[k] = choice
        return new

    def _order_kept(self, chain: list[int]) -> bool:
        slot_of = self.slot_of
        for k in chain:
            if not self.ordered[k]:
                continue
            here = slot_of[k]
            if any(slot_of[a] >= here for a in self.before[k] if slot_of[a] >= 0):
                return False
            if any(0 <= slot_of[j] <= here for j in self.later[k]):
                return False
        return True

    def _restore_interpreters(self, new: dict[int, int], s: int, t: int) -> None:
        """Undo ``_interpreters_follow`` after the chain has been swapped back."""
        for k, i in new.items():
            self.serving[i][s if self.slot_of[k] == t else t] = -1
        for k in new:
            self.serving[self.interpreter_of[k]][self.slot_of[k]] = k

    def try_move(self, m: int, t: int, temperature: float) -> bool:
        """Swap slots along ``m``'s chain to ``t`` if the rules allow it and the annealing
        takes it. The move is priced before anything changes (only the chain's two ends
        change days); only a move taken is carried out, and undone if an interpreter or a
        precedence refuses it."""
        s = self.slot_of[m]
        chain = self._chain(m, t)
        if chain is None:
            return False
        delta_t = sum((1 if self.slot_of[k] == s else -1) for k in chain if self.counted[k])
        if self.used[t] + delta_t > self.capacity or self.used[s] - delta_t > self.capacity:
            return False
        ends: dict[int, int] = {}
        for k in chain:
            for p in self.people[k]:
                ends[p] = ends.get(p, 0) + 1
        flip = (1 << s) | (1 << t)
        changed = [(p, self.mask[p] ^ flip) for p, n in ends.items() if n == 1]
        after = [breaks_of(mask) for _, mask in changed]
        delta = float(sum(b - self.breaks[p] for (p, _), b in zip(changed, after, strict=True)))
        delta += IDLE * sum(idle_of(mask) - idle_of(self.mask[p]) for p, mask in changed)
        moves = [(self.breaks[p], b) for (p, _), b in zip(changed, after, strict=True)]
        if self.spread is not None:
            before = self._excess()
            self._recount(moves)
            delta += UNFAIR * (self._excess() - before)
            self._recount([(now, was) for was, now in moves])
        if delta > 0 and self.rng.random() >= math.exp(-delta / temperature):
            return False
        self._swap(chain, s, t)
        new = self._interpreters_follow(chain, s, t)
        if new is None or not self._order_kept(chain):
            self._swap(chain, s, t)
            if new:
                self._restore_interpreters(new, s, t)
            return False
        self.interpreter_of.update(new)
        self._recount(moves)
        for (p, mask), b in zip(changed, after, strict=True):
            self.idle += idle_of(mask) - idle_of(self.mask[p])
            self.total += b - self.breaks[p]
            self.mask[p] = mask
            self.breaks[p] = b
        return True

    def _recount(self, moves: list[tuple[int, int]]) -> None:
        """Move participants in the histogram of break counts: (from, to) pairs."""
        for was, now in moves:
            self.histogram[was] -= 1
            self.histogram[now] += 1

    # -- the search --------------------------------------------------------------------
    def _pick(self) -> tuple[int, int] | None:
        """A meeting and a slot to move it to: mostly a meeting of someone with breaks, to
        a slot next to or inside their day."""
        rng = self.rng
        if rng.random() < 0.85:
            p = rng.randrange(len(self.mask))
            for _ in range(4):
                if self.breaks[p]:
                    break
                p = rng.randrange(len(self.mask))
            mine = [
                m for m in self.meetings_of[p] if len(self.allowed[m]) > 1 and self.slot_of[m] >= 0
            ]
            if not mine:
                return None
            m = rng.choice(mine)
            mask = self.mask[p]
            first = (mask & -mask).bit_length() - 1
            last = mask.bit_length() - 1
            t = rng.randint(max(0, first - 1), min(self.problem.slots - 1, last + 1))
        else:
            m = rng.choice(self.movable)
            t = rng.randrange(self.problem.slots)
        if t == self.slot_of[m] or t not in self.allowed[m]:
            return None
        return m, t

    def run(
        self, deadline: float, fair_by: float | None = None
    ) -> tuple[dict[int, int], dict[int, int]] | None:
        """Anneal until ``deadline``: the best schedule seen (meeting -> slot, meeting ->
        interpreter), the fair one with the fewest breaks. None when the fairness limit
        still does not hold at ``fair_by`` (the search then stops)."""
        best_key = self._key()
        best = (self._schedule(), dict(self.interpreter_of))
        if not self.movable or best_key[:2] == (0, 0):
            return best if self._excess() == 0 else None
        started = time.perf_counter()
        span = max(deadline - started, 1e-3)
        temperature = HOT
        step = 0
        fair = self._excess() == 0
        while True:
            step += 1
            if step % YIELD_EVERY == 0:
                # Hand the interpreter lock over: the bound's thread beside the search runs
                # numpy, which gives the lock up and must wait for it back after every call.
                time.sleep(0)
            if step % 512 == 0:
                now = time.perf_counter()
                if now >= deadline or (not fair and fair_by is not None and now >= fair_by):
                    break
                temperature = HOT * (COLD / HOT) ** ((now - started) / span)
            pick = self._pick()
            if pick is None or not self.try_move(*pick, temperature):
                continue
            key = self._key()
            if key < best_key:
                best_key = key
                best = (self._schedule(), dict(self.interpreter_of))
                fair = key[0] == 0
                if key[:2] == (0, 0):
                    break
        return best if fair else None

    def _key(self) -> tuple[int, int, int]:
        """What the best schedule is chosen by: fairness first, then breaks, then idle
        slots."""
        return self._excess(), self.total, self.idle

    def _schedule(self) -> dict[int, int]:
        return {m: t for m, t in enumerate(self.slot_of) if t >= 0}
