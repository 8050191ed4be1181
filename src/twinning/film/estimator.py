"""The rebate estimator: a production and its budget lines in, one estimate per scheme out.

Pure: no Django, no I/O. Rules are those in force when shooting starts; exchange rates are
the latest dated on or before the estimate date.

Rounding: every amount is money kept to 0.01 of its currency, halves rounded away from zero.
Each budget line is converted and rounded on its own, bases are exact sums of rounded lines,
and derived amounts (a share of core expenditure, a minimum spend, the estimated amount) are
rounded once when computed. A cap is applied to the rounded amount.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from twinning.film.eligibility import reasons
from twinning.film.messages import EstimateWarning, Param, Reason
from twinning.film.production import BudgetLine, Production
from twinning.film.rates import Conversion, ExchangeRate, RateTable, to_cents
from twinning.film.rulebook import Notice, Rule, RuleBook, Source
from twinning.film.workings import LineResult, UsedFigure, Workings

STALE_RATE_DAYS = 31  # older than a month: likely the table was not kept up to date


@dataclass(frozen=True)
class SchemeEstimate:
    scheme: str
    name: str
    jurisdiction: str
    currency: str
    eligible: bool
    reasons: tuple[Reason, ...]
    base: Decimal
    base_detail: dict[str, Decimal]
    rate: Decimal | None
    minimum_spend: Decimal | None
    cap: Decimal | None
    amount_if_eligible: Decimal
    amount: Decimal  # zero unless eligible
    warnings: tuple[EstimateWarning, ...]
    conversions: tuple[Conversion, ...]
    lines: tuple[LineResult, ...]
    rule: Rule
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Estimate:
    on: date
    production: Production
    schemes: tuple[SchemeEstimate, ...]

    def rates_used(self) -> list[ExchangeRate]:
        used = [
            leg.rate
            for scheme in self.schemes
            for conversion in scheme.conversions
            for leg in conversion.legs
        ]
        return list(dict.fromkeys(used))

    def scheme(self, code: str) -> SchemeEstimate:
        """The estimate for scheme ``code``; KeyError if the rules have no such scheme."""
        return {scheme.scheme: scheme for scheme in self.schemes}[code]


def estimate(
    production: Production,
    lines: Sequence[BudgetLine],
    rulebook: RuleBook,
    rates: RateTable,
    on: date,
) -> Estimate:
    """Estimate every scheme in ``rulebook``; raises MissingRate if a conversion is impossible."""
    schemes = tuple(
        _estimate_scheme(Workings(rule, production, lines, rulebook, rates, on))
        for rule in (_rule_for_shoot(rulebook, code, production) for code in rulebook.schemes())
    )
    return Estimate(on=on, production=production, schemes=schemes)


def _rule_for_shoot(rulebook: RuleBook, scheme: str, production: Production) -> Rule:
    """The version in force when shooting starts, or the first one if the shoot is earlier."""
    versions = rulebook.versions(scheme)
    started = [rule for rule in versions if rule.provenance.valid_from <= production.shoot_start]
    return started[-1] if started else versions[0]


def _estimate_scheme(workings: Workings) -> SchemeEstimate:
    rule = workings.rule
    # Its validity is checked against the shoot dates by _warn_validity, not per figure.
    workings.use_part("scheme", rule.provenance, check_validity=False)
    _warn_validity(workings)
    found = reasons(workings)
    eligible = all(reason.met for reason in found)
    rate = _rate(workings)
    amount = _amount(workings, rate)
    workings.check_base()
    _warn_notices(workings, rate)
    _warn_figures(workings)
    _warn_rates(workings)
    return SchemeEstimate(
        scheme=rule.scheme,
        name=rule.name,
        jurisdiction=rule.jurisdiction,
        currency=rule.currency,
        eligible=eligible,
        reasons=tuple(found),
        base=workings.base,
        base_detail=workings.base_detail,
        rate=rate,
        minimum_spend=workings.minimum_spend,
        cap=workings.cap,
        amount_if_eligible=amount,
        amount=amount if eligible else Decimal("0.00"),
        warnings=_unique(workings.warnings),
        conversions=tuple(c for c in workings.conversions.values() if c.legs),
        lines=workings.line_results,
        rule=rule,
        sources=_sources(workings),
    )


def _rate(workings: Workings) -> Decimal | None:
    production_format = workings.production.format
    found = workings.rule.rate_for(production_format)
    if found is None:
        return None
    return workings.use(f"rate for {production_format}", found.value, found.provenance)


def _amount(workings: Workings, rate: Decimal | None) -> Decimal:
    if rate is None:
        return Decimal("0.00")
    uncapped = to_cents(workings.base * rate)
    cap = workings.cap
    if cap is None or uncapped <= cap:
        return uncapped
    workings.warn("cap-reached", currency=workings.currency, uncapped=uncapped, cap=cap)
    return cap


def _warn_validity(workings: Workings) -> None:
    start, end = workings.production.shoot_start, workings.production.shoot_end
    valid_to = workings.rule.provenance.valid_to
    if valid_to is not None and valid_to < start:
        workings.warn("rule-expired", valid_to=valid_to, shoot_start=start)
    elif valid_to is not None and valid_to < end:
        workings.warn("rule-expires-during-shoot", valid_to=valid_to, shoot_end=end)
    for version in workings.rulebook.versions(workings.rule.scheme):
        if start < version.provenance.valid_from <= end:
            workings.warn("rule-changes-during-shoot", valid_from=version.provenance.valid_from)


def _warn_notices(workings: Workings, rate: Decimal | None) -> None:
    for notice in workings.rule.notices:
        if notice.code == "credit-taxable" and rate is None:
            continue  # no credit for this format, so nothing to tax
        workings.use_part(f"notice '{notice.code}'", notice.provenance)
        workings.warn(notice.code, **_notice_params(notice, rate))


def _notice_params(notice: Notice, rate: Decimal | None) -> dict[str, Param]:
    params = dict(notice.params)
    tax = params.get("corporation_tax_rate")
    if notice.code == "credit-taxable" and isinstance(tax, Decimal):
        params["net_rate"] = (rate or Decimal(0)) * (1 - tax)
    return params


def _warn_figures(workings: Workings) -> None:
    """Flag unconfirmed figures, and figures dated outside the shoot while the rule is not."""
    start = workings.production.shoot_start
    rule_covers_start = workings.rule.provenance.covers(start)
    for figure in dict.fromkeys(workings.figures):
        provenance = figure.provenance
        if provenance.unconfirmed:
            _warn_unconfirmed(workings, figure)
        if rule_covers_start and figure.check_validity and not provenance.covers(start):
            workings.warn(
                "figure-not-valid", figure=figure.name, valid_from=provenance.valid_from,
                valid_to=str(provenance.valid_to or "-"), shoot_start=start,
            )  # fmt: skip


def _warn_unconfirmed(workings: Workings, figure: UsedFigure) -> None:
    note = figure.provenance.note
    if figure.value is None:
        workings.warn("unconfirmed-rule-part", figure=figure.name, note=note)
    else:
        workings.warn("unconfirmed-figure", figure=figure.name, value=figure.value, note=note)


def _warn_rates(workings: Workings) -> None:
    for conversion in workings.conversions.values():
        for leg in conversion.legs:
            rate = leg.rate
            params: dict[str, Param] = {"base": rate.base, "quote": rate.quote, "date": rate.day}
            if rate.unconfirmed:
                workings.warn("unconfirmed-exchange-rate", rate=rate.rate, note=rate.note, **params)
            age = (workings.on - rate.day).days
            if age > STALE_RATE_DAYS:
                workings.warn("stale-exchange-rate", days=age, **params)


def _unique(warnings: list[EstimateWarning]) -> tuple[EstimateWarning, ...]:
    """Drop repeats (two rule parts can share a note), keeping first-seen order."""
    seen = {(warning.code, warning.text): warning for warning in reversed(warnings)}
    return tuple(reversed(seen.values()))


def _sources(workings: Workings) -> tuple[Source, ...]:
    keys = [figure.provenance.source for figure in workings.figures]
    return tuple(workings.rulebook.sources[key] for key in dict.fromkeys(keys))
