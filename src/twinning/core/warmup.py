"""Fill each process's caches before it serves: gunicorn's `post_worker_init` hook calls
`warm_caches` (see `twinning.gunicorn_conf`).

Without it the first directory search of each web worker read and hashed every published
opportunity's text and loaded the embedding model (seconds on 50,000 opportunities) while the
requests queued behind it waited: the load benchmark's p95 of 4-5 s on every page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from twinning.core import registry

logger = logging.getLogger(__name__)


def warm_caches(*, report: Callable[[str, float], None] | None = None) -> dict[str, float]:
    """Run every registered warm-up; returns the seconds each took. A failing warm-up is logged
    and skipped: the cache then fills on first use, as it would without warm-up."""
    took: dict[str, float] = {}
    for name, run in registry.warmups():
        started = time.perf_counter()
        try:
            run()
        except Exception:
            logger.exception("warm-up %s failed; its cache fills on first use", name)
            continue
        took[name] = time.perf_counter() - started
        if report:
            report(name, took[name])
    return took
