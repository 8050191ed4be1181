"""Recommendations for the programme dashboard: the funnel's first step (one query)."""

from __future__ import annotations

from twinning.core.figures import Scope
from twinning.matching.models import Recommendation


def recommendation_count(*, scope: Scope) -> int:
    """Partners recommended to the organisations in scope (their own lists, not per opportunity)."""
    queryset = Recommendation.objects.filter(
        programme_id=scope.programme_id, opportunity__isnull=True
    )
    if scope.by_organisation:
        queryset = queryset.filter(organisation_id__in=scope.organisation_ids)
    return queryset.count()
