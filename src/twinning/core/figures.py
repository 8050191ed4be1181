"""The scope a programme dashboard is drawn for, shared by every app's figure selectors.

Each app counts its own rows (`<app>/selectors_figures.py`) for a `Scope`; the dashboard
(outcomes) puts the counts together. `organisation_ids` is a subquery, so a filter by side,
region or sector stays inside each app's one SQL statement.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Scope:
    programme_id: int
    start: dt.date | None = None
    end: dt.date | None = None
    event_id: int | None = None
    # A queryset of organisation primary keys, or None for every organisation of the programme.
    organisation_ids: Any = None

    @property
    def by_organisation(self) -> bool:
        return self.organisation_ids is not None


def in_period(prefix: str, scope: Scope, *, dates: bool = False) -> dict[str, Any]:
    """Lookups keeping `prefix` (a date or datetime field) within the scope's period."""
    suffix = "" if dates else "__date"
    lookups: dict[str, Any] = {}
    if scope.start:
        lookups[f"{prefix}{suffix}__gte"] = scope.start
    if scope.end:
        lookups[f"{prefix}{suffix}__lte"] = scope.end
    return lookups
