"""Command line: ``python -m twinning.scheduling solve|check|convert``.

Errors in the input are reported on stderr in one line per fault, with exit status 2; an
invalid schedule given to ``check`` exits with status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from twinning.scheduling.check import breaks_of, check
from twinning.scheduling.dzn import DznError, problem_from_dzn
from twinning.scheduling.instance import (
    InstanceError,
    load_problem,
    parse_json,
    previous_from_json,
    problem_to_json,
    schedule_from_json,
)
from twinning.scheduling.problem import Problem
from twinning.scheduling.solver import solve

INPUT_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m twinning.scheduling")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("solve", help="schedule an instance, print the result as JSON")
    run.add_argument("instance", type=Path)
    run.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
    run.add_argument("--workers", type=int, default=2, help="search workers (default 2)")
    run.add_argument("--previous", type=Path, help="an earlier schedule to stay close to")
    run.add_argument("--stability", action="store_true", help="minimise moves from --previous")
    verify = commands.add_parser("check", help="verify a schedule against an instance")
    verify.add_argument("instance", type=Path)
    verify.add_argument("schedule", type=Path)
    convert = commands.add_parser("convert", help="convert benchmark MiniZinc data to JSON")
    convert.add_argument("dzn", type=Path)
    convert.add_argument("--d", type=int, default=2, help="max_break_spread; negative = off")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "solve":
            return _solve(args)
        if args.command == "check":
            return _check(args)
        return _convert(args)
    except (InstanceError, DznError) as error:
        for line in str(error).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return INPUT_ERROR
    except OSError as error:
        print(f"error: {error.filename}: {error.strerror}", file=sys.stderr)
        return INPUT_ERROR


def _read_problem(path: Path) -> Problem:
    return load_problem(path.read_text(encoding="utf-8"))


def _solve(args: argparse.Namespace) -> int:
    problem = _read_problem(args.instance)
    previous = None
    if args.previous is not None:
        previous = previous_from_json(parse_json(args.previous.read_text(encoding="utf-8")))
    result = solve(
        problem,
        time_limit=args.time_limit,
        workers=args.workers,
        previous=previous,
        stability=args.stability,
    )
    _print(result.to_json())
    return 0


def _check(args: argparse.Namespace) -> int:
    problem = _read_problem(args.instance)
    schedule = schedule_from_json(parse_json(args.schedule.read_text(encoding="utf-8")))
    violations = check(problem, schedule)
    breaks = breaks_of(problem, schedule)
    _print(
        {
            "valid": not violations,
            "violations": [{"rule": v.rule, "message": v.message} for v in violations],
            "breaks": sum(breaks.values()),
            "scheduled": len({a.meeting for a in schedule}),
            "meetings": len(problem.meetings),
        }
    )
    return 0 if not violations else 1


def _convert(args: argparse.Namespace) -> int:
    text = args.dzn.read_text(encoding="utf-8")
    spread = None if args.d < 0 else args.d
    problem = problem_from_dzn(
        text, name=args.dzn.name.removesuffix(".dzn"), max_break_spread=spread
    )
    _print(problem_to_json(problem))
    return 0


def _print(data: object) -> None:
    json.dump(data, sys.stdout, indent=1)
    sys.stdout.write("\n")
