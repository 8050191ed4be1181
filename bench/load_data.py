"""A generated programme on top of the demo, for the load benchmark (bench/load.py).

Adds 10,000 organisations (half per side), 50,000 published opportunities and 10 brokerage
events of 500 approved participants each, in bulk, to the database named by DATABASE_URL.
Usage: python bench/load_data.py [--organisations N] [--opportunities N] [--events N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from twinning.core.models import User  # noqa: E402
from twinning.events.models import Event, Registration  # noqa: E402
from twinning.organisations.models import Membership, Opportunity, Organisation  # noqa: E402
from twinning.programmes.models import Region, Sector  # noqa: E402
from twinning.programmes.selectors import programme_default  # noqa: E402

WORDS = (
    "meat",
    "processing",
    "equipment",
    "tourism",
    "logistics",
    "film",
    "studio",
    "grain",
    "storage",
    "software",
    "dairy",
    "wool",
    "textiles",
    "mining",
    "services",
    "engineering",
    "consulting",
    "education",
    "translation",
    "packaging",
    "renewable",
    "energy",
    "solar",
    "wind",
    "water",
    "treatment",
    "medical",
    "devices",
    "pharmacy",
    "hotels",
    "travel",
)
BATCH = 2000


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def organisations(rng: random.Random, count: int) -> list[Organisation]:
    programme = programme_default()
    regions = list(Region.objects.select_related("side"))
    made = []
    for i in range(count):
        region = regions[i % len(regions)]
        name = f"Generated {words(rng, 2).title()} {i}"
        made.append(
            Organisation(
                programme=programme, slug=f"generated-{i}", legal_name=name, name_en=name,
                region=region, side=region.side, kind="company", size="small",
                working_languages="en,ru", description=words(rng, 30),
                search_text=f"{name} {words(rng, 10)}".lower(),
            )
        )  # fmt: skip
    Organisation.objects.bulk_create(made, batch_size=BATCH)
    return list(Organisation.objects.filter(slug__startswith="generated-"))


def opportunities(rng: random.Random, owners: list[Organisation], count: int) -> None:
    sectors = list(Sector.objects.filter(level=4).values_list("pk", flat=True))
    now = timezone.now()
    expires = timezone.localdate() + dt.timedelta(days=300)
    types = [choice for choice, _ in Opportunity.Type.choices]
    made = [
        Opportunity(
            organisation=owners[i % len(owners)], reference=f"G-{i:07d}",
            type=types[i % len(types)],
            title=words(rng, 5).capitalize(), summary=words(rng, 20), description=words(rng, 60),
            languages="en", status=Opportunity.Status.PUBLISHED, published_at=now,
            expires_on=expires, search_text=words(rng, 25),
        )
        for i in range(count)
    ]  # fmt: skip
    Opportunity.objects.bulk_create(made, batch_size=BATCH)
    through = Opportunity.sectors.through
    links = [
        through(opportunity_id=pk, sector_id=rng.choice(sectors))
        for pk in Opportunity.objects.filter(reference__startswith="G-").values_list(
            "pk", flat=True
        )
    ]
    through.objects.bulk_create(links, batch_size=BATCH)


def events(owners: list[Organisation], count: int, participants: int) -> None:
    programme = programme_default()
    password = make_password("twinning-bench")
    users = [
        User(email=f"participant-{i}@bench.local", username=f"participant-{i}@bench.local",
             full_name=f"Participant {i}", password=password)
        for i in range(count * participants)
    ]  # fmt: skip
    User.objects.bulk_create(users, batch_size=BATCH)
    users = list(User.objects.filter(email__endswith="@bench.local").order_by("pk"))
    Membership.objects.bulk_create(
        [Membership(user=u, organisation=owners[i % len(owners)]) for i, u in enumerate(users)],
        batch_size=BATCH,
    )
    day = timezone.localdate() + dt.timedelta(days=30)
    for e in range(count):
        event = Event.objects.create(
            programme=programme, slug=f"bench-event-{e}", title_en=f"Bench brokerage {e}",
            starts_on=day, ends_on=day, status=Event.Status.PUBLISHED,
        )  # fmt: skip
        chunk = users[e * participants : (e + 1) * participants]
        Registration.objects.bulk_create(
            [
                Registration(event=event, user=u, organisation=u_owner,
                             status=Registration.Status.APPROVED, languages="en")
                for i, u in enumerate(chunk)
                for u_owner in [owners[(e * participants + i) % len(owners)]]
            ],
            batch_size=BATCH,
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--opportunities", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--participants", type=int, default=500)
    options = parser.parse_args()
    rng = random.Random(7)
    started = time.perf_counter()
    with transaction.atomic():
        owners = organisations(rng, options.organisations)
        opportunities(rng, owners, options.opportunities)
        events(owners, options.events, options.participants)
    print(f"generated in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
