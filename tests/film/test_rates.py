from datetime import date
from decimal import Decimal

import pytest

from twinning.film.rates import ExchangeRate, MissingRate, RateTable, rate_table_from_data
from twinning.film.reader import FieldErrors

pytestmark = pytest.mark.unit

TABLE = RateTable(
    (
        ExchangeRate(date(2025, 1, 2), "GBP", "KZT", Decimal("600")),
        ExchangeRate(date(2025, 3, 3), "GBP", "KZT", Decimal("650")),
        ExchangeRate(date(2025, 9, 1), "GBP", "KZT", Decimal("700")),
        ExchangeRate(date(2025, 3, 3), "USD", "KZT", Decimal("500")),
    )
)


def test_the_latest_rate_on_or_before_the_estimate_date_is_used():
    conversion = TABLE.conversion("GBP", "KZT", date(2025, 8, 31))

    assert conversion.legs[0].rate.rate == Decimal("650")
    assert conversion.apply(Decimal(100)) == Decimal("65000.00")


def test_a_rate_dated_on_the_estimate_date_counts():
    assert TABLE.conversion("GBP", "KZT", date(2025, 9, 1)).apply(Decimal(1)) == Decimal("700.00")


def test_the_inverse_pair_divides():
    conversion = TABLE.conversion("KZT", "GBP", date(2025, 6, 1))

    assert conversion.legs[0].inverted
    assert conversion.apply(Decimal(1_000_000)) == Decimal("1538.46")


def test_an_unlisted_pair_goes_through_a_common_currency():
    conversion = TABLE.conversion("USD", "GBP", date(2025, 6, 1))

    assert [(leg.rate.base, leg.rate.quote, leg.inverted) for leg in conversion.legs] == [
        ("USD", "KZT", False),
        ("GBP", "KZT", True),
    ]
    assert conversion.apply(Decimal(150_000)) == Decimal("115384.62")  # 150,000 x 500 / 650


def test_no_rate_before_the_estimate_date_is_an_error():
    with pytest.raises(MissingRate, match="GBP to KZT dated on or before 2024-12-31"):
        TABLE.conversion("GBP", "KZT", date(2024, 12, 31))


def test_an_unknown_currency_is_an_error():
    with pytest.raises(MissingRate, match="CNY to KZT"):
        TABLE.conversion("CNY", "KZT", date(2025, 6, 1))


def test_same_currency_needs_no_rate():
    conversion = RateTable(()).conversion("KZT", "KZT", date(2025, 6, 1))

    assert conversion.legs == ()
    assert conversion.apply(Decimal("10.005")) == Decimal("10.01")


def test_rate_entries_are_validated_field_by_field():
    with pytest.raises(FieldErrors) as raised:
        rate_table_from_data([{"date": "2025-02-30", "base": "gbp", "quote": "KZT", "rate": 0}])

    assert [(error.field, error.message) for error in raised.value.errors] == [
        ("rates[0].date", 'must be a date written YYYY-MM-DD, not "2025-02-30"'),
        ("rates[0].base", 'must be a three-letter ISO 4217 code such as GBP, not "gbp"'),
        ("rates[0].rate", "must be greater than zero"),
    ]
