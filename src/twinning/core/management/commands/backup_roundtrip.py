"""Prove that backups restore: back up, restore into a scratch database, compare every table."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from twinning.core.backup import roundtrip


class Command(BaseCommand):
    help = "Back up the database, restore it into a scratch database and compare every table."

    def handle(self, *args: Any, **options: Any) -> None:
        differing = roundtrip()
        if differing:
            raise CommandError(f"tables differ after restore: {', '.join(sorted(differing))}")
        self.stdout.write("backup and restore agree on every table")
