"""Translated wording for the estimator's reason, warning and exclusion codes, and audit actions.

``messages.py`` holds the English reference wording for the command line; these are the same
templates marked for translation, so that pages show them in the reader's language. Placeholders
keep the estimator's format specs (``{amount:,}``, ``{rate:.0%}``); ``render`` fills them with
numbers and dates written the reader's way.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import formats, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from twinning.film.models import ProductionFormat, SpentIn

# Wording whose noun agrees with a number among the parameters: a function of the parameters
# that picks the plural form (ngettext), since a lazy string cannot know the number in advance.
Counted = Callable[[Mapping[str, Any]], str]
Wording = Promise | str | Counted


def _stale_exchange_rate(params: Mapping[str, Any]) -> str:
    return ngettext(
        "The {base}/{quote} exchange rate is dated {date}, {days} day before the estimate.",
        "The {base}/{quote} exchange rate is dated {date}, {days} days before the estimate.",
        params["days"],
    )


# code: (text when the condition is met, text when it is not)
REASONS: dict[str, tuple[Promise, Promise]] = {
    "rule-in-force": (
        _("Shooting starts on {shoot_start}, on or after the scheme took effect on {valid_from}."),
        _("Shooting starts on {shoot_start}, before the scheme took effect on {valid_from}."),
    ),
    "format": (
        _("The format '{format}' is eligible."),
        _("The format '{format}' is not eligible for this scheme."),
    ),
    "foreign-legal-entity": (
        _("The applicant is a foreign legal entity."),
        _("The applicant must be a foreign legal entity (or its branch or representative office)."),
    ),
    "uk-certified": (
        _("The production has British certification."),
        _("British certification (BFI cultural test or official co-production) is required."),
    ),
    "uk-writer-or-director": (
        _("The production has a UK writer or director, or is an official co-production."),
        _("A UK writer or director, or official co-production status, is required."),
    ),
    "min-local-core-share": (
        _(
            "Core expenditure in {place} is {share:.1%} of total core expenditure (at least "
            "{minimum:.0%} required)."
        ),
        _(
            "Core expenditure in {place} is {share:.1%} of total core expenditure; at least "
            "{minimum:.0%} is required."
        ),
    ),
    "min-core-per-hour": (
        _(
            "Core expenditure per hour is {currency} {per_hour:,} (at least {currency} "
            "{minimum:,})."
        ),
        _(
            "Core expenditure per hour is {currency} {per_hour:,}; at least {currency} "
            "{minimum:,} is required."
        ),
    ),
    "max-total-core": (
        _(
            "Total core expenditure of {currency} {total:,} is within the {currency} "
            "{maximum:,} limit."
        ),
        _(
            "Total core expenditure of {currency} {total:,} is above the {currency} {maximum:,} "
            "limit."
        ),
    ),
    "minimum-spend": (
        _(
            "Qualifying expenditure of {currency} {base:,} reaches the minimum of {currency} "
            "{minimum:,}."
        ),
        _(
            "Qualifying expenditure of {currency} {base:,} is below the minimum of {currency} "
            "{minimum:,}."
        ),
    ),
}

WARNINGS: dict[str, Wording] = {
    "rule-expired": _(
        "The rule was valid until {valid_to}, before shooting starts on {shoot_start}; the "
        "estimate assumes it still applies."
    ),
    "rule-expires-during-shoot": _(
        "The rule is valid until {valid_to}, before shooting ends on {shoot_end}; spending after "
        "that date may not qualify."
    ),
    "rule-changes-during-shoot": _(
        "A new version of the rule takes effect on {valid_from}, during the shoot; the estimate "
        "uses the version in force when shooting starts."
    ),
    "figure-not-valid": _(
        "The {figure} figure is dated {valid_from} to {valid_to}, which does not cover the shoot "
        "start on {shoot_start}."
    ),
    "unconfirmed-figure": _("The {figure} figure ({value}) is unconfirmed. {note}"),
    "unconfirmed-rule-part": _("The {figure} rule is unconfirmed. {note}"),
    "mci-missing-for-year": _("No MCI is recorded for {year}; the {used_year} value is used."),
    "below-minimum-spend": _(
        "Qualifying expenditure is {currency} {shortfall:,} short of the minimum spend of "
        "{currency} {minimum:,}."
    ),
    "cap-reached": _("The amount of {currency} {uncapped:,} is capped at {currency} {cap:,}."),
    "core-share-limit-applies": _(
        "The base is limited to {share:.0%} of total core expenditure ({currency} {limit:,}), "
        "below the {place} core expenditure of {currency} {local_core:,}."
    ),
    "core-lines-exceed-total": _(
        "Core budget lines add up to {currency} {lines:,}, more than the total core expenditure "
        "of {currency} {total:,}."
    ),
    "hours-missing": _(
        "Give the production's hours to check the minimum core expenditure per hour."
    ),
    "unconfirmed-exchange-rate": _(
        "The {base}/{quote} exchange rate of {rate} dated {date} is unconfirmed. {note}"
    ),
    "stale-exchange-rate": _stale_exchange_rate,
    "rate-is-maximum": _(
        "The rate is a maximum ('up to'); the amount paid is decided by the administering body."
    ),
    "credit-taxable": _(
        "The credit is taxable: at a corporation tax rate of {corporation_tax_rate:.0%} its net "
        "value is about {net_rate:.1%} of qualifying expenditure."
    ),
    "alternative-to": _("This credit is claimed instead of {scheme}, not in addition to it."),
    "claims-from": _("Claims can be made from {date}."),
}

EXCLUSIONS: dict[str, Promise] = {
    "spent-elsewhere": _("Not spent in {place}."),
    "not-paid-to-resident": _("Not paid to a resident."),
    "not-core": _("Not core expenditure."),
}

# The bundled schemes' names; a scheme an operator adds shows the name in its rule.
SCHEMES: dict[str, Promise] = {
    "kz-rebate": _("Kazakhstan rebate for foreign productions"),
    "uk-avec": _("UK Audio-Visual Expenditure Credit"),
    "uk-iftc": _("UK Independent Film Tax Credit"),
}

ACTIONS: dict[str, Promise] = {
    "film_application.create": _("Draft created"),
    "film_application.update": _("Application changed"),
    "film_application.submit": _("Submitted"),
    "film_application.under_review": _("Review started"),
    "film_application.changes_requested": _("Changes requested"),
    "film_application.approved": _("Approved"),
    "film_application.rejected": _("Rejected"),
    "film_application.paid": _("Marked as paid"),
    "film_application.document_add": _("Document uploaded"),
    "film_application.document_remove": _("Document removed"),
}


class LocalFormatter(string.Formatter):
    """Numbers, percentages and dates written the active language's way."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            if format_spec.endswith("%"):
                places = int(format_spec.strip(".%") or 0)
                return f"{formats.number_format(Decimal(value) * 100, places)}%"
            if format_spec == ",":
                return formats.number_format(value, force_grouping=True)
        if isinstance(value, date):
            return formats.date_format(value, "DATE_FORMAT")
        return super().format_field(value, format_spec)


# Parameters that hold a code the reader should see as a word in their language.
WORDS: dict[str, Any] = {"place": SpentIn, "format": ProductionFormat}

# The estimator names the figures and rule parts it used in English ("condition 'uk-certified'",
# "rate for animation", "MCI 2025"); warnings name them in the reader's language.
FIGURES: dict[str, Promise] = {
    "scheme": _("scheme"),
    "qualifying expenditure": _("qualifying expenditure"),
    "core share limit": _("core share limit"),
    "minimum spend": _("minimum spend"),
    "cap": _("cap"),
}
PARTS: dict[str, Promise] = {
    "foreign-legal-entity": _("foreign legal entity"),
    "uk-certified": _("British certification"),
    "uk-writer-or-director": _("UK writer or director"),
    "min-local-core-share": _("minimum local share of core expenditure"),
    "min-core-per-hour": _("minimum core expenditure per hour"),
    "max-total-core": _("maximum total core expenditure"),
    "credit-taxable": _("taxable credit"),
    "rate-is-maximum": _("maximum rate"),
    "alternative-to": _("alternative scheme"),
    "claims-from": _("claims start date"),
}
_NAMED = re.compile(r"^(?P<kind>condition|notice) '(?P<code>[^']+)'$")


def figure_name(name: str) -> str:
    """An estimator's figure name in the reader's language (the name itself if unknown)."""
    if name in FIGURES:
        return str(FIGURES[name])
    if name.startswith("MCI "):
        return _("MCI {year}").format(year=name.removeprefix("MCI "))
    if name.startswith("rate for "):
        production_format = name.removeprefix("rate for ")
        return _("rate for {format}").format(format=_word("format", production_format))
    named = _NAMED.match(name)
    if named and named["code"] in PARTS:
        return str(PARTS[named["code"]])
    return name


def _word(key: str, value: Any) -> Any:
    if key == "scheme":
        return scheme_name(value, value)
    if key == "figure":
        return figure_name(value)
    choices = WORDS.get(key)
    return choices(value).label if choices and value in choices.values else value


def scheme_name(code: str, default: str) -> str:
    return str(SCHEMES.get(code, default))


def _text(template: Wording, params: Mapping[str, Any]) -> str:
    return template(params) if callable(template) else str(template)


def render(template: Wording, params: Mapping[str, Any]) -> str:
    words = {key: _word(key, value) for key, value in params.items()}
    try:
        return LocalFormatter().format(_text(template, params), **words)
    except (KeyError, IndexError, ValueError):
        # A translation with a mistyped placeholder must not break the page: use the English.
        with translation.override(None):
            english = _text(template, params)
        return LocalFormatter().format(english, **words)


def reason_text(code: str, met: bool, params: Mapping[str, Any]) -> str:
    met_text, unmet_text = REASONS[code]
    return render(met_text if met else unmet_text, params)


def warning_text(code: str, params: Mapping[str, Any]) -> str:
    return render(WARNINGS[code], params)


def warning_parts(code: str, params: Mapping[str, Any]) -> tuple[str, str]:
    """The warning in the reader's language, and apart from it the rule data's own note, which
    is written in English only: a page shows it marked as English instead of inside a Kazakh or
    Russian sentence. In English the note stays in the sentence and the second part is empty."""
    note = str(params.get("note") or "")
    if not note or translation.get_language() in (None, "en") or "note" not in params:
        return warning_text(code, params), ""
    return warning_text(code, {**params, "note": ""}).strip(), note


def exclusion_text(code: str, params: Mapping[str, Any]) -> str:
    return render(EXCLUSIONS[code], params)


def action_label(action: str) -> str:
    return str(ACTIONS.get(action, action))
