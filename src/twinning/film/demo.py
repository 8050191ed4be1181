"""Demo step: a Bradford studio's rebate applications, walked through the workflow services
to different states, with Almaty's Steppe Light Studios as the Kazakh service company."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from twinning.film import services
from twinning.film.models import FilmApplication
from twinning.film.production import Applicant, BudgetLine, Format, Place, Production

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

STUDIO, SERVICE_COMPANY = "bronte-moor", "steppe-light"
APPLICANT = Applicant(foreign_legal_entity=True, uk_certified=True, uk_writer_or_director=True)

# (title, format, total core GBP, KZT spent with residents, GBP spent in the UK, final state)
STORIES = (
    ("The Silk Road Sisters", Format.SERIES, 12_000_000, 2_100_000_000, 7_500_000, "under_review"),
    ("Haworth to Almaty", Format.DOCUMENTARY, 1_800_000, 620_000_000, 600_000, "approved"),
    ("Winter on the Steppe", Format.FEATURE, 4_500_000, 900_000_000, 2_000_000, "draft"),
)


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    studio = context.organisations.get(STUDIO)
    if studio is None:
        return Tally()
    if FilmApplication.objects.filter(organisation=studio).exists():
        return Tally(existing=1)
    for story in STORIES:
        _story(context, *story)
    return Tally(created=len(STORIES))


def _story(
    context: DemoContext, title: str, kind: Format, core: int, kzt: int, gbp: int, state: str
) -> None:
    producer, operator = context.owners[STUDIO], context.operator
    start = context.today + dt.timedelta(days=120)
    production = Production(
        title=title, format=kind, currency="GBP", shoot_start=start,
        shoot_end=start + dt.timedelta(days=75), applicant=APPLICANT,
        total_core_expenditure=Decimal(core), hours=Decimal(8) if kind is Format.SERIES else None,
    )  # fmt: skip
    lines = [
        BudgetLine("Crew and locations (Kazakhstan)", Decimal(kzt), "KZT", Place.KZ, True, True),
        BudgetLine("Cast, studio and post-production (Yorkshire)", Decimal(gbp), "GBP", Place.UK,
                   True, True),
    ]  # fmt: skip
    service_company = context.organisations.get(SERVICE_COMPANY)
    application = services.film_application_create(
        organisation=context.organisations[STUDIO], by=producer, production=production,
        lines=lines, shoot_plan="Almaty, the Charyn canyon and the Altyn-Emel desert.",
        service_company_name=service_company.legal_name if service_company else "",
    )  # fmt: skip
    if state == "draft":
        return
    services.film_application_submit(application=application, by=producer)
    services.film_application_start_review(application=application, by=operator)
    if state == "approved":
        services.film_application_approve(
            application=application, by=operator, amount=Decimal(kzt) * Decimal("0.30"),
            currency="KZT",
        )  # fmt: skip
