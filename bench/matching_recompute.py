"""Recompute through the Django layer on a loaded programme (the demo), against the bare engine.

Times, in one process, on the database named by DATABASE_URL (load it with `make demo` first):

* baseline: the engine's `build` on the same profiles and cached vectors, nothing stored;
* full: `recompute_full` with every embedding cached — profiles read, index built, reasons
  worded, every organisation's and opportunity's list stored;
* incremental: one organisation's description changed, then `recompute_changes`.

Everything runs inside a transaction that is rolled back: the database is left as it was.
Prints medians and ratios. Usage: python bench/matching_recompute.py [--programme SLUG]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402

from twinning.matching import services  # noqa: E402
from twinning.matching.engine import build  # noqa: E402
from twinning.organisations.models import Organisation  # noqa: E402
from twinning.programmes.selectors import programme_get  # noqa: E402


class Rollback(Exception):
    """Raised to undo everything the benchmark wrote."""


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench(slug: str, repeat: int) -> None:
    programme = programme_get(slug=slug)
    if programme is None:
        raise SystemExit(f"no programme {slug!r}: load the demo first")
    profiles = services._profiles(programme)
    vectors, embedded = services.vectors_for(texts=[t for p in profiles for t in p.texts])
    opportunities = sum(len(p.opportunities) for p in profiles)
    print(f"{slug}: {len(profiles)} organisations, {opportunities} published opportunities")
    if embedded:
        print(f"(embedded {embedded} texts that were not cached yet)")

    baseline = median_seconds(lambda: build(profiles, vectors=vectors, k=services.TOP_K), repeat)
    full = median_seconds(lambda: services.recompute_full(programme=programme), repeat)
    organisation = Organisation.objects.filter(programme=programme).order_by("pk").first()
    assert organisation is not None

    rewritten: list[int] = []
    incremental_times: list[float] = []
    embedding_times: list[float] = []
    for n in range(repeat):
        organisation.description += f" We also export to Central Asia ({n})."
        organisation.save(update_fields=["description"])
        # Embedding the changed text is timed apart: it depends on the text, not on the layer.
        started = time.perf_counter()
        services.vectors_for(texts=[organisation.description.strip()])
        embedding_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        rewritten.append(services.recompute_changes(programme=programme).organisations)
        incremental_times.append(time.perf_counter() - started)
    incremental = statistics.median(incremental_times)
    embedding = statistics.median(embedding_times)
    print(f"engine build only (baseline)   {baseline:8.3f} s")
    print(f"full recompute, warm cache     {full:8.3f} s   {full / baseline:6.1f} x baseline")
    print(
        f"incremental, one organisation  {incremental:8.3f} s   {incremental / full:6.3f} x full"
        f"   ({statistics.median(rewritten):.0f} organisations' lists rewritten)"
    )
    print(f"embedding its new description  {embedding:8.3f} s   (once per changed text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programme", default="yorkshire-kazakhstan")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            bench(args.programme, args.repeat)
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
