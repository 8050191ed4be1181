"""The arithmetic behind one scheme's estimate: conversions, budget lines, base, minimum, cap.

A ``Workings`` is built for one scheme and one rule version. It records every conversion and
every figure it uses, so the estimate can list the rates, sources and unconfirmed figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from twinning.film.messages import EstimateWarning, Exclusion
from twinning.film.production import BudgetLine, Production
from twinning.film.rates import ZERO, Conversion, RateTable, to_cents
from twinning.film.rulebook import Base, BaseKind, MciEntry, MinimumKind, Provenance, Rule, RuleBook


@dataclass(frozen=True)
class LineResult:
    index: int
    category: str
    amount: Decimal | None  # in the scheme's currency; None when the line did not need converting
    qualifying: bool
    exclusion: Exclusion | None


@dataclass(frozen=True)
class UsedFigure:
    """A figure the estimate relied on, named for the warning that flags it if unconfirmed."""

    name: str
    value: Decimal | None
    provenance: Provenance
    check_validity: bool = True  # False for figures chosen by date already (the year's MCI)


@dataclass
class Workings:
    rule: Rule
    production: Production
    lines: Sequence[BudgetLine]
    rulebook: RuleBook
    rates: RateTable
    on: date
    conversions: dict[str, Conversion] = field(default_factory=dict)
    warnings: list[EstimateWarning] = field(default_factory=list)
    figures: list[UsedFigure] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return self.rule.currency

    def warn(self, code: str, **params: Decimal | date | str | int) -> None:
        self.warnings.append(EstimateWarning(code, params))

    def use(
        self, name: str, value: Decimal, provenance: Provenance, *, check_validity: bool = True
    ) -> Decimal:
        self.figures.append(UsedFigure(name, value, provenance, check_validity))
        return value

    def use_part(self, name: str, provenance: Provenance, *, check_validity: bool = True) -> None:
        """Record a rule part that has no figure of its own (a condition, a notice)."""
        self.figures.append(UsedFigure(name, None, provenance, check_validity))

    def convert(self, amount: Decimal, currency: str) -> Decimal:
        if currency not in self.conversions:
            self.conversions[currency] = self.rates.conversion(currency, self.currency, self.on)
        return self.conversions[currency].apply(amount)

    @cached_property
    def line_results(self) -> tuple[LineResult, ...]:
        return tuple(self._line_result(index, line) for index, line in enumerate(self.lines))

    def _line_result(self, index: int, line: BudgetLine) -> LineResult:
        exclusion = _exclusion(self.rule.base, line)
        amount = None if exclusion else self.convert(line.amount, line.currency)
        return LineResult(index, line.category, amount, exclusion is None, exclusion)

    @cached_property
    def qualifying_spend(self) -> Decimal:
        return sum((r.amount for r in self.line_results if r.amount is not None), ZERO)

    @cached_property
    def total_core(self) -> Decimal:
        """The production's total core expenditure in the scheme's currency."""
        production = self.production
        return self.convert(production.total_core_expenditure, production.currency)

    @cached_property
    def local_core(self) -> Decimal:
        """Core expenditure in the scheme's place, whoever it was paid to."""
        local = [
            line for line in self.lines if line.core and line.spent_in == self.rule.base.spent_in
        ]
        return sum((self.convert(line.amount, line.currency) for line in local), ZERO)

    @cached_property
    def base(self) -> Decimal:
        base = self.rule.base
        if base.core_share_limit is None:
            self.use_part("qualifying expenditure", base.provenance)
        else:
            self.use("core share limit", base.core_share_limit, base.provenance)
        if base.kind is BaseKind.LOCAL_SPEND:
            return self.qualifying_spend
        return min(self.qualifying_spend, self.core_limit)

    @cached_property
    def core_limit(self) -> Decimal:
        share = self.rule.base.core_share_limit or Decimal(1)
        return to_cents(self.total_core * share)

    @property
    def base_detail(self) -> dict[str, Decimal]:
        if self.rule.base.kind is BaseKind.LOCAL_SPEND:
            return {"qualifying_spend": self.qualifying_spend}
        return {
            "local_core": self.qualifying_spend,
            "total_core": self.total_core,
            "core_limit": self.core_limit,
        }

    def check_base(self) -> None:
        """Warn where the stated core expenditure limits the base or disagrees with the lines."""
        if self.rule.base.kind is not BaseKind.LOCAL_CORE_CAPPED:
            return
        self._check_core_lines()
        if self.core_limit < self.qualifying_spend:
            self.warn(
                "core-share-limit-applies", share=self.rule.base.core_share_limit or Decimal(1),
                currency=self.currency, limit=self.core_limit, place=str(self.rule.base.spent_in),
                local_core=self.qualifying_spend,
            )  # fmt: skip

    def _check_core_lines(self) -> None:
        core = sum(
            (self.convert(line.amount, line.currency) for line in self.lines if line.core),
            ZERO,
        )
        if core > self.total_core:
            self.warn(
                "core-lines-exceed-total", currency=self.currency, lines=core, total=self.total_core
            )

    @cached_property
    def minimum_spend(self) -> Decimal | None:
        minimum = self.rule.minimum_spend
        if minimum is None:
            return None
        value = self.use("minimum spend", minimum.value, minimum.provenance)
        if minimum.kind is MinimumKind.AMOUNT:
            return value
        mci = self._mci()
        return to_cents(
            value * self.use(f"MCI {mci.year}", mci.value, mci.provenance, check_validity=False)
        )

    def _mci(self) -> MciEntry:
        """The MCI of the year shooting starts, else the nearest earlier (or the earliest) year."""
        start = self.production.shoot_start
        entries = sorted(self.rulebook.mci, key=lambda entry: entry.year)
        covering = [entry for entry in entries if entry.provenance.covers(start)]
        if covering:
            return covering[-1]
        earlier = [entry for entry in entries if entry.year < start.year]
        entry = earlier[-1] if earlier else entries[0]
        self.warn("mci-missing-for-year", year=start.year, used_year=entry.year)
        return entry

    @cached_property
    def cap(self) -> Decimal | None:
        caps = [self.use("cap", cap.value, cap.provenance) for cap in self.rule.caps]
        return min(caps, default=None)


def _exclusion(base: Base, line: BudgetLine) -> Exclusion | None:
    if line.spent_in != base.spent_in:
        return Exclusion("spent-elsewhere", {"place": str(base.spent_in)})
    if base.resident_only and not line.paid_to_resident:
        return Exclusion("not-paid-to-resident")
    if base.core_only and not line.core:
        return Exclusion("not-core")
    return None
