"""A cold programme's full recompute on the task queue: one worker against two, same data.

On the database named by DATABASE_URL (the demo loaded; PostgreSQL, or SQLite for one worker),
each round empties the embedding cache, queues `recompute_enqueue(full=True)` (the programme's
texts split into chunks of MATCHING_EMBED_CHUNK, then the scoring), starts W workers of the
configured queue (`db_worker`, or `rqworker` with TASKS_QUEUE=rq) and times until the job is
done. The cache is restored to what it held afterwards. Prints the median of --repeat rounds
per worker count and the ratio to one worker.

    python bench/embedding_workers.py [--repeat 1] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from twinning.core.models import JobProgress  # noqa: E402
from twinning.matching import services  # noqa: E402
from twinning.matching.models import EmbeddingCache  # noqa: E402
from twinning.programmes.selectors import programme_default  # noqa: E402


def worker_command() -> list[str]:
    manage = [sys.executable, str(ROOT / "manage.py")]
    if settings.TASKS_QUEUE == "rq":
        return [*manage, "rqworker", "default", "--job-class", "django_tasks_rq.Job", "--burst"]
    return [*manage, "db_worker", "--queue-name", "*", "--interval", "0.2"]


def one_round(workers: int) -> tuple[float, int]:
    EmbeddingCache.objects.all().delete()
    programme = programme_default()
    job = services.recompute_enqueue(programme=programme, by=None, full=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    processes = [
        subprocess.Popen(worker_command(), env=env, cwd=ROOT,  # noqa: S603
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(workers)
    ]  # fmt: skip
    try:
        while True:
            job.refresh_from_db()
            if job.state in (JobProgress.State.DONE, JobProgress.State.FAILED):
                break
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
    if job.state != JobProgress.State.DONE:
        raise SystemExit(f"the recompute failed: {job.result}")
    return elapsed, job.total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    options = parser.parse_args()
    kept = list(EmbeddingCache.objects.all())
    texts = EmbeddingCache.objects.count()
    print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; queue {settings.TASKS_QUEUE}; "
          f"{texts} texts cached before; chunks of {services.embed_chunk_size()}")  # fmt: skip
    figures: dict[int, float] = {}
    try:
        for workers in options.workers:
            rounds = [one_round(workers) for _ in range(options.repeat)]
            figures[workers] = statistics.median(seconds for seconds, _ in rounds)
            print(f"{workers} worker(s): {figures[workers]:.1f} s (median of {options.repeat})",
                  flush=True)  # fmt: skip
    finally:
        EmbeddingCache.objects.all().delete()
        EmbeddingCache.objects.bulk_create(kept, batch_size=500)
    base = figures[options.workers[0]]
    for workers, seconds in figures.items():
        print(f"{workers} worker(s) / {options.workers[0]}: {seconds / base:.2f}")


if __name__ == "__main__":
    main()
