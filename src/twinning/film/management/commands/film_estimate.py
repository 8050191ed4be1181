"""``manage.py film_estimate FILE.json [--date YYYY-MM-DD]``: print a rebate estimate as JSON.

The rules, MCI and exchange rates are those operators maintain in the database.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from twinning.film.cli import run
from twinning.film.reader import FieldErrors
from twinning.film.selectors import rate_table_from_database, rulebook_from_database


def _require_migrated() -> None:
    """The rules live in the database: say what to do, not a traceback from a missing table."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError(
            "the database is not set up (or not up to date): run `python manage.py migrate` first"
        )


def estimate_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a date written YYYY-MM-DD, not {value!r}"
        ) from None


class Command(BaseCommand):
    help = "Estimate film production incentives for the production described in FILE (JSON)."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="production and budget lines, see docs/film.md")
        parser.add_argument(
            "--date",
            type=estimate_date,
            default=None,
            help="date of the estimate, which picks the exchange rates (default: today)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        data = _read_json(path)
        _require_migrated()
        try:
            rulebook = rulebook_from_database()
        except FieldErrors as invalid:
            raise CommandError(
                f"the incentive rules in the database are invalid: {invalid}"
            ) from None
        try:
            result = run(
                data, options["date"] or date.today(), rulebook=rulebook,
                rates=rate_table_from_database(),
            )  # fmt: skip
        except FieldErrors as invalid:
            lines = "\n".join(f"  {error}" for error in invalid.errors)
            raise CommandError(f"{path}: the input has errors:\n{lines}") from None
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"{path}: cannot read the file: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: the file is not UTF-8 text") from None
    try:
        # Decimal keeps amounts such as 1234.56 exact.
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
