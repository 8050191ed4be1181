import copy
from datetime import date
from decimal import Decimal

import pytest

from tests.film.builders import (
    kz_line,
    rates,
    reason,
    scheme_estimate,
    shoot,
    uk_line,
    unmet,
    warning,
    warning_codes,
)
from twinning.film.data import read_data_file
from twinning.film.production import Applicant, Format, Place
from twinning.film.rulebook import RuleBook, rulebook_from_data

pytestmark = pytest.mark.unit

MINIMUM_2025 = Decimal("511160000.00")  # 130,000 x MCI 2025 (3,932)


def test_kz_rebate_is_30_percent_of_resident_spend_in_kazakhstan(rulebook):
    rebate = scheme_estimate(rulebook, "kz-rebate", [kz_line(600_000_000)])

    assert rebate.eligible
    assert (rebate.base, rebate.rate, rebate.amount) == (
        Decimal("600000000.00"), Decimal("0.30"), Decimal("180000000.00"),
    )  # fmt: skip
    assert rebate.currency == "KZT"
    assert rebate.minimum_spend == MINIMUM_2025


def test_below_minimum_spend_is_not_eligible_and_says_by_how_much(rulebook):
    rebate = scheme_estimate(rulebook, "kz-rebate", [kz_line(400_000_000)])

    assert not rebate.eligible
    assert unmet(rebate) == ["minimum-spend"]
    assert rebate.amount == Decimal("0.00")
    assert rebate.amount_if_eligible == Decimal("120000000.00")
    shortfall = warning(rebate, "below-minimum-spend")
    assert shortfall.params["shortfall"] == Decimal("111160000.00")
    assert "KZT 111,160,000.00 short" in shortfall.text


def test_minimum_spend_met_exactly_is_eligible(rulebook):
    rebate = scheme_estimate(rulebook, "kz-rebate", [kz_line(511_160_000)])

    assert rebate.eligible
    assert "below-minimum-spend" not in warning_codes(rebate)


def test_only_qualifying_lines_count_and_each_other_line_says_why(rulebook):
    lines = [
        kz_line(500_000_000),
        kz_line(90_000_000, paid_to_resident=False),
        kz_line(70_000_000, core=False),  # the rebate does not use the core flag
        kz_line(40_000_000, spent_in=Place.OTHER),
        uk_line(100_000),
    ]
    rebate = scheme_estimate(rulebook, "kz-rebate", lines)

    assert rebate.base == Decimal("570000000.00")
    assert [line.qualifying for line in rebate.lines] == [True, False, True, False, False]
    exclusions = [line.exclusion.code if line.exclusion else None for line in rebate.lines]
    assert exclusions == [None, "not-paid-to-resident", None, "spent-elsewhere", "spent-elsewhere"]
    assert rebate.amount == Decimal("171000000.00")


def test_uk_credits_count_only_core_spend_in_the_uk(rulebook):
    lines = [uk_line(2_000_000), uk_line(500_000, core=False), kz_line(650_000_000)]
    avec = scheme_estimate(rulebook, "uk-avec", lines)

    assert avec.base == Decimal("2000000.00")
    assert avec.lines[1].exclusion is not None and avec.lines[1].exclusion.code == "not-core"
    assert avec.amount == Decimal("680000.00")


def test_avec_base_is_limited_to_80_percent_of_total_core_expenditure(rulebook):
    avec = scheme_estimate(
        rulebook, "uk-avec", [uk_line(9_000_000)], total_core_expenditure=Decimal(10_000_000)
    )

    assert avec.base_detail == {
        "local_core": Decimal("9000000.00"),
        "total_core": Decimal("10000000.00"),
        "core_limit": Decimal("8000000.00"),
    }
    assert avec.base == Decimal("8000000.00")
    assert avec.amount == Decimal("2720000.00")
    assert warning(avec, "core-share-limit-applies").params["limit"] == Decimal("8000000.00")


def test_avec_base_is_uk_core_spend_when_below_the_80_percent_limit(rulebook):
    avec = scheme_estimate(rulebook, "uk-avec", [uk_line(3_000_000)])

    assert avec.base == Decimal("3000000.00")
    assert "core-share-limit-applies" not in warning_codes(avec)


@pytest.mark.parametrize(
    ("production_format", "rate"),
    [
        (Format.ANIMATION, "0.39"),
        (Format.CHILDRENS, "0.39"),
        (Format.FEATURE, "0.34"),
        (Format.DOCUMENTARY, "0.34"),
    ],
)
def test_avec_rate_by_format(rulebook, production_format, rate):
    avec = scheme_estimate(rulebook, "uk-avec", [uk_line(1_000_000)], format=production_format)

    assert avec.rate == Decimal(rate)
    assert avec.amount == Decimal(1_000_000) * Decimal(rate)


def test_avec_requires_a_tenth_of_core_spend_in_the_uk(rulebook):
    avec = scheme_estimate(rulebook, "uk-avec", [uk_line(999_999)])

    assert not avec.eligible
    assert unmet(avec) == ["min-local-core-share"]
    assert reason(avec, "min-local-core-share").params["share"] == Decimal("0.0999999")


def test_series_needs_a_million_pounds_of_core_spend_per_hour(rulebook):
    cheap = scheme_estimate(
        rulebook, "uk-avec", [uk_line(5_000_000)], format=Format.SERIES, hours=Decimal(12)
    )
    rich = scheme_estimate(
        rulebook, "uk-avec", [uk_line(5_000_000)], format=Format.SERIES, hours=Decimal(10)
    )

    assert unmet(cheap) == ["min-core-per-hour"]
    assert reason(cheap, "min-core-per-hour").params["per_hour"] == Decimal("833333.33")
    assert rich.eligible


def test_series_without_hours_is_estimated_with_a_warning(rulebook):
    avec = scheme_estimate(rulebook, "uk-avec", [uk_line(5_000_000)], format=Format.SERIES)

    assert avec.eligible
    assert "hours-missing" in warning_codes(avec)
    assert "min-core-per-hour" not in [found.code for found in avec.reasons]


def test_iftc_credit_is_capped(rulebook):
    iftc = scheme_estimate(
        rulebook, "uk-iftc", [uk_line(18_000_000)], total_core_expenditure=Decimal(20_000_000)
    )

    assert iftc.eligible
    assert iftc.base == Decimal("16000000.00")
    assert iftc.amount == Decimal("6360000.00")
    cap = warning(iftc, "cap-reached")
    assert (cap.params["uncapped"], cap.params["cap"]) == (Decimal("8480000.00"), Decimal(6360000))


def test_iftc_below_the_cap_is_53_percent(rulebook):
    iftc = scheme_estimate(rulebook, "uk-iftc", [uk_line(5_000_000)])

    assert iftc.amount == Decimal("2650000.00")
    assert "cap-reached" not in warning_codes(iftc)
    assert warning(iftc, "credit-taxable").params["net_rate"] == Decimal("0.3975")


def test_iftc_is_closed_to_films_above_23_5_million(rulebook):
    iftc = scheme_estimate(
        rulebook, "uk-iftc", [uk_line(20_000_000)], total_core_expenditure=Decimal(23_500_001)
    )

    assert unmet(iftc) == ["max-total-core"]
    assert iftc.amount == Decimal("0.00")


def test_iftc_excludes_series_and_needs_a_uk_writer_or_director(rulebook):
    applicant = Applicant(foreign_legal_entity=True, uk_certified=True, uk_writer_or_director=False)
    iftc = scheme_estimate(
        rulebook, "uk-iftc", [uk_line(5_000_000)], format=Format.SERIES, applicant=applicant
    )

    assert unmet(iftc) == ["format", "uk-writer-or-director"]
    assert iftc.rate is None
    assert "credit-taxable" not in warning_codes(iftc)


def test_official_coproduction_stands_in_for_a_uk_writer_or_director(rulebook):
    applicant = Applicant(True, True, uk_writer_or_director=False, official_coproduction=True)
    iftc = scheme_estimate(rulebook, "uk-iftc", [uk_line(5_000_000)], applicant=applicant)

    assert iftc.eligible


def test_every_unmet_reason_is_listed(rulebook):
    nobody = Applicant(foreign_legal_entity=False, uk_certified=False, uk_writer_or_director=False)
    schemes = {
        code: scheme_estimate(rulebook, code, [kz_line(1_000)], applicant=nobody)
        for code in ("kz-rebate", "uk-avec", "uk-iftc")
    }

    assert unmet(schemes["kz-rebate"]) == ["foreign-legal-entity", "minimum-spend"]
    assert unmet(schemes["uk-avec"]) == ["uk-certified", "min-local-core-share"]
    assert unmet(schemes["uk-iftc"]) == [
        "uk-certified", "uk-writer-or-director", "min-local-core-share",
    ]  # fmt: skip
    met = [found.code for found in schemes["kz-rebate"].reasons if found.met]
    assert met == ["rule-in-force", "format"]


def test_rule_expired_on_the_shoot_date_is_applied_with_a_warning(rulebook):
    rebate = scheme_estimate(
        rulebook, "kz-rebate", [kz_line(600_000_000)], **shoot("2026-03-01", "2026-05-01")
    )

    expired = warning(rebate, "rule-expired")
    assert expired.params["valid_to"] == date(2025, 12, 31)
    assert "2025-12-31" in expired.text
    assert rebate.eligible
    assert rebate.amount == Decimal("180000000.00")


def test_rule_expiring_during_the_shoot_is_flagged(rulebook):
    rebate = scheme_estimate(
        rulebook, "kz-rebate", [kz_line(600_000_000)], **shoot("2025-11-01", "2026-02-01")
    )

    assert "rule-expires-during-shoot" in warning_codes(rebate)
    assert "rule-expired" not in warning_codes(rebate)


def test_shoot_before_a_scheme_started_is_not_eligible(rulebook):
    iftc = scheme_estimate(
        rulebook, "uk-iftc", [uk_line(5_000_000)], **shoot("2024-03-01", "2024-05-01")
    )

    assert unmet(iftc) == ["rule-in-force"]
    assert reason(iftc, "rule-in-force").params["valid_from"] == date(2024, 4, 1)


def test_year_without_an_mci_uses_the_latest_earlier_year(rulebook):
    rebate = scheme_estimate(
        rulebook, "kz-rebate", [kz_line(600_000_000)], **shoot("2022-06-01", "2022-07-01")
    )

    assert warning(rebate, "mci-missing-for-year").params == {"year": 2022, "used_year": 2020}
    assert rebate.minimum_spend == Decimal("344630000.00")


def test_unconfirmed_figures_are_flagged(rulebook):
    rebate = scheme_estimate(rulebook, "kz-rebate", [kz_line(600_000_000)], format=Format.ANIMATION)

    flagged = [w.params["figure"] for w in rebate.warnings if w.code == "unconfirmed-figure"]
    assert flagged == ["MCI 2025", "rate for animation"]
    assert rebate.eligible


def test_confirmed_figures_are_not_flagged(rulebook):
    rebate = scheme_estimate(
        rulebook, "kz-rebate", [kz_line(600_000_000)], **shoot("2020-06-01", "2020-07-01")
    )

    assert rebate.minimum_spend == Decimal("344630000.00")  # 130,000 x 2,651
    assert "unconfirmed-figure" not in warning_codes(rebate)


def test_core_lines_above_the_stated_total_are_flagged(rulebook):
    avec = scheme_estimate(
        rulebook, "uk-avec", [uk_line(900_000), uk_line(200_000)],
        total_core_expenditure=Decimal(1_000_000),
    )  # fmt: skip

    assert warning(avec, "core-lines-exceed-total").params["lines"] == Decimal("1100000.00")


def test_each_scheme_reports_its_sources_and_rule_dates(rulebook):
    avec = scheme_estimate(rulebook, "uk-avec", [uk_line(1_000_000)])

    assert [source.key for source in avec.sources] == ["uk-avec-guidance"]
    assert avec.rule.provenance.checked_on == date(2026, 11, 29)
    assert avec.rule.provenance.valid_from == date(2024, 1, 1)


def test_lines_in_other_currencies_are_converted_to_the_schemes_currency(rulebook):
    lines = [kz_line(1_000_000, currency="USD"), uk_line(1_300_000_000, currency="KZT")]
    rebate = scheme_estimate(rulebook, "kz-rebate", lines)
    avec = scheme_estimate(rulebook, "uk-avec", lines)

    assert rebate.base == Decimal("500000000.00")  # USD 1m x 500
    assert avec.base == Decimal("2000000.00")  # KZT 1.3bn / 650
    assert [(c.from_currency, c.to_currency) for c in rebate.conversions] == [("USD", "KZT")]
    assert avec.conversions[0].legs[0].inverted


def test_amounts_are_rounded_half_up_to_cents(rulebook):
    lines = [uk_line(1, currency="KZT")]
    avec = scheme_estimate(rulebook, "uk-avec", lines, table=rates(("GBP", "KZT", "8")))

    assert avec.lines[0].amount == Decimal("0.13")  # 0.125: half-even would give 0.12


def _with_extension(rate: str) -> RuleBook:
    """The bundled rules plus a later version of the Kazakh rebate, from 2026-01-01."""
    rules_data = copy.deepcopy(read_data_file("incentive_rules.json"))
    extension = copy.deepcopy(rules_data["rules"][0])
    extension.update(valid_from="2026-01-01", valid_to=None)
    extension["rates"][0]["value"] = rate
    for part in [extension["base"], *extension["rates"], extension["minimum_spend"]]:
        part.update(valid_from="2026-01-01", valid_to=None)
    rules_data["rules"].append(extension)
    return rulebook_from_data(rules_data, read_data_file("mci.json"))


def test_the_version_in_force_when_shooting_starts_is_applied():
    rulebook = _with_extension("0.25")
    lines = [kz_line(600_000_000)]

    before = scheme_estimate(rulebook, "kz-rebate", lines, **shoot("2025-06-01", "2025-08-01"))
    after = scheme_estimate(rulebook, "kz-rebate", lines, **shoot("2026-06-01", "2026-08-01"))

    assert (before.rate, after.rate) == (Decimal("0.30"), Decimal("0.25"))
    assert "rule-expired" not in warning_codes(after)


def test_a_new_version_starting_during_the_shoot_is_flagged():
    rulebook = _with_extension("0.25")

    rebate = scheme_estimate(
        rulebook, "kz-rebate", [kz_line(600_000_000)], **shoot("2025-11-01", "2026-02-01")
    )

    assert rebate.rate == Decimal("0.30")
    changed = warning(rebate, "rule-changes-during-shoot")
    assert changed.params["valid_from"] == date(2026, 1, 1)


def test_a_figure_dated_outside_the_shoot_is_flagged():
    rules_data = copy.deepcopy(read_data_file("incentive_rules.json"))
    rules_data["rules"][1]["rates"][0]["valid_to"] = "2024-12-31"  # AVEC's 34%, in this test only
    rulebook = rulebook_from_data(rules_data, read_data_file("mci.json"))

    avec = scheme_estimate(rulebook, "uk-avec", [uk_line(1_000_000)])

    stale = warning(avec, "figure-not-valid")
    assert stale.params["figure"] == "rate for feature"
    assert stale.params["valid_to"] == "2024-12-31"


def test_an_unconfirmed_scheme_is_flagged_as_a_whole():
    rules_data = copy.deepcopy(read_data_file("incentive_rules.json"))
    rules_data["rules"][2]["unconfirmed"] = True
    rulebook = rulebook_from_data(rules_data, read_data_file("mci.json"))

    iftc = scheme_estimate(rulebook, "uk-iftc", [uk_line(1_000_000)])

    assert warning(iftc, "unconfirmed-rule-part").params["figure"] == "scheme"
