"""Restore a backup made by backup_database into a new SQLite file or an empty PostgreSQL
database (then point DATABASE_URL at it)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from twinning.core.backup import restore


class Command(BaseCommand):
    help = (
        "Restore BACKUP into INTO: a new SQLite file, or the name of an empty PostgreSQL database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path)
        parser.add_argument("into")

    def handle(self, *args: Any, **options: Any) -> None:
        restore(source=options["backup"], into=options["into"])
        self.stdout.write(f"restored into {options['into']}")
