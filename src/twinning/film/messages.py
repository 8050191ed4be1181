"""Reasons and warnings as codes with parameters, and their English text.

The estimator speaks in codes so the web layer can translate them; the English templates
here are for the command line and are the reference wording for translators. Templates use
format specs on typed parameters: ``{amount:,}`` groups digits, ``{rate:.0%}`` shows 0.3 as 30%.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar

Param = Decimal | date | str | int

# code: (text when the condition is met, text when it is not)
REASONS: dict[str, tuple[str, str]] = {
    "rule-in-force": (
        "Shooting starts on {shoot_start}, on or after the scheme took effect on {valid_from}.",
        "Shooting starts on {shoot_start}, before the scheme took effect on {valid_from}.",
    ),
    "format": (
        "The format '{format}' is eligible.",
        "The format '{format}' is not eligible for this scheme.",
    ),
    "foreign-legal-entity": (
        "The applicant is a foreign legal entity.",
        "The applicant must be a foreign legal entity (or its branch or representative office).",
    ),
    "uk-certified": (
        "The production has British certification.",
        "British certification (BFI cultural test or official co-production) is required.",
    ),
    "uk-writer-or-director": (
        "The production has a UK writer or director, or is an official co-production.",
        "A UK writer or director, or official co-production status, is required.",
    ),
    "min-local-core-share": (
        "Core expenditure in {place} is {share:.1%} of total core expenditure"
        " (at least {minimum:.0%} required).",
        "Core expenditure in {place} is {share:.1%} of total core expenditure;"
        " at least {minimum:.0%} is required.",
    ),
    "min-core-per-hour": (
        "Core expenditure per hour is {currency} {per_hour:,} (at least {currency} {minimum:,}).",
        "Core expenditure per hour is {currency} {per_hour:,}; at least {currency} {minimum:,}"
        " is required.",
    ),
    "max-total-core": (
        "Total core expenditure of {currency} {total:,} is within the"
        " {currency} {maximum:,} limit.",
        "Total core expenditure of {currency} {total:,} is above the {currency} {maximum:,} limit.",
    ),
    "minimum-spend": (
        "Qualifying expenditure of {currency} {base:,} reaches the minimum of"
        " {currency} {minimum:,}.",
        "Qualifying expenditure of {currency} {base:,} is below the minimum of"
        " {currency} {minimum:,}.",
    ),
}

WARNINGS: dict[str, str] = {
    "rule-expired": "The rule was valid until {valid_to}, before shooting starts on {shoot_start};"
    " the estimate assumes it still applies.",
    "rule-expires-during-shoot": "The rule is valid until {valid_to}, before shooting ends on"
    " {shoot_end}; spending after that date may not qualify.",
    "rule-changes-during-shoot": "A new version of the rule takes effect on {valid_from},"
    " during the shoot; the estimate uses the version in force when shooting starts.",
    "figure-not-valid": "The {figure} figure is dated {valid_from} to {valid_to}, which does not"
    " cover the shoot start on {shoot_start}.",
    "unconfirmed-figure": "The {figure} figure ({value}) is unconfirmed. {note}",
    "unconfirmed-rule-part": "The {figure} rule is unconfirmed. {note}",
    "mci-missing-for-year": "No MCI is recorded for {year}; the {used_year} value is used.",
    "below-minimum-spend": "Qualifying expenditure is {currency} {shortfall:,} short of the minimum"
    " spend of {currency} {minimum:,}.",
    "cap-reached": "The amount of {currency} {uncapped:,} is capped at {currency} {cap:,}.",
    "core-share-limit-applies": "The base is limited to {share:.0%} of total core expenditure"
    " ({currency} {limit:,}), below the {place} core expenditure of {currency} {local_core:,}.",
    "core-lines-exceed-total": "Core budget lines add up to {currency} {lines:,}, more than the"
    " total core expenditure of {currency} {total:,}.",
    "hours-missing": "Give the production's hours to check the minimum core expenditure per hour.",
    "unconfirmed-exchange-rate": "The {base}/{quote} exchange rate of {rate} dated {date} is"
    " unconfirmed. {note}",
    "stale-exchange-rate": "The {base}/{quote} exchange rate is dated {date}, {days} days before"
    " the estimate.",
    "rate-is-maximum": "The rate is a maximum ('up to'); the amount paid is decided by the"
    " administering body.",
    "credit-taxable": "The credit is taxable: at a corporation tax rate of"
    " {corporation_tax_rate:.0%} its net value is about {net_rate:.1%} of qualifying expenditure.",
    "alternative-to": "This credit is claimed instead of {scheme}, not in addition to it.",
    "claims-from": "Claims can be made from {date}.",
}

NOTICE_CODES = frozenset({"rate-is-maximum", "credit-taxable", "alternative-to", "claims-from"})

LINE_EXCLUSIONS: dict[str, str] = {
    "spent-elsewhere": "Not spent in {place}.",
    "not-paid-to-resident": "Not paid to a resident.",
    "not-core": "Not core expenditure.",
}


@dataclass(frozen=True)
class Reason:
    code: str
    met: bool
    params: Mapping[str, Param] = field(default_factory=dict)

    @property
    def text(self) -> str:
        met_text, unmet_text = REASONS[self.code]
        return (met_text if self.met else unmet_text).format(**self.params)


@dataclass(frozen=True)
class EstimateWarning:
    code: str
    params: Mapping[str, Param] = field(default_factory=dict)
    templates: ClassVar[Mapping[str, str]] = WARNINGS

    @property
    def text(self) -> str:
        return self.templates[self.code].format(**self.params)


@dataclass(frozen=True)
class Exclusion(EstimateWarning):
    """Why a budget line does not count towards a scheme's base."""

    templates: ClassVar[Mapping[str, str]] = LINE_EXCLUSIONS
