"""Generated data shared by the benchmarks that build their own database (outcomes,
privacy_export): import after `django.setup()`."""

from __future__ import annotations

import random
from pathlib import Path

from django.core.management import call_command
from django.db import connection

from twinning.organisations.models import Organisation
from twinning.programmes.models import Programme, Region, Sector, Side

BATCH = 5000


def fresh_database() -> None:
    """An empty, migrated database: the SQLite file is removed first."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and Path(name).exists():
        Path(name).unlink()
    call_command("migrate", verbosity=0)


def programme() -> Programme:
    return Programme.objects.create(
        slug="bench", name_en="Bench programme", side_a=Side.objects.get(code="UK"),
        side_b=Side.objects.get(code="KZ"),
    )  # fmt: skip


def organisations(prog: Programme, count: int, rng: random.Random) -> list[Organisation]:
    """`count` small companies spread over the regions, each in one random NACE class."""
    regions = list(Region.objects.select_related("side"))
    sectors = list(Sector.objects.filter(level=4).values_list("pk", flat=True))
    rows = []
    for n in range(count):
        region = regions[n % len(regions)]
        rows.append(
            Organisation(
                programme=prog,
                slug=f"org-{n}",
                legal_name=f"Organisation {n}",
                name_en=f"Organisation {n}",
                region=region,
                side=region.side,
                kind="company",
                size="small",
                working_languages="en",
                description="Bench",
                contact_name=f"Contact {n}",
                contact_email=f"contact{n}@bench.example",
            )
        )
    created = Organisation.objects.bulk_create(rows, batch_size=BATCH)
    through = Organisation.sectors.through
    through.objects.bulk_create(
        [through(organisation_id=o.pk, sector_id=rng.choice(sectors)) for o in created],
        batch_size=BATCH,
    )
    return created
