"""Introductions for the programme dashboard: totals and a monthly series (one query each)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from twinning.core.figures import Scope, in_period
from twinning.introductions.models import Introduction

ACCEPTED = Q(state=Introduction.State.ACCEPTED)


def _scoped(scope: Scope) -> QuerySet[Introduction]:
    queryset = Introduction.objects.filter(programme_id=scope.programme_id)
    if scope.by_organisation:
        queryset = queryset.filter(
            Q(requester_id__in=scope.organisation_ids) | Q(recipient_id__in=scope.organisation_ids)
        )
    return queryset


def introduction_figures(*, scope: Scope) -> dict[str, int]:
    """Introductions requested in the period, and how many of those were accepted."""
    return (
        _scoped(scope)
        .filter(**in_period("created_at", scope))
        .aggregate(requested=Count("pk"), accepted=Count("pk", filter=ACCEPTED))
    )


def introductions_accepted_by_month(*, scope: Scope) -> dict[dt.date, int]:
    rows = (
        _scoped(scope)
        .filter(ACCEPTED, decided_at__isnull=False, **in_period("decided_at", scope))
        .annotate(month=TruncMonth("decided_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {_day(row["month"]): row["n"] for row in rows}


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
