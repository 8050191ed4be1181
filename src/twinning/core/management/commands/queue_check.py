"""Send probe tasks through the queue and wait for the workers' answers (after a deploy)."""

import time
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_tasks.base import TaskResultStatus

from twinning.core.tasks import probe


class Command(BaseCommand):
    help = "Enqueue probe tasks and report which worker processes answered them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tasks", type=int, default=4)
        parser.add_argument("--hold", type=float, default=0.2, help="seconds each probe works")
        parser.add_argument("--timeout", type=float, default=60.0)

    def handle(self, *args: Any, **options: Any) -> None:
        results = [probe.enqueue(hold_seconds=options["hold"]) for _ in range(options["tasks"])]
        deadline = time.monotonic() + options["timeout"]
        pending = list(results)
        while pending and time.monotonic() < deadline:
            time.sleep(0.2)
            for result in list(pending):
                result.refresh()
                if result.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
                    pending.remove(result)
        if pending:
            raise CommandError(f"{len(pending)} of {len(results)} probes got no answer in time")
        failed = [r for r in results if r.status != TaskResultStatus.SUCCESSFUL]
        if failed:
            raise CommandError(f"{len(failed)} probes failed")
        workers = Counter(self.worker(result) for result in results)
        for worker, count in sorted(workers.items()):
            self.stdout.write(f"{worker} {count}")

    @staticmethod
    def worker(result: Any) -> str:
        """The worker's name as the backend records it (the host and process otherwise)."""
        if result.worker_ids:
            return str(result.worker_ids[-1])
        return f"{result.return_value['host']}:{result.return_value['pid']}"
