"""Generated brokerage days that look like real ones, built from a hidden complete schedule.

    python bench/scheduling_days.py FAMILY SIZE SEED [--time-limit 60] [--workers 2]
    python bench/scheduling_days.py --instance bench/days/demo-day.json

solves one generated day (or a day from an instance file) in the events' mode (every meeting
wanted, only locked ones mandatory) and prints one JSON line of figures: placed / total,
breaks, bound, gap, seconds.
``bench/scheduling.py`` runs it once with this tree and once with another tree (``--baseline``)
on the same day, so the two solvers meet the same load.

Every day is drawn slot by slot: in each slot a set of pairs meets, no participant twice, at
most the tables. That drawing is the hidden schedule, so every meeting of the day *can* be
placed, and whatever the attributes below add is made to agree with it:

- **popularity**: participants' weights follow a power law (Pareto, shape 1.2); the few
  heaviest are hubs who meet somebody in every slot they are present (a full day);
- **sectors**: six sectors; a partner is drawn from one's own sector two times in three;
- **unavailable slots**: 5% of participants miss one to three slots where they are idle;
- **session wishes**: 10% of meetings ask for the half of the day their hidden slot is in;
- **fixed and locked**: 2% of meetings are fixed to their hidden slot, 1% locked there by an
  earlier run (a ``PreviousAssignment`` with ``locked``);
- **precedences**: 1% of meetings follow another meeting of one of their participants that
  the hidden schedule holds earlier.

The ``uniform`` family has flat popularity and none of the attributes: the even day the
benchmark used to generate, kept as one case among the others.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

if __name__ == "__main__":  # the solver of this tree, or of the one SCHEDULING_SRC names
    sys.path.insert(
        1, os.environ.get("SCHEDULING_SRC", str(Path(__file__).resolve().parents[1] / "src"))
    )

from twinning.scheduling import (
    Meeting,
    Participant,
    PreviousAssignment,
    Problem,
    Session,
    numbered_tables,
)

FAMILIES = ("uniform", "skewed", "tight")
# meetings -> (participants, slots)
SIZES = {500: (150, 16), 1000: (300, 20), 2000: (700, 24), 5000: (2000, 24)}


@dataclass(frozen=True)
class Day:
    problem: Problem
    previous: tuple[PreviousAssignment, ...]
    # The hidden complete schedule: meeting id -> slot.
    hidden: dict[str, int]


def generated_day(family: str, meetings: int, seed: int) -> Day:
    """A day of ``meetings`` meetings of one of ``FAMILIES``, seeded."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; one of {', '.join(FAMILIES)}")
    people, slots = SIZES.get(meetings, (max(20, meetings * 3 // 10), 20))
    rng = random.Random(f"{family}-{meetings}-{seed}")
    fill = 0.97 if family == "tight" else 0.85
    tables = math.ceil(meetings / slots / fill)
    skewed = family != "uniform"
    weight = [rng.paretovariate(1.2) if skewed else 1.0 for _ in range(people)]
    sector = [rng.randrange(6) for _ in range(people)]
    hubs = set(sorted(range(people), key=lambda p: -weight[p])[: max(1, people // 50)])
    if not skewed:
        hubs = set()
    # Nobody but a hub meets in more than two slots of three.
    cap = [slots if p in hubs else max(2, 2 * slots // 3) for p in range(people)]
    load = [0] * people
    pairs: set[tuple[int, int]] = set()
    drawn: list[tuple[int, int, int]] = []  # (a, b, slot)
    per_slot = [meetings // slots + (1 if t < meetings % slots else 0) for t in range(slots)]
    by_sector = [[p for p in range(people) if sector[p] == s] for s in range(6)]
    for t in range(slots):
        busy: set[int] = set()

        def partner(a: int, busy: set[int] = busy) -> int | None:
            for _ in range(60):
                pool = by_sector[sector[a]] if skewed and rng.random() < 2 / 3 else None
                if pool:
                    b = rng.choices(pool, weights=[weight[q] for q in pool])[0]
                else:
                    b = rng.choices(range(people), weights=weight)[0]
                key = (min(a, b), max(a, b))
                if b != a and b not in busy and load[b] < cap[b] and key not in pairs:
                    return b
            return None

        def meet(a: int, b: int, busy: set[int] = busy, t: int = t) -> None:
            pairs.add((min(a, b), max(a, b)))
            busy.update((a, b))
            load[a] += 1
            load[b] += 1
            drawn.append((a, b, t))

        placed = 0
        for hub in sorted(hubs):
            if placed < per_slot[t] and hub not in busy and (b := partner(hub)) is not None:
                meet(hub, b)
                placed += 1
        for _ in range(40 * per_slot[t]):
            if placed >= per_slot[t]:
                break
            a = rng.choices(range(people), weights=weight)[0]
            if a in busy or load[a] >= cap[a] or (b := partner(a)) is None:
                continue
            meet(a, b)
            placed += 1
    rng.shuffle(drawn)
    busy_at = [set() for _ in range(people)]
    for a, b, t in drawn:
        busy_at[a].add(t)
        busy_at[b].add(t)
    hidden = {f"m{n}": t for n, (_, _, t) in enumerate(drawn)}
    morning = slots // 2
    result = Problem(
        name=f"{family}-{meetings}-s{seed}",
        slots=slots,
        morning_slots=morning,
        tables=numbered_tables(tables),
        participants=tuple(
            Participant(f"p{p}", _absences(rng, skewed, slots, busy_at[p], p in hubs))
            for p in range(people)
        ),
        meetings=tuple(
            Meeting(id=f"m{n}", participants=(f"p{a}", f"p{b}"))
            for n, (a, b, _) in enumerate(drawn)
        ),
    )
    if not skewed:
        return Day(result, (), hidden)
    return _attributes(rng, result, drawn, hidden, morning)


def _absences(
    rng: random.Random, skewed: bool, slots: int, busy: set[int], hub: bool
) -> frozenset[int]:
    idle = [t for t in range(slots) if t not in busy]
    if not skewed or not idle or rng.random() >= 0.05:
        return frozenset()
    if hub:  # a hub is absent exactly where the hidden day has them idle
        return frozenset(idle)
    return frozenset(rng.sample(idle, min(len(idle), rng.randint(1, 3))))


def _attributes(
    rng: random.Random,
    problem: Problem,
    drawn: list[tuple[int, int, int]],
    hidden: dict[str, int],
    morning: int,
) -> Day:
    meetings = list(problem.meetings)
    previous: list[PreviousAssignment] = []
    of_person: dict[int, list[int]] = {}
    for n, (a, b, _) in enumerate(drawn):
        of_person.setdefault(a, []).append(n)
        of_person.setdefault(b, []).append(n)
    for n, meeting in enumerate(meetings):
        slot = drawn[n][2]
        roll = rng.random()
        if roll < 0.10:
            session = Session.MORNING if slot < morning else Session.AFTERNOON
            meeting = replace(meeting, session=session)
        elif roll < 0.12:
            meeting = replace(meeting, fixed_slot=slot)
        elif roll < 0.13:
            previous.append(PreviousAssignment(meeting.id, slot, locked=True))
        elif roll < 0.14:
            mine = of_person[drawn[n][rng.randrange(2)]]
            earlier = [o for o in mine if drawn[o][2] < slot]
            if earlier:
                meeting = replace(meeting, after=(f"m{rng.choice(earlier)}",))
        meetings[n] = meeting
    return Day(replace(problem, meetings=tuple(meetings)), tuple(previous), hidden)


def figures(day: Day, *, time_limit: float, workers: int, seed: int = 0) -> dict[str, object]:
    """Solve ``day`` in the events' mode and check the answer independently."""
    from twinning.scheduling import check, solve

    result = solve(
        day.problem, time_limit=time_limit, workers=workers, previous=list(day.previous), seed=seed
    )
    violations = check(day.problem, result.assignments) if result.assignments else []
    return {
        "day": day.problem.name,
        "status": result.status.value,
        "placed": len(result.assignments),
        "total": len(day.problem.meetings),
        "breaks": result.breaks,
        "bound": result.bound,
        "gap": result.gap,
        "seconds": round(result.seconds, 1),
        "valid": not violations,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("family", nargs="?", choices=FAMILIES)
    parser.add_argument("size", nargs="?", type=int)
    parser.add_argument("seed", nargs="?", type=int)
    parser.add_argument("--instance", type=Path, help="a day in the instance format instead")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.instance is not None:
        from twinning.scheduling.instance import load_problem

        day = Day(load_problem(args.instance.read_text(encoding="utf-8")), (), {})
    elif None in (args.family, args.size, args.seed):
        parser.error("give FAMILY SIZE SEED, or --instance FILE")
    else:
        day = generated_day(args.family, args.size, args.seed)
    print(json.dumps(figures(day, time_limit=args.time_limit, workers=args.workers)))


if __name__ == "__main__":
    main()
