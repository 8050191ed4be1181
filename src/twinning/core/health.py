"""The health of a running installation: the database, the task queue and its workers.

`/health` answers 200 when everything works and 503 otherwise, for load balancers and monitors;
`manage.py queue_status` prints the same for an operator, with the failures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

FAILURE_WINDOW = dt.timedelta(days=1)


@dataclass
class QueueStatus:
    backend: str
    waiting: int = 0
    running: int = 0
    failed_last_day: int = 0
    oldest_wait_seconds: float | None = None
    workers: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""

    @property
    def consumed(self) -> bool:
        """A worker takes the tasks: none waits longer than HEALTH_QUEUE_MAX_WAIT (and, on Redis,
        a worker has sent its heartbeat)."""
        if self.error:
            return False
        if self.backend == "rq" and not self.workers:
            return False
        wait = self.oldest_wait_seconds
        return wait is None or wait <= settings.HEALTH_QUEUE_MAX_WAIT


def database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return False, str(error)
    return True, ""


def queue_status() -> QueueStatus:
    try:
        return _rq_status() if settings.TASKS_QUEUE == "rq" else _database_status()
    except Exception as error:
        return QueueStatus(backend=settings.TASKS_QUEUE, error=str(error))


def _database_status() -> QueueStatus:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    results = DBTaskResult.objects.all()
    waiting = results.filter(status=TaskResultStatus.READY)
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    since = timezone.now() - FAILURE_WINDOW
    return QueueStatus(
        backend="database",
        waiting=waiting.count(),
        running=results.filter(status=TaskResultStatus.RUNNING).count(),
        failed_last_day=results.filter(
            status=TaskResultStatus.FAILED, finished_at__gte=since
        ).count(),
        oldest_wait_seconds=(timezone.now() - oldest).total_seconds() if oldest else None,
    )


def _rq_status() -> QueueStatus:
    import django_rq
    from rq import Worker
    from rq.registry import FailedJobRegistry, StartedJobRegistry

    queue = django_rq.get_queue("default")
    oldest = queue.jobs[:1] if queue.count else []
    enqueued = oldest[0].enqueued_at if oldest else None
    now = dt.datetime.now(dt.UTC)
    workers = [
        {
            "name": worker.name,
            "state": worker.get_state(),
            "last_heartbeat": worker.last_heartbeat.isoformat() if worker.last_heartbeat else None,
        }
        for worker in Worker.all(connection=queue.connection)
    ]
    return QueueStatus(
        backend="rq",
        waiting=queue.count,
        running=StartedJobRegistry(queue=queue).count,
        failed_last_day=FailedJobRegistry(queue=queue).count,
        oldest_wait_seconds=(now - enqueued.replace(tzinfo=dt.UTC)).total_seconds()
        if enqueued
        else None,
        workers=workers,
    )


def health() -> tuple[bool, dict[str, Any]]:
    database, database_error = database_ok()
    queue = queue_status() if database else QueueStatus(backend=settings.TASKS_QUEUE)
    report = {
        "database": {"ok": database, "error": database_error},
        "queue": {**asdict(queue), "ok": database and queue.consumed},
    }
    return database and queue.consumed, report
