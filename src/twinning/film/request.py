"""The estimator's JSON input: reading and validating it into a production and budget lines.

Every mistake is reported with the path of its field (``lines[2].amount``), never as a
traceback. See docs/film.md for the format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from twinning.film.production import Applicant, BudgetLine, Format, Place, Production
from twinning.film.rates import RateTable, read_rate
from twinning.film.reader import FieldError, FieldErrors, Reader

PRODUCTION_FIELDS = {
    "title", "format", "currency", "shoot_start", "shoot_end", "applicant",
    "total_core_expenditure", "hours",
}  # fmt: skip
APPLICANT_FIELDS = {
    "foreign_legal_entity", "uk_certified", "uk_writer_or_director", "official_coproduction",
}  # fmt: skip
LINE_FIELDS = {"category", "amount", "currency", "spent_in", "paid_to_resident", "core"}


@dataclass(frozen=True)
class EstimateRequest:
    production: Production
    lines: tuple[BudgetLine, ...]
    rates: RateTable | None  # rates given with the input replace the operator's table


def parse_request(data: Any) -> EstimateRequest:
    """Read the input document; raise FieldErrors listing every missing or malformed field."""
    if not isinstance(data, Mapping):
        raise FieldErrors([FieldError("", "the input must be a JSON object")])
    reader = Reader()
    top = reader.obj(data, "", {"production", "lines", "exchange_rates"})
    production = _production(reader, top.get("production"))
    lines = tuple(
        _line(reader, item, f"lines[{index}]")
        for index, item in enumerate(reader.items(top, "lines", ""))
    )
    rates = None
    if "exchange_rates" in top:
        items = reader.items(top, "exchange_rates", "")
        rates = RateTable(
            tuple(read_rate(reader, item, f"exchange_rates[{i}]") for i, item in enumerate(items))
        )
    reader.check()
    return EstimateRequest(production, lines, rates)


def _production(reader: Reader, item: Any) -> Production:
    path = "production"
    reader, fields = reader.section(item, path, PRODUCTION_FIELDS)
    title = reader.text(fields, "title", path)
    production_format = reader.choice(fields, "format", path, Format) or Format.FEATURE
    currency = reader.currency(fields, "currency", path)
    start = reader.day(fields, "shoot_start", path)
    end = reader.day(fields, "shoot_end", path)
    if start and end and end < start:
        reader.fail(f"{path}.shoot_end", f"must not be before shoot_start ({start})")
    return Production(
        title=title,
        format=production_format,
        currency=currency,
        shoot_start=start or date.min,
        shoot_end=end or date.min,
        applicant=_applicant(reader, fields),
        total_core_expenditure=reader.amount(fields, "total_core_expenditure", path, positive=True),
        hours=reader.decimal(fields, "hours", path, required=False, positive=True),
    )


def _applicant(reader: Reader, production: Mapping[str, Any]) -> Applicant:
    path = "production.applicant"
    reader, fields = reader.section(production.get("applicant"), path, APPLICANT_FIELDS)
    return Applicant(
        foreign_legal_entity=reader.boolean(fields, "foreign_legal_entity", path),
        uk_certified=reader.boolean(fields, "uk_certified", path),
        uk_writer_or_director=reader.boolean(fields, "uk_writer_or_director", path),
        official_coproduction=reader.boolean(fields, "official_coproduction", path, default=False),
    )


def _line(reader: Reader, item: Any, path: str) -> BudgetLine:
    reader, fields = reader.section(item, path, LINE_FIELDS)
    return BudgetLine(
        category=reader.text(fields, "category", path),
        amount=reader.amount(fields, "amount", path),
        currency=reader.currency(fields, "currency", path),
        spent_in=reader.choice(fields, "spent_in", path, Place) or Place.OTHER,
        paid_to_resident=reader.boolean(fields, "paid_to_resident", path),
        core=reader.boolean(fields, "core", path),
    )
