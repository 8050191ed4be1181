"""Small productions, budget lines and rate tables for the estimator tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from twinning.film.estimator import SchemeEstimate, estimate
from twinning.film.messages import EstimateWarning, Reason
from twinning.film.production import Applicant, BudgetLine, Format, Place, Production
from twinning.film.rates import ExchangeRate, RateTable
from twinning.film.rulebook import RuleBook

RATE_DAY = date(2025, 5, 30)
ESTIMATE_DAY = date(2025, 6, 1)

EVERYTHING = Applicant(foreign_legal_entity=True, uk_certified=True, uk_writer_or_director=True)

FEATURE_2025 = Production(
    title="Test Feature",
    format=Format.FEATURE,
    currency="GBP",
    shoot_start=date(2025, 6, 1),
    shoot_end=date(2025, 8, 15),
    applicant=EVERYTHING,
    total_core_expenditure=Decimal(10_000_000),
)


def production(**changes: Any) -> Production:
    return replace(FEATURE_2025, **changes)


def shoot(start: str, end: str) -> dict[str, date]:
    return {"shoot_start": date.fromisoformat(start), "shoot_end": date.fromisoformat(end)}


def kz_line(amount: int | str, **changes: Any) -> BudgetLine:
    line = BudgetLine("Kazakh crew", Decimal(amount), "KZT", Place.KZ, True, True)
    return replace(line, **changes)


def uk_line(amount: int | str, **changes: Any) -> BudgetLine:
    line = BudgetLine("UK crew", Decimal(amount), "GBP", Place.UK, True, True)
    return replace(line, **changes)


def rates(*entries: tuple[str, str, str]) -> RateTable:
    """Entries (base, quote, rate) dated RATE_DAY; by default GBP/KZT 650 and USD/KZT 500."""
    entries = entries or (("GBP", "KZT", "650"), ("USD", "KZT", "500"))
    return RateTable(tuple(ExchangeRate(RATE_DAY, b, q, Decimal(r)) for b, q, r in entries))


def scheme_estimate(
    rulebook: RuleBook,
    code: str,
    lines: list[BudgetLine],
    *,
    table: RateTable | None = None,
    on: date = ESTIMATE_DAY,
    **changes: Any,
) -> SchemeEstimate:
    result = estimate(production(**changes), lines, rulebook, table or rates(), on)
    return result.scheme(code)


def warning(scheme: SchemeEstimate, code: str) -> EstimateWarning:
    return next(found for found in scheme.warnings if found.code == code)


def warning_codes(scheme: SchemeEstimate) -> list[str]:
    return [found.code for found in scheme.warnings]


def reason(scheme: SchemeEstimate, code: str) -> Reason:
    return next(found for found in scheme.reasons if found.code == code)


def unmet(scheme: SchemeEstimate) -> list[str]:
    return [found.code for found in scheme.reasons if not found.met]
