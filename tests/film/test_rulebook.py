import copy
from datetime import date
from decimal import Decimal

import pytest

from twinning.film.data import read_data_file
from twinning.film.production import Format
from twinning.film.rates import load_bundled_rates
from twinning.film.reader import FieldErrors
from twinning.film.rulebook import rulebook_from_data

pytestmark = pytest.mark.unit

CHECKED_ON = date(2026, 11, 29)


def _provenances(rulebook):
    for rule in rulebook.rules:
        parts = [rule.base, *rule.rates, *rule.caps, *rule.conditions, *rule.notices]
        if rule.minimum_spend is not None:
            parts.append(rule.minimum_spend)
        yield rule.provenance
        yield from (part.provenance for part in parts)
    yield from (entry.provenance for entry in rulebook.mci)


def test_the_bundled_rules_cover_the_three_schemes(rulebook):
    assert rulebook.schemes() == ["kz-rebate", "uk-avec", "uk-iftc"]
    assert [rule.currency for rule in rulebook.rules] == ["KZT", "GBP", "GBP"]


def test_every_figure_is_sourced_and_checked(rulebook):
    provenances = list(_provenances(rulebook))

    assert len(provenances) > 20
    assert all(provenance.source in rulebook.sources for provenance in provenances)
    assert {provenance.checked_on for provenance in provenances} == {CHECKED_ON}


def test_the_kazakh_rebate_figures_match_the_sources(rulebook):
    (rule,) = rulebook.versions("kz-rebate")

    assert rule.provenance.valid_to == date(2025, 12, 31)
    assert rule.minimum_spend is not None and rule.minimum_spend.value == Decimal(130_000)
    feature, animation = rule.rate_for(Format.FEATURE), rule.rate_for(Format.ANIMATION)
    assert feature is not None and animation is not None
    assert (feature.value, feature.provenance.unconfirmed) == (Decimal("0.30"), False)
    assert animation.provenance.unconfirmed


def test_the_mci_table_marks_2024_and_2025_unconfirmed(rulebook):
    table = {entry.year: (entry.value, entry.provenance.unconfirmed) for entry in rulebook.mci}

    assert table == {
        2020: (Decimal(2651), False),
        2024: (Decimal(3692), True),
        2025: (Decimal(3932), True),
    }


def test_the_starting_exchange_rates_are_marked_unconfirmed():
    table = load_bundled_rates()

    assert table.rates
    assert all(rate.unconfirmed and rate.source for rate in table.rates)


def _errors(rules_data, mci_data):
    with pytest.raises(FieldErrors) as raised:
        rulebook_from_data(rules_data, mci_data)
    return [str(error) for error in raised.value.errors]


def test_a_rule_naming_an_unknown_source_is_rejected():
    rules_data = copy.deepcopy(read_data_file("incentive_rules.json"))
    rules_data["rules"][1]["rates"][0]["source"] = "hearsay"

    assert _errors(rules_data, read_data_file("mci.json")) == [
        "rules[1]: names unknown source 'hearsay'"
    ]


def test_malformed_rule_fields_are_named():
    rules_data = copy.deepcopy(read_data_file("incentive_rules.json"))
    rules_data["rules"][0]["conditions"][0]["code"] = "be-nice"
    rules_data["rules"][2]["caps"][0]["value"] = "lots"
    rules_data["rules"][2]["notices"][2]["params"] = {"corporation_tax_rate": 0.25}
    del rules_data["rules"][1]["checked_on"]

    assert _errors(rules_data, read_data_file("mci.json")) == [
        "rules[0].conditions[0].code: must be one of foreign-legal-entity, uk-certified, "
        "uk-writer-or-director, min-local-core-share, min-core-per-hour, max-total-core, "
        'not "be-nice"',
        "rules[1].checked_on: is required",
        'rules[2].caps[0].value: must be a number (or a string holding one), not "lots"',
        "rules[2].notices[2].params: must be an object whose values are strings",
    ]


def test_a_minimum_in_mci_needs_an_mci_table():
    errors = _errors(read_data_file("incentive_rules.json"), {"mci": []})

    assert errors == ["mci: must list at least one year: a rule states its minimum spend in MCI"]
