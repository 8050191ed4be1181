"""Reads about the demo programme, for the loader's summary."""

from django.db.models import Count

from twinning.demo.steps.programme import SLUG
from twinning.organisations.models import Opportunity, Organisation


def demo_counts() -> dict[str, dict[str, int]]:
    organisations = (
        Organisation.objects.filter(programme__slug=SLUG)
        .values("side__code")
        .annotate(n=Count("id"))
    )
    opportunities = (
        Opportunity.objects.filter(organisation__programme__slug=SLUG)
        .values("status")
        .annotate(n=Count("id"))
    )
    return {
        "organisations": {row["side__code"]: row["n"] for row in organisations},
        "opportunities": {row["status"]: row["n"] for row in opportunities},
    }
