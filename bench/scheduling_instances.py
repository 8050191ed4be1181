"""Instances for the scheduler benchmark: the published B2B set and a generated large day."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, replace
from pathlib import Path

from twinning.scheduling import Meeting, Participant, Problem, Session, numbered_tables
from twinning.scheduling.dzn import problem_from_dzn

B2B = Path(__file__).resolve().parent / "b2b"
BASES = [
    "forum-13",
    "forum-13crafb",
    "forum-13crafc",
    "forum-14",
    "forumt-14",
    "forumt-14crafc",
    "forumt-14crafd",
    "forumt-14crafe",
    "tic-12",
    "tic-12crafc",
    "tic-13",
    "tic-13crafb",
    "tic-13crafc",
    "tic-14crafa",
    "tic-14crafc",
    "tic-14crafd",
    "ticf-13crafa",
    "ticf-13crafb",
    "ticf-13crafc",
    "ticf-14crafa",
]


@dataclass(frozen=True)
class Published:
    """The MaxSAT result of Bofill et al.: a proven optimum, or None if infeasible."""

    optimum: int | None
    seconds: float | None


def published(d: int = 2) -> dict[str, Published]:
    """Per instance, the published result at fairness ``d`` (2 for every variant; 0, 1 and 3
    for the originals)."""
    results = {}
    with (B2B / "published_results_JAIR2022.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["fairness_d"] != str(d):
                continue
            value = row["maxsat_obj"]
            optimum = int(value) if value.isdigit() else None
            seconds = float(row["maxsat_time"]) if row["maxsat_time"] else None
            results[row["file"].removesuffix(".dzn")] = Published(optimum, seconds)
    return results


def benchmark(name: str, d: int = 2, *, require_all: bool = True) -> Problem:
    """A published instance at fairness ``d``; ``require_all=False`` is the events' mode
    (every meeting wanted, none but the fixed ones mandatory)."""
    text = (B2B / "instances" / f"{name}.dzn").read_text(encoding="utf-8")
    problem = problem_from_dzn(text, name=name, max_break_spread=d)
    return replace(problem, require_all=require_all)


def large_day(
    *,
    seed: int = 2026,
    participants: int = 1000,
    meetings: int = 5000,
    slots: int = 24,
    tables: int = 250,
) -> Problem:
    """A big brokerage day: skewed demand (some very popular participants), a morning and an
    afternoon, a few absences, some session wishes. Every meeting is required."""
    rng = random.Random(seed)
    people = [f"p{n}" for n in range(participants)]
    popularity = [rng.paretovariate(2.0) for _ in people]
    load = dict.fromkeys(people, 0)
    cap = slots - 10  # nobody has more than 14 meetings in a 24-slot day
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < meetings:
        a, b = rng.choices(people, weights=popularity, k=2)
        pair = (min(a, b), max(a, b))
        if a == b or pair in pairs or load[a] >= cap or load[b] >= cap:
            continue
        pairs.add(pair)
        load[a] += 1
        load[b] += 1
    morning = slots // 2
    sessions = [Session.ANY] * 18 + [Session.MORNING, Session.AFTERNOON]
    return Problem(
        name=f"large-day-{seed}",
        slots=slots,
        morning_slots=morning,
        tables=numbered_tables(tables),
        participants=tuple(
            Participant(
                p, frozenset(rng.sample(range(slots), 1)) if rng.random() < 0.05 else frozenset()
            )
            for p in people
        ),
        meetings=tuple(
            Meeting(id=f"m{n}", participants=pair, session=rng.choice(sessions))
            for n, pair in enumerate(sorted(pairs))
        ),
        # Fairness off: at this size it is the organiser's call, and the benchmark
        # measures placement plus break minimisation.
        max_break_spread=None,
        require_all=True,
    )
