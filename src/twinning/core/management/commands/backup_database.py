"""Back up the database to a file (SQLite's online backup, or pg_dump's custom format)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from twinning.core.backup import backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database to OUTPUT (safe while the site runs)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("output", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(str(backup(to=options["output"])))
