"""A dated exchange-rate table and currency conversion with exact, recorded rates.

Entries read "1 ``base`` = ``rate`` ``quote`` on ``date``", as central banks publish them.
A conversion uses, per currency pair, the latest entry dated on or before the estimate
date: directly, inverted, or through one common currency when the pair is not listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from twinning.film.data import read_data_file
from twinning.film.reader import Reader

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def to_cents(amount: Decimal) -> Decimal:
    """Money is kept to 0.01 of its currency, rounding halves away from zero."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ExchangeRate:
    day: date
    base: str
    quote: str
    rate: Decimal
    source: str = ""
    unconfirmed: bool = False
    note: str = ""


@dataclass(frozen=True)
class Leg:
    rate: ExchangeRate
    inverted: bool  # True: divide by the rate (quote -> base)


@dataclass(frozen=True)
class Conversion:
    """How one currency was turned into another: the entries used, in order."""

    from_currency: str
    to_currency: str
    legs: tuple[Leg, ...]

    def apply(self, amount: Decimal) -> Decimal:
        """Exact product of the legs with a single division, then rounded to cents."""
        numerator, denominator = amount, Decimal(1)
        for leg in self.legs:
            if leg.inverted:
                denominator *= leg.rate.rate
            else:
                numerator *= leg.rate.rate
        return to_cents(numerator / denominator)


class MissingRate(LookupError):
    def __init__(self, from_currency: str, to_currency: str, on: date) -> None:
        self.from_currency, self.to_currency, self.on = from_currency, to_currency, on
        super().__init__(
            f"no exchange rate from {from_currency} to {to_currency} dated on or before {on}"
        )


@dataclass(frozen=True)
class RateTable:
    rates: tuple[ExchangeRate, ...]

    def conversion(self, from_currency: str, to_currency: str, on: date) -> Conversion:
        """The conversion to use on ``on``; raises MissingRate if the table cannot provide it."""
        if from_currency == to_currency:
            return Conversion(from_currency, to_currency, ())
        direct = self._leg(from_currency, to_currency, on)
        if direct is not None:
            return Conversion(from_currency, to_currency, (direct,))
        for middle in sorted(self._currencies() - {from_currency, to_currency}):
            first = self._leg(from_currency, middle, on)
            second = self._leg(middle, to_currency, on)
            if first is not None and second is not None:
                return Conversion(from_currency, to_currency, (first, second))
        raise MissingRate(from_currency, to_currency, on)

    def _leg(self, from_currency: str, to_currency: str, on: date) -> Leg | None:
        forward = self._latest(from_currency, to_currency, on)
        backward = self._latest(to_currency, from_currency, on)
        if forward is None and backward is None:
            return None
        # Both directions listed: the more recent entry wins; on a tie, the one written forward.
        if backward is None or (forward is not None and forward.day >= backward.day):
            return Leg(forward, inverted=False)  # type: ignore[arg-type]
        return Leg(backward, inverted=True)

    def _latest(self, base: str, quote: str, on: date) -> ExchangeRate | None:
        dated = [r for r in self.rates if r.base == base and r.quote == quote and r.day <= on]
        return max(dated, key=lambda rate: rate.day, default=None)

    def _currencies(self) -> set[str]:
        return {currency for rate in self.rates for currency in (rate.base, rate.quote)}


def rate_table_from_data(items: Iterable[Any], path: str = "rates") -> RateTable:
    """Read exchange-rate entries; raise FieldErrors naming every bad field."""
    reader = Reader()
    rates = tuple(read_rate(reader, item, f"{path}[{index}]") for index, item in enumerate(items))
    reader.check()
    return RateTable(rates)


def read_rate(reader: Reader, item: Any, path: str) -> ExchangeRate:
    fields = reader.obj(
        item, path, {"date", "base", "quote", "rate", "source", "unconfirmed", "note"}
    )
    return ExchangeRate(
        day=reader.day(fields, "date", path) or date.min,
        base=reader.currency(fields, "base", path),
        quote=reader.currency(fields, "quote", path),
        rate=reader.amount(fields, "rate", path, positive=True),
        source=reader.text(fields, "source", path, required=False),
        unconfirmed=reader.boolean(fields, "unconfirmed", path, default=False),
        note=reader.text(fields, "note", path, required=False),
    )


def load_bundled_rates() -> RateTable:
    """The starting table shipped in ``film/data`` (operators maintain it in the database later)."""
    reader = Reader()
    top = reader.obj(
        read_data_file("exchange_rates.json"), "", {"format_version", "about", "rates"}
    )
    reader.check()
    return rate_table_from_data(reader.items(top, "rates", ""))
