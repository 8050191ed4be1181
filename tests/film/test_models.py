import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from tests.film.builders import production, rates
from tests.film.test_cli import _docs_examples
from twinning.film.estimator import estimate
from twinning.film.models import ExchangeRate, IncentiveRule, IncentiveSource, MciValue
from twinning.film.rates import load_bundled_rates
from twinning.film.request import parse_request
from twinning.film.rulebook import load_bundled_rulebook
from twinning.film.selectors import rate_table_from_database, rulebook_from_database

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_data_migration_loaded_the_bundled_rules():
    assert list(IncentiveRule.objects.values_list("scheme", flat=True)) == [
        "kz-rebate", "uk-avec", "uk-iftc",
    ]  # fmt: skip
    rebate = IncentiveRule.objects.get(scheme="kz-rebate")
    assert (rebate.jurisdiction, rebate.currency, rebate.base_kind) == ("KZ", "KZT", "local-spend")
    assert (rebate.minimum_spend_kind, rebate.minimum_spend_value) == ("mci-multiple", 130000)
    assert rebate.valid_to == dt.date(2025, 12, 31)
    assert rebate.checked_on == dt.date(2026, 11, 29)
    assert rebate.source.key == "kz-subsidy-validity"
    assert [rate["value"] for rate in rebate.parameters["rates"]] == ["0.30", "0.30", "0.30"]
    assert list(MciValue.objects.values_list("year", "unconfirmed")) == [
        (2020, False), (2024, True), (2025, True),
    ]  # fmt: skip
    assert ExchangeRate.objects.filter(unconfirmed=True).count() == ExchangeRate.objects.count()


def test_the_rulebook_from_the_database_equals_the_bundled_one():
    assert rulebook_from_database() == load_bundled_rulebook()
    assert rate_table_from_database() == load_bundled_rates()


@pytest.mark.parametrize("name", ["kz-feature", "coproduction", "animation"])
def test_the_worked_examples_estimate_the_same_from_the_database(name):
    document, day = _docs_examples()[name]
    request = parse_request(document)
    table = request.rates or rates()

    production, lines = request.production, request.lines

    from_database = estimate(production, lines, rulebook_from_database(), table, day)
    bundled = estimate(production, lines, load_bundled_rulebook(), table, day)

    assert from_database == bundled
    assert from_database.scheme("kz-rebate").amount > 0


def test_estimates_with_the_stored_rates_match_the_bundled_rates():
    args = (production(), [], load_bundled_rulebook())
    on = dt.date(2025, 6, 1)
    assert estimate(*args, rate_table_from_database(), on) == estimate(
        *args, load_bundled_rates(), on
    )


def test_an_operator_edit_reaches_the_rulebook():
    MciValue.objects.filter(year=2025).update(value=Decimal("4000"), unconfirmed=False)

    entry = next(e for e in rulebook_from_database().mci if e.year == 2025)

    assert (entry.value, entry.provenance.unconfirmed) == (Decimal(4000), False)


def test_edits_are_kept_in_the_history():
    rule = IncentiveRule.objects.get(scheme="uk-avec")
    rule.note = "Re-checked."
    rule.save()

    assert rule.history.count() == 1  # the migration's rows have no history; the edit has
    assert rule.history.first().note == "Re-checked."


def _refused(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        ExchangeRate.objects.create(**fields)


def test_an_exchange_rate_is_unique_per_date_and_pair_and_positive():
    day = dt.date(2025, 1, 2)
    _refused(date=day, base="GBP", quote="KZT", rate=Decimal(600))
    _refused(date=day, base="GBP", quote="CNY", rate=Decimal(0))
    _refused(date=day, base="GBP", quote="GBP", rate=Decimal(1))
    ExchangeRate.objects.create(date=day, base="GBP", quote="CNY", rate=Decimal("9.1"))


def test_the_mci_year_is_unique():
    source = IncentiveSource.objects.get(key="kz-mci-budget-law")
    with pytest.raises(IntegrityError), transaction.atomic():
        MciValue.objects.create(
            year=2025, value=4000, source=source, checked_on=dt.date(2026, 1, 1),
            valid_from=dt.date(2025, 1, 1),
        )  # fmt: skip


def test_a_minimum_spend_needs_both_its_kind_and_a_positive_value():
    rule = IncentiveRule.objects.get(scheme="kz-rebate")
    rule.minimum_spend_value = None
    with pytest.raises(IntegrityError), transaction.atomic():
        rule.save()


def test_a_rule_may_not_end_before_it_starts():
    rule = IncentiveRule.objects.get(scheme="kz-rebate")
    rule.valid_to = dt.date(2018, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        rule.save()
