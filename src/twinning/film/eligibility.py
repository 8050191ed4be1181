"""Whether a production meets a scheme's conditions: one reason per condition, met or not."""

from __future__ import annotations

from collections.abc import Callable

from twinning.film.messages import Param, Reason
from twinning.film.rates import to_cents
from twinning.film.rulebook import Condition, ConditionCode
from twinning.film.workings import Workings

ConditionCheck = Callable[[Condition, Workings], Reason | None]


def reasons(workings: Workings) -> list[Reason]:
    """Every condition's outcome, so a user sees all that is missing at once."""
    production, rule = workings.production, workings.rule
    found = [
        Reason(
            "rule-in-force",
            rule.provenance.valid_from <= production.shoot_start,
            {"shoot_start": production.shoot_start, "valid_from": rule.provenance.valid_from},
        ),
        Reason(
            "format",
            rule.rate_for(production.format) is not None,
            {"format": str(production.format)},
        ),
    ]
    for condition in rule.conditions:
        if condition.applies_to(production.format):
            _use_condition(workings, condition)
            reason = CHECKS[condition.code](condition, workings)
            if reason is not None:
                found.append(reason)
    minimum = _minimum_spend(workings)
    return found if minimum is None else [*found, minimum]


def _use_condition(workings: Workings, condition: Condition) -> None:
    name = f"condition '{condition.code}'"
    if condition.value is None:
        workings.use_part(name, condition.provenance)
    else:
        workings.use(name, condition.value, condition.provenance)


def _minimum_spend(workings: Workings) -> Reason | None:
    minimum = workings.minimum_spend
    if minimum is None:
        return None
    base, currency = workings.base, workings.currency
    if base < minimum:
        workings.warn(
            "below-minimum-spend", currency=currency, shortfall=minimum - base, minimum=minimum
        )
    return Reason(
        "minimum-spend", base >= minimum, {"currency": currency, "base": base, "minimum": minimum}
    )


def _flag(attribute: str) -> ConditionCheck:
    def check(condition: Condition, workings: Workings) -> Reason:
        return Reason(condition.code, getattr(workings.production.applicant, attribute))

    return check


def _writer_or_director(condition: Condition, workings: Workings) -> Reason:
    applicant = workings.production.applicant
    return Reason(
        condition.code, applicant.uk_writer_or_director or applicant.official_coproduction
    )


def _min_local_core_share(condition: Condition, workings: Workings) -> Reason:
    minimum = condition.value or 0
    total = workings.total_core
    share = workings.local_core / total if total else 0
    return Reason(
        condition.code,
        share >= minimum,
        {"place": str(workings.rule.base.spent_in), "share": share, "minimum": minimum},
    )


def _min_core_per_hour(condition: Condition, workings: Workings) -> Reason | None:
    hours = workings.production.hours
    if not hours:
        workings.warn("hours-missing")
        return None
    minimum = condition.value or 0
    per_hour = to_cents(workings.total_core / hours)
    params: dict[str, Param] = {
        "currency": workings.currency,
        "per_hour": per_hour,
        "minimum": minimum,
    }
    return Reason(condition.code, per_hour >= minimum, params)


def _max_total_core(condition: Condition, workings: Workings) -> Reason:
    maximum = condition.value or 0
    total = workings.total_core
    params: dict[str, Param] = {"currency": workings.currency, "total": total, "maximum": maximum}
    return Reason(condition.code, total <= maximum, params)


CHECKS: dict[ConditionCode, ConditionCheck] = {
    ConditionCode.FOREIGN_LEGAL_ENTITY: _flag("foreign_legal_entity"),
    ConditionCode.UK_CERTIFIED: _flag("uk_certified"),
    ConditionCode.UK_WRITER_OR_DIRECTOR: _writer_or_director,
    ConditionCode.MIN_LOCAL_CORE_SHARE: _min_local_core_share,
    ConditionCode.MIN_CORE_PER_HOUR: _min_core_per_hour,
    ConditionCode.MAX_TOTAL_CORE: _max_total_core,
}
