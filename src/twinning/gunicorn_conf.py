"""gunicorn settings: `gunicorn -c python:twinning.gunicorn_conf twinning.wsgi`.

Each worker fills its caches (`core.warmup`) before it takes its first request.
"""

from __future__ import annotations

from typing import Any


def post_worker_init(worker: Any) -> None:
    from twinning.core.warmup import warm_caches

    def report(name: str, seconds: float) -> None:
        worker.log.info("worker %s warmed %s in %.1f s", worker.pid, name, seconds)
        worker.notify()  # still alive: a long warm-up is not a hung worker

    warm_caches(report=report)
    # The first request should not inherit a connection opened outside any request.
    from django.db import connections

    connections.close_all()
