"""A probe through the task queue: which worker process took it, and where."""

import os
import socket
import time

from django_tasks import task


@task()
def probe(*, hold_seconds: float = 0.0) -> dict[str, object]:
    """Answers with the worker's host and process id; `hold_seconds` keeps the worker busy, so
    that several probes show several workers sharing the queue."""
    time.sleep(max(0.0, min(hold_seconds, 10.0)))
    return {"host": socket.gethostname(), "pid": os.getpid()}
