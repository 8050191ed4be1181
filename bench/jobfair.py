"""Job-fair allocation against first-come booking, on the same generated fairs.

    python bench/jobfair.py                  # three mid-size fairs + the 2,000-student fair
    python bench/jobfair.py --sizes 300x25x2x12 --seeds 3

A generated fair: employer popularity follows a Zipf-like law (a few employers are wanted by
everyone, as at real career fairs); each student ranks 3-8 employers; each employer shortlists
about half of those who ranked it (the rest become alternates); 5% of students are unavailable
for a quarter of the day. A wish is worth the same to both procedures: first-come books a
student's wishes best first. The first-come order is random (who clicks first when booking opens).

Printed per fair: students who asked and got no interview, top-3 wishes met, interviews, seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from twinning.scheduling import jobfair as jf


def weight(rank: int, shortlisted: bool, alternate: bool) -> int:
    """The same fold of both sides' preferences as the app's adapter uses."""
    from_student = max(1, 9 - rank) * 2
    return from_student + (8 if shortlisted else 3 if alternate else 0)


def generate(
    students: int, employers: int, interviewers: int, slots: int, seed: int
) -> tuple[jf.FairProblem, dict[str, list[str]]]:
    rng = random.Random(seed)
    booths = tuple(jf.Booth(id=f"b{n}", interviewers=interviewers) for n in range(employers))
    popularity = [1 / (n + 1) ** 0.8 for n in range(employers)]
    wishes: list[jf.Wish] = []
    ranked: dict[str, list[str]] = {}
    people = []
    asked_by: dict[str, list[str]] = {b.id: [] for b in booths}
    for n in range(students):
        sid = f"s{n}"
        busy = frozenset(range(slots // 4)) if rng.random() < 0.05 else frozenset()
        people.append(jf.Student(id=sid, unavailable=busy))
        chosen: list[str] = []
        while len(chosen) < rng.randint(3, 8):
            booth = rng.choices(booths, weights=popularity)[0].id
            if booth not in chosen:
                chosen.append(booth)
        ranked[sid] = chosen
        for booth in chosen:
            asked_by[booth].append(sid)
    shortlisted: set[tuple[str, str]] = set()
    for booth, asking in asked_by.items():
        for sid in rng.sample(asking, len(asking) // 2):
            shortlisted.add((sid, booth))
    for sid, chosen in ranked.items():
        for rank, booth in enumerate(chosen, start=1):
            short = (sid, booth) in shortlisted
            wishes.append(jf.Wish(sid, booth, weight(rank, short, not short)))
    problem = jf.FairProblem(
        slots=slots,
        booths=booths,
        students=tuple(people),
        wishes=tuple(wishes),
        max_per_student=4,
        name=f"{students}x{employers}x{interviewers}x{slots}-{seed}",
    )
    return problem, ranked


def figures(
    problem: jf.FairProblem, ranked: dict[str, list[str]], interviews: list[jf.Interview]
) -> dict[str, int]:
    got = {(i.student, i.booth) for i in interviews}
    having = {i.student for i in interviews}
    top3 = sum(1 for s, chosen in ranked.items() for b in chosen[:3] if (s, b) in got)
    wanted3 = sum(min(3, len(chosen)) for chosen in ranked.values())
    return {
        "none": len(set(ranked) - having),
        "top3": top3,
        "top3_of": wanted3,
        "interviews": len(interviews),
    }


def run(size: str, seed: int, time_limit: float) -> None:
    students, employers, interviewers, slots = (int(x) for x in size.split("x"))
    problem, ranked = generate(students, employers, interviewers, slots, seed)
    order = list(ranked)
    random.Random(seed + 1000).shuffle(order)
    started = time.monotonic()
    booked = jf.first_come(problem, order)
    fc_seconds = time.monotonic() - started
    result = jf.allocate(problem, time_limit=time_limit, workers=2, seed=seed)
    assert not jf.check(problem, result.interviews), jf.check(problem, result.interviews)
    assert not jf.check(problem, booked)
    fc, opt = figures(problem, ranked, booked), figures(problem, ranked, result.interviews)
    print(
        f"{problem.name:<22} wishes {len(problem.wishes):>6}  "
        f"first-come: none {fc['none']:>4}, top-3 {fc['top3']:>5}/{fc['top3_of']}, "
        f"interviews {fc['interviews']:>5} ({fc_seconds:.2f} s)  |  "
        f"optimiser: none {opt['none']:>4}, top-3 {opt['top3']:>5}/{opt['top3_of']}, "
        f"interviews {opt['interviews']:>5}, {result.seconds:.1f} s, {result.status}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        nargs="*",
        default=["300x25x2x12", "600x40x2x16", "1000x50x3x16", "2000x80x3x16"],
        help="students x employers x interviewers x slots",
    )
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    for size in args.sizes:
        for seed in range(args.seeds):
            run(size, seed, args.time_limit)


if __name__ == "__main__":
    main()
