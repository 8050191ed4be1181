"""Print an organisation's recommended partners with scores and reasons."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from twinning.matching.selectors import recommendations_for
from twinning.organisations.selectors import organisation_by_reference


class Command(BaseCommand):
    help = "Show the recommended partners of an organisation (ORG is its id or slug)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("organisation", metavar="ORG", help="id or slug")
        parser.add_argument("--top", type=int, default=10, help="how many (default 10)")
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        parser.add_argument("--language", default="en", help="language of the reasons: en, ru, kk")

    def handle(self, *args: Any, organisation: str, top: int, **options: Any) -> None:
        found = organisation_by_reference(reference=organisation)
        if found is None:
            raise CommandError(f"No organisation {organisation!r}.")
        with translation.override(options["language"]):
            items = recommendations_for(organisation=found)[:top]
        if options["json"]:
            self.stdout.write(json.dumps([_as_data(item) for item in items], ensure_ascii=False))
            return
        self.stdout.write(f"{found.display_name} ({found.region.name})")
        if not items:
            self.stdout.write("  no recommendations yet: run recompute_matches")
        for item in items:
            row = item.recommendation
            self.stdout.write(f"{row.rank:>3}. {row.score:6.3f}  {item.candidate.display_name} "
                              f"({item.candidate.region.name})")  # fmt: skip
            for reason in item.reasons:
                self.stdout.write(f"         - {reason}")


def _as_data(item: Any) -> dict[str, Any]:
    row = item.recommendation
    return {
        "rank": row.rank,
        "score": row.score,
        "candidate": {
            "id": item.candidate.pk,
            "slug": item.candidate.slug,
            "name": item.candidate.display_name,
        },
        "reasons": row.reasons,
        "sentences": item.reasons,
        "computed_at": row.computed_at.isoformat(),
    }
