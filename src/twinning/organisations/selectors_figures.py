"""Counts of organisations and opportunities for the programme dashboard (one query each)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from twinning.core.figures import Scope
from twinning.organisations.models import Opportunity, Organisation


def organisation_ids_in(
    *, programme_id: int, side_id: int | None, region_id: int | None, sector_code: str
) -> QuerySet[Organisation] | None:
    """The organisations a side, region or NACE code (and its sub-codes) selects, as a subquery;
    None when nothing is selected."""
    if not (side_id or region_id or sector_code):
        return None
    queryset = Organisation.objects.filter(programme_id=programme_id)
    if side_id:
        queryset = queryset.filter(side_id=side_id)
    if region_id:
        queryset = queryset.filter(region_id=region_id)
    if sector_code:
        # NACE codes nest by prefix: division 28 holds group 28.9 and class 28.93.
        queryset = queryset.filter(sectors__code__startswith=sector_code)
    return queryset.values("pk")


def organisation_figures(*, scope: Scope) -> dict[str, int]:
    """Organisations registered by the end of the period, and their published opportunities."""
    organisations = Organisation.objects.filter(programme_id=scope.programme_id)
    if scope.by_organisation:
        organisations = organisations.filter(pk__in=scope.organisation_ids)
    if scope.end:
        organisations = organisations.filter(created_at__date__lte=scope.end)
    published = Q(
        opportunities__status=Opportunity.Status.PUBLISHED,
        **({"opportunities__published_at__date__lte": scope.end} if scope.end else {}),
    )
    return organisations.aggregate(
        organisations=Count("pk", distinct=True),
        opportunities=Count("opportunities", filter=published, distinct=True),
    )
