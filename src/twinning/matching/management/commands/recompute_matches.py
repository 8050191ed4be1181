"""Recompute a programme's recommendations in the foreground, with a progress bar on a terminal."""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from twinning.core.services import job_finish, job_start
from twinning.matching import services
from twinning.programmes.selectors import programme_get


class Command(BaseCommand):
    help = "Recompute the recommended partners of every organisation of a programme."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--programme", required=True, help="the programme's slug")
        parser.add_argument(
            "--incremental",
            action="store_true",
            help="only what changed since the last full recompute in this process",
        )

    def handle(self, *args: Any, programme: str, incremental: bool, **options: Any) -> None:
        found = programme_get(slug=programme)
        if found is None:
            raise CommandError(f"No programme with the slug {programme!r}.")
        job = job_start(kind="matching.recompute", label=found.slug)
        # The bar goes to stderr and only on a terminal; pipes and logs get the summary line.
        with tqdm(total=1, unit="step", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:

            def report(done: int, total: int, message: str) -> None:
                bar.total = max(total, 1)
                bar.n = min(done, bar.total)
                bar.set_description(message)
                bar.refresh()

            run = services.recompute_changes if incremental else services.recompute_full
            result = run(programme=found, progress=report)
        job_finish(job_id=job.pk, result=result.as_dict())
        self.stdout.write(
            f"{found.slug}: {result.organisations} organisations, {result.lists} lists, "
            f"{result.embedded} texts embedded, {result.seconds:.1f} s"
        )
