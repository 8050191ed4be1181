"""The directory's word search on PostgreSQL: the stored, GIN-indexed vector against the vectors
computed per row, beside a one-query view, at two directory sizes.

On the database named by DATABASE_URL (PostgreSQL, loaded by bench/load.py --size large or
bench/load_data.py: about 50,000 published opportunities), times, median of --repeat runs each:

* one-query view: a primary-key look-up (the floor);
* words, stored: the ids of the first SEARCH_LIMIT rows with the words, through `search_vector`;
* words, computed: the same with every candidate's six `to_tsvector`s computed by the query;
* directory search: the whole selector (words, then meaning) and its first page.

Then again with all but --small published opportunities closed, inside a transaction rolled back.
Usage: python bench/search.py [--repeat 9] [--small 3000] [--query "meat processing"]
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

from django.db import connection, transaction  # noqa: E402

from twinning.core import search  # noqa: E402
from twinning.organisations import selectors  # noqa: E402
from twinning.organisations.models import Opportunity  # noqa: E402


def median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm: plans, the model, the vectors kept in memory
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def word_ids(query: str, stored: str) -> list[int]:
    published = Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED)
    found = search.text_search(
        published, query=query, title="title", text="search_text", stored=stored
    )
    return list(
        found.order_by("-search_rank", "-published_at", "-pk").values_list("pk", flat=True)[
            : selectors.SEARCH_LIMIT
        ]
    )


def measure(query: str, repeat: int) -> None:
    published = Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED)
    count = published.count()
    first = published.order_by("pk").values_list("pk", flat=True).first()
    asked = selectors.DirectoryFilters(query=query)
    rows = {
        "one-query view": lambda: Opportunity.objects.filter(pk=first).exists(),
        "words, stored vector": lambda: word_ids(query, "search_vector"),
        "words, computed vector": lambda: word_ids(query, ""),
        "directory search": lambda: list(selectors.opportunities_published(filters=asked)[:20]),
    }
    found = len(word_ids(query, "search_vector"))
    assert found == len(word_ids(query, "")), "the stored and computed vectors disagree"
    figures = {name: median_ms(work, repeat) for name, work in rows.items()}
    floor = figures["one-query view"]
    print(f"\n{count} published opportunities, query {query!r} ({found} ids with the words)")
    print(f"{'':24} {'median ms':>10} {'/ one-query':>12}")
    for name, ms in figures.items():
        print(f"{name:24} {ms:10.1f} {ms / floor:12.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--small", type=int, default=3000)
    parser.add_argument("--query", default="meat processing")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench/search.py measures PostgreSQL's full-text search")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    measure(options.query, options.repeat)
    with transaction.atomic():
        published = Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED)
        keep = list(published.order_by("-pk").values_list("pk", flat=True)[: options.small])
        published.exclude(pk__in=keep).update(status=Opportunity.Status.CLOSED)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE organisations_opportunity")
        measure(options.query, options.repeat)
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
