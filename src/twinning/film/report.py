"""An estimate as a JSON-ready document: money and rates as exact decimal strings, dates ISO."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from twinning.film.estimator import Estimate, SchemeEstimate
from twinning.film.messages import EstimateWarning, Exclusion, Param, Reason
from twinning.film.rates import Conversion, ExchangeRate
from twinning.film.rulebook import Provenance, Source
from twinning.film.workings import LineResult


def estimate_document(estimate: Estimate) -> dict[str, Any]:
    production = estimate.production
    return {
        "estimate_date": estimate.on.isoformat(),
        "production": {
            "title": production.title,
            "format": str(production.format),
            "currency": production.currency,
            "shoot_start": production.shoot_start.isoformat(),
            "shoot_end": production.shoot_end.isoformat(),
        },
        "schemes": [_scheme(scheme) for scheme in estimate.schemes],
        "exchange_rates": [_rate(rate) for rate in estimate.rates_used()],
    }


def _scheme(scheme: SchemeEstimate) -> dict[str, Any]:
    return {
        "scheme": scheme.scheme,
        "name": scheme.name,
        "jurisdiction": scheme.jurisdiction,
        "eligible": scheme.eligible,
        "reasons": [_reason(reason) for reason in scheme.reasons],
        "base": str(scheme.base),
        "base_detail": {key: str(value) for key, value in scheme.base_detail.items()},
        "rate": _optional(scheme.rate),
        "minimum_spend": _optional(scheme.minimum_spend),
        "cap": _optional(scheme.cap),
        "amount": str(scheme.amount),
        "amount_if_eligible": str(scheme.amount_if_eligible),
        "currency": scheme.currency,
        "warnings": [_warning(warning) for warning in scheme.warnings],
        "conversions": [_conversion(conversion) for conversion in scheme.conversions],
        "lines": [_line(line) for line in scheme.lines],
        "rule": _provenance(scheme.rule.provenance),
        "sources": [_source(source) for source in scheme.sources],
    }


def _reason(reason: Reason) -> dict[str, Any]:
    return {
        "code": reason.code,
        "met": reason.met,
        "params": _params(reason.params),
        "text": reason.text,
    }


def _warning(warning: EstimateWarning | Exclusion) -> dict[str, Any]:
    return {"code": warning.code, "params": _params(warning.params), "text": warning.text}


def _params(params: Mapping[str, Param]) -> dict[str, Any]:
    return {key: _param(value) for key, value in params.items()}


def _param(value: Param) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _conversion(conversion: Conversion) -> dict[str, Any]:
    return {
        "from": conversion.from_currency,
        "to": conversion.to_currency,
        "legs": [{**_rate(leg.rate), "inverted": leg.inverted} for leg in conversion.legs],
    }


def _rate(rate: ExchangeRate) -> dict[str, Any]:
    return {
        "date": rate.day.isoformat(),
        "base": rate.base,
        "quote": rate.quote,
        "rate": str(rate.rate),
        "source": rate.source,
        "unconfirmed": rate.unconfirmed,
    }


def _line(line: LineResult) -> dict[str, Any]:
    return {
        "index": line.index,
        "category": line.category,
        "qualifying": line.qualifying,
        "amount": _optional(line.amount),
        "excluded_because": None if line.exclusion is None else _warning(line.exclusion),
    }


def _provenance(provenance: Provenance) -> dict[str, Any]:
    return {
        "valid_from": provenance.valid_from.isoformat(),
        "valid_to": None if provenance.valid_to is None else provenance.valid_to.isoformat(),
        "checked_on": provenance.checked_on.isoformat(),
        "unconfirmed": provenance.unconfirmed,
        "note": provenance.note,
    }


def _source(source: Source) -> dict[str, Any]:
    return {"key": source.key, "title": source.title, "url": source.url}
