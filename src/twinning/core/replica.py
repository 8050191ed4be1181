"""A PostgreSQL read replica for read-only selectors.

A selector marked `@replica_reads` runs its queries on the "replica" database when one is
configured (DATABASE_REPLICA_URL); everything else, and every write, stays on the primary. Only
reads that may lag a moment behind the primary belong there: public lists and reports, never the
page that follows a write.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db.models import QuerySet

REPLICA = "replica"

P = ParamSpec("P")
T = TypeVar("T")

_reading_replica: ContextVar[bool] = ContextVar("reading_replica", default=False)


def replica_alias() -> str:
    return REPLICA if REPLICA in settings.DATABASES else "default"


@contextmanager
def on_replica() -> Iterator[None]:
    token = _reading_replica.set(True)
    try:
        yield
    finally:
        _reading_replica.reset(token)


def replica_reads(selector: Callable[P, T]) -> Callable[P, T]:
    """Run the selector's reads on the replica; a queryset it returns stays bound to it."""

    @functools.wraps(selector)
    def reading(*args: P.args, **kwargs: P.kwargs) -> T:
        with on_replica():
            result = selector(*args, **kwargs)
        if isinstance(result, QuerySet):
            return result.using(replica_alias())  # type: ignore[return-value]
        return result

    return reading


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return replica_alias() if _reading_replica.get() else None

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db == "default"
