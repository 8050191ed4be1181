"""Print the task queue's depth, its workers and its recent failures (exit 1 when unhealthy)."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from twinning.core.health import health


class Command(BaseCommand):
    help = "Show the database and task queue health: depth, workers, failures of the last day."

    def handle(self, *args: Any, **options: Any) -> None:
        ok, report = health()
        self.stdout.write(json.dumps(report, indent=2, default=str))
        if not ok:
            raise CommandError("unhealthy")
