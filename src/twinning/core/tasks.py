"""A probe through the task queue: which worker process took it, and where."""

import os
import socket
import time

from django_tasks import task

from twinning.core.site import serving, site_required


@task()
def probe(*, hold_seconds: float = 0.0) -> dict[str, object]:
    """Answers with the worker's host and process id; `hold_seconds` keeps the worker busy, so
    that several probes show several workers sharing the queue."""
    time.sleep(max(0.0, min(hold_seconds, 10.0)))
    return {"host": socket.gethostname(), "pid": os.getpid()}


@task()
def enforce_retention(*, dry_run: bool = False, site: str = "") -> dict[str, int]:
    """The periodic form of `manage.py enforce_retention`, with progress in a JobProgress.

    It warns inactive accounts by e-mail, with a link: `site` (queue it with
    `site=core.site.task_site()`) or SITE_URL gives the address; with neither it refuses to run,
    as the command does, unless it is a dry run."""
    from twinning.core.retention import retention_enforce
    from twinning.core.services import job_finish, job_progress_callback, job_start

    with serving(site) if dry_run else site_required(site):
        job = job_start(kind="retention", label="enforce_retention")
        results = retention_enforce(dry_run=dry_run, progress=job_progress_callback(job.pk))
        counts = {name: len(lines) for name, lines in results.items()}
        job_finish(job_id=job.pk, result=counts)
    return counts
