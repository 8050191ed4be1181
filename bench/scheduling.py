"""Benchmark the meeting scheduler against the published B2B optima and a greedy baseline.

    python bench/scheduling.py [--time-limit 60] [--workers 2] [--set originals,variants,large]
                               [--repeat N]

For every instance it prints the optimiser's breaks, bound, gap and seconds, the published
MaxSAT optimum (Bofill et al., JAIR 2022, d = 2; "infeasible" where the paper proves it),
and the greedy baseline run in the same process. Rows are Markdown, ready for
docs/scheduler.md. Two CP-SAT workers share what they learn in whatever order the clock
gives, so runs of the same code differ: ``--repeat N`` solves each instance N times (seeds
0, 1, ...) and prints every run's breaks and bound, how many runs proved the answer, the
median seconds and their range, and each run's totals.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scheduling_instances import BASES, Published, benchmark, large_day, published
from twinning.scheduling import Problem, Result, Status, breaks_of, check, solve
from twinning.scheduling.greedy import greedy_slots
from twinning.scheduling.problem import Assignment, Index, allowed_slots
from twinning.scheduling.tables import assign_tables


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
        return "yes" if result.status is Status.INFEASIBLE else "no"
    proven = result.status is Status.OPTIMAL
    return "yes" if proven and result.breaks == paper.optimum else "no"


def found(result: Result) -> str:
    if result.status is Status.INFEASIBLE:
        return "infeasible"
    if result.breaks is None:
        return result.status.value
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


def run_set(names: list[str], args: argparse.Namespace) -> None:
    paper = published()
    print(HEADER)
    rows = [row(name, benchmark(name), args, paper.get(name)) for name in names]
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


def run_large(args: argparse.Namespace) -> None:
    problem = large_day()
    greedy = run_greedy(problem)
    result = solve(problem, time_limit=args.large_time_limit, workers=args.workers)
    valid = not check(problem, result.assignments)
    print(
        f"large day ({len(problem.participants)} participants, {len(problem.meetings)} meetings,"
        f" {problem.slots} slots, {len(problem.tables)} tables): status {result.status.value},"
        f" scheduled {len(result.assignments)}/{len(problem.meetings)}, valid {valid},"
        f" breaks {result.breaks}, bound {result.bound}, gap {result.gap}, {result.seconds:.1f} s;"
        f" greedy {greedy.cell()} breaks in {greedy.seconds:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--large-time-limit", type=float, default=120.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="solve each instance this many times, with seeds 0, 1, ...: the runs differ",
    )
    parser.add_argument("--set", default="originals,variants,large")
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
        for variant in ("fixed040-Forb", "prec25"):
            print(f"## {variant}, d = 2\n")
            run_set([f"{base}.{variant}" for base in BASES], args)
    if "large" in sets:
        run_large(args)


if __name__ == "__main__":
    main()
