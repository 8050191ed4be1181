"""A production and its budget lines, as the estimator takes them: plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Format(StrEnum):
    FEATURE = "feature"
    SERIES = "series"
    DOCUMENTARY = "documentary"
    ANIMATION = "animation"
    CHILDRENS = "childrens"


class Place(StrEnum):
    """Where a budget line is spent."""

    KZ = "KZ"
    UK = "UK"
    OTHER = "other"


@dataclass(frozen=True)
class Applicant:
    foreign_legal_entity: bool
    uk_certified: bool
    uk_writer_or_director: bool
    official_coproduction: bool = False


@dataclass(frozen=True)
class Production:
    title: str
    format: Format
    currency: str
    shoot_start: date
    shoot_end: date
    applicant: Applicant
    total_core_expenditure: Decimal
    hours: Decimal | None = None  # slot length in hours, for high-end TV series


@dataclass(frozen=True)
class BudgetLine:
    category: str
    amount: Decimal
    currency: str
    spent_in: Place
    paid_to_resident: bool
    core: bool
