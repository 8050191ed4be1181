"""Benchmark the meeting scheduler against the published B2B optima and a greedy baseline.

    python bench/scheduling.py [--time-limit 60] [--workers 2] [--repeat N]
                               [--set originals,variants,fairness,generated]
                               [--mode events|require_all] [--baseline SRC] [--seeds N]

In the events' mode (the default: every meeting wanted, only fixed ones mandatory, as an
event runs it) or with ``require_all`` (the paper's semantics), it prints per instance the
optimiser's breaks, bound, gap and seconds, the published MaxSAT result (Bofill et al.,
JAIR 2022; "infeasible" where the paper proves that no schedule of every meeting exists),
and the greedy baseline run in the same process:

- ``originals``: the 20 originals at d = 2;
- ``variants``: the six variant families (forb0003, forb0007, fixed020-Forb, fixed040-Forb,
  prec15, prec25) at d = 2;
- ``fairness``: the originals at d = 0, 1 and 3;
- ``generated``: the generated days of ``scheduling_days.py`` (families uniform, skewed and
  tight; 500, 1,000, 2,000 and 5,000 meetings; ``--seeds`` seeds), each solved in a
  process of its own by this tree and, with ``--baseline SRC``, by the solver in the
  source directory SRC, one after the other on the same day; then the demo's brokerage day
  (``days/demo-day.json``) the same way.

In the events' mode "proven match" means: for a published optimum, every meeting placed,
status optimal, the same breaks; for a published "infeasible", the proof that not every
meeting fits (``all_fit`` false). Rows are Markdown, ready for docs/scheduler.md. Two CP-SAT
workers share what they learn in whatever order the clock gives, so runs of the same code
differ: ``--repeat N`` solves each instance N times (seeds 0, 1, ...) and prints every run's
breaks and bound, how many runs proved the answer, the median seconds and their range, and
each run's totals.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent / "src"))

from scheduling_days import FAMILIES, SIZES  # noqa: E402
from scheduling_instances import BASES, Published, benchmark, published  # noqa: E402
from twinning.scheduling import Problem, Result, Status, breaks_of, check, solve  # noqa: E402
from twinning.scheduling.greedy import greedy_slots  # noqa: E402
from twinning.scheduling.problem import Assignment, Index, allowed_slots  # noqa: E402
from twinning.scheduling.tables import assign_tables  # noqa: E402

VARIANTS = ("forb0003", "forb0007", "fixed020-Forb", "fixed040-Forb", "prec15", "prec25")


@dataclass
class Greedy:
    breaks: int
    complete: bool
    fair: bool
    seconds: float

    def cell(self) -> str:
        notes = [] if self.complete else ["incomplete"]
        if not self.fair:
            notes.append("unfair")
        return f"{self.breaks}" + (f" ({', '.join(notes)})" if notes else "")


def run_greedy(problem: Problem) -> Greedy:
    started = time.perf_counter()
    index = Index.of(problem)
    domains = [allowed_slots(problem, m, index) for m in problem.meetings]
    slot_of, _ = greedy_slots(problem, index, domains)
    tables = assign_tables(problem, slot_of)
    schedule = [
        Assignment(problem.meetings[m].id, t, tables[m]) for m, t in sorted(slot_of.items())
    ]
    seconds = time.perf_counter() - started
    rules = {v.rule for v in check(problem, schedule)}
    return Greedy(
        breaks=sum(breaks_of(problem, schedule).values()),
        complete=len(slot_of) == len(problem.meetings),
        fair="fairness" not in rules,
        seconds=seconds,
    )


def verdict(result: Result, paper: Published | None) -> str:
    if paper is None:
        return ""
    if paper.optimum is None:
        return "yes" if result.status is Status.INFEASIBLE or result.all_fit is False else "no"
    proven = result.status is Status.OPTIMAL and not result.unscheduled
    return "yes" if proven and result.breaks == paper.optimum else "no"


def found(result: Result) -> str:
    if result.status is Status.INFEASIBLE:
        return "infeasible"
    if result.breaks is None:
        return result.status.value
    if result.unscheduled:
        proof = "not all fit" if result.all_fit is False else "left out"
        spread = "" if result.smallest_spread is None else f", fair at d = {result.smallest_spread}"
        return f"{result.breaks} ({len(result.unscheduled)} {proof}{spread})"
    return f"{result.breaks}"


def joined(values: list[str]) -> str:
    return values[0] if len(set(values)) == 1 else " / ".join(values)


def row(
    name: str, problem: Problem, args: argparse.Namespace, paper: Published | None
) -> list[tuple[float, bool]]:
    """Solve one instance ``args.repeat`` times (seeds 0, 1, ...) and print one row: breaks
    and bound of each run, how many runs proved the published answer, median seconds (and the
    range over the runs). Returns each run's seconds and whether it proved the answer."""
    greedy = run_greedy(problem)
    results = []
    for seed in range(args.repeat):
        result = solve(problem, time_limit=args.time_limit, workers=args.workers, seed=seed)
        if result.assignments:
            assert check(problem, result.assignments) == [], name
        results.append(result)
    optimum = "" if paper is None else ("infeasible" if paper.optimum is None else paper.optimum)
    gaps = joined(["" if r.gap is None else f"{100 * r.gap:.0f}%" for r in results])
    bounds = joined(["" if r.bound is None else str(r.bound) for r in results])
    verdicts = [verdict(r, paper) for r in results]
    proven = verdicts[0] if len(results) == 1 else f"{verdicts.count('yes')}/{len(results)}"
    seconds = [r.seconds for r in results]
    spread = "" if len(results) == 1 else f" ({min(seconds):.1f}–{max(seconds):.1f})"
    print(
        f"| {name} | {joined([found(r) for r in results])} | {bounds} | {gaps} | {optimum} "
        f"| {proven} | {statistics.median(seconds):.1f}{spread} | {greedy.cell()} "
        f"| {greedy.seconds:.2f} |",
        flush=True,
    )
    return [(r.seconds, v == "yes") for r, v in zip(results, verdicts, strict=True)]


HEADER = (
    "| instance | breaks | bound | gap | published optimum | proven match | seconds "
    "| greedy breaks | greedy seconds |\n|---|---|---|---|---|---|---|---|---|"
)


def run_set(names: list[str], args: argparse.Namespace, d: int = 2) -> None:
    paper = published(d)
    print(HEADER)
    wanted = args.mode == "require_all"
    rows = [
        row(name, benchmark(name, d, require_all=wanted), args, paper.get(name)) for name in names
    ]
    print()
    for n in range(args.repeat):
        seconds = [runs[n][0] for runs in rows]
        proven = [runs[n][0] for runs in rows if runs[n][1]]
        label = f"run {n + 1} (seed {n}): " if args.repeat > 1 else ""
        print(
            f"{label}total {sum(seconds):.1f} s, median {statistics.median(seconds):.1f} s; "
            f"{len(proven)} of {len(rows)} proven, in {sum(proven):.1f} s"
        )
    print()


def solve_generated(day: list[str], src: Path, args: argparse.Namespace) -> dict:
    """One generated day (``scheduling_days.py``'s arguments: family, size and seed, or an
    instance file) solved in a process of its own by the solver in ``src``."""
    command = [sys.executable, str(HERE / "scheduling_days.py"), *day]
    command += ["--time-limit", str(args.time_limit), "--workers", str(args.workers)]
    env = {**os.environ, "SCHEDULING_SRC": str(src)}
    try:
        done = subprocess.run(  # noqa: S603 - our own script
            command, env=env, capture_output=True, text=True, timeout=3 * args.time_limit + 60
        )
    except subprocess.TimeoutExpired:
        return {"status": "killed", "placed": 0, "seconds": 3 * args.time_limit + 60}
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"status": "crashed", "placed": 0, "seconds": 0}


def cells(figures: dict) -> str:
    if figures.get("status") in ("killed", "crashed"):
        return f"{figures['status']} | | | | {figures['seconds']:.0f}"
    gap = figures.get("gap")
    valid = "" if figures.get("valid", True) else " INVALID"
    return (
        f"{figures['placed']}/{figures['total']}{valid} | {figures['breaks']} "
        f"| {figures['bound']} | {'' if gap is None else f'{100 * gap:.0f}%'} "
        f"| {figures['seconds']:.1f}"
    )


def run_generated(args: argparse.Namespace) -> None:
    base = Path(args.baseline) if args.baseline else None
    print(
        "| day | placed | breaks | bound | gap | seconds |"
        + (" baseline placed | breaks | bound | gap | seconds |" if base else "")
    )
    print("|---" * (11 if base else 6) + "|")
    sizes = [int(size) for size in args.sizes.split(",")]
    days = [
        (f"{family}-{size}-s{seed}", [family, str(size), str(seed)])
        for family in args.families.split(",")
        for size in sizes
        for seed in range(args.seeds)
    ]
    # The demo's brokerage day (``manage.py export_day leeds-almaty-brokerage-day``): two
    # sides, interpreters, 510 meetings, 120 participants, 14 slots, 40 tables.
    days.append(("demo day", ["--instance", str(HERE / "days" / "demo-day.json")]))
    for name, day in days:
        ours = solve_generated(day, HERE.parent / "src", args)
        line = f"| {name} | {cells(ours)} |"
        if base is not None:
            line += f" {cells(solve_generated(day, base, args))} |"
        print(line, flush=True)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="solve each instance this many times, with seeds 0, 1, ...: the runs differ",
    )
    parser.add_argument("--set", default="originals,variants,fairness,generated")
    parser.add_argument("--mode", choices=("events", "require_all"), default="events")
    parser.add_argument("--baseline", help="source directory of the solver to compare with")
    parser.add_argument("--seeds", type=int, default=1, help="generated days per family and size")
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES))
    parser.add_argument("names", nargs="*", help="only these instances (e.g. forum-13.original)")
    args = parser.parse_args()
    if args.names:
        run_set(args.names, args)
        return
    sets = args.set.split(",")
    if "originals" in sets:
        print("## Originals, d = 2\n")
        run_set([f"{base}.original" for base in BASES], args)
    if "variants" in sets:
        for variant in VARIANTS:
            print(f"## {variant}, d = 2\n")
            run_set([f"{base}.{variant}" for base in BASES], args)
    if "fairness" in sets:
        for d in (0, 1, 3):
            print(f"## Originals, d = {d}\n")
            run_set([f"{base}.original" for base in BASES], args, d)
    if "generated" in sets:
        print(f"## Generated days, {args.time_limit:.0f} s\n")
        run_generated(args)


if __name__ == "__main__":
    main()
