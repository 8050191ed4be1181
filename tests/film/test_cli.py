import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.film.test_request import ISSUE_EXAMPLE
from twinning.film.cli import run
from twinning.film.reader import FieldErrors

pytestmark = pytest.mark.unit

DOCS = Path(__file__).resolve().parents[2] / "docs" / "film.md"
EXAMPLE = re.compile(r"<!-- example-input: (\S+) date=(\S+) -->\s*```json\n(.*?)```", re.DOTALL)


def _docs_examples():
    found = EXAMPLE.findall(DOCS.read_text(encoding="utf-8"))
    return {name: (json.loads(text), date.fromisoformat(day)) for name, day, text in found}


def _run_example(name):
    document, day = _docs_examples()[name]
    result = run(document, day)
    return {scheme["scheme"]: scheme for scheme in result["schemes"]}


def _figures(scheme):
    return (scheme["eligible"], scheme["base"], scheme["rate"], scheme["amount"])


def _unmet(scheme):
    return [reason["code"] for reason in scheme["reasons"] if not reason["met"]]


def _warnings(scheme):
    return [warning["code"] for warning in scheme["warnings"]]


def test_the_docs_hold_the_three_worked_examples():
    assert sorted(_docs_examples()) == ["animation", "coproduction", "kz-feature"]


def test_worked_example_kz_only_feature():
    schemes = _run_example("kz-feature")

    rebate = schemes["kz-rebate"]
    assert _figures(rebate) == (True, "705000000.00", "0.30", "211500000.00")
    assert rebate["minimum_spend"] == "511160000.00"
    assert [line["amount"] for line in rebate["lines"]] == [
        "450000000.00", "180000000.00", None, "75000000.00", None, None,
    ]  # fmt: skip
    assert _warnings(rebate) == ["rate-is-maximum", "unconfirmed-figure"]
    avec, iftc = schemes["uk-avec"], schemes["uk-iftc"]
    assert _figures(avec) == (False, "250000.00", "0.34", "0.00")
    assert avec["amount_if_eligible"] == "85000.00"
    assert avec["base_detail"]["core_limit"] == "1360000.00"
    assert _unmet(avec) == ["uk-certified"]
    assert _figures(iftc) == (False, "250000.00", "0.53", "0.00")
    assert iftc["amount_if_eligible"] == "132500.00"
    assert _unmet(iftc) == ["uk-certified", "uk-writer-or-director"]


def test_worked_example_kz_only_feature_converts_usd_directly_and_through_kzt():
    schemes = _run_example("kz-feature")

    (usd_to_kzt,) = schemes["kz-rebate"]["conversions"]
    assert (usd_to_kzt["from"], usd_to_kzt["to"], usd_to_kzt["legs"][0]["rate"]) == (
        "USD", "KZT", "500",
    )  # fmt: skip
    usd_to_gbp = next(c for c in schemes["uk-avec"]["conversions"] if c["from"] == "USD")
    assert [(leg["base"], leg["inverted"]) for leg in usd_to_gbp["legs"]] == [
        ("USD", False), ("GBP", True),
    ]  # fmt: skip


def test_worked_example_coproduction_with_the_80_percent_limit():
    schemes = _run_example("coproduction")

    assert _figures(schemes["kz-rebate"]) == (True, "1040000000.00", "0.30", "312000000.00")
    avec = schemes["uk-avec"]
    assert _figures(avec) == (True, "8000000.00", "0.34", "2720000.00")
    assert avec["base_detail"] == {
        "local_core": "8300000.00", "total_core": "10000000.00", "core_limit": "8000000.00",
    }  # fmt: skip
    assert "core-share-limit-applies" in _warnings(avec)
    assert "core-lines-exceed-total" not in _warnings(avec)
    iftc = schemes["uk-iftc"]
    assert _figures(iftc) == (True, "8000000.00", "0.53", "4240000.00")
    assert iftc["cap"] == "6360000"
    assert "cap-reached" not in _warnings(iftc)


def test_worked_example_animation():
    schemes = _run_example("animation")

    assert _figures(schemes["uk-avec"]) == (True, "2000000.00", "0.39", "780000.00")
    iftc = schemes["uk-iftc"]
    assert _figures(iftc) == (False, "2000000.00", "0.53", "0.00")
    assert iftc["amount_if_eligible"] == "1060000.00"
    rebate = schemes["kz-rebate"]
    assert _figures(rebate) == (True, "1300000000.00", "0.30", "390000000.00")
    flagged = [
        w["params"]["figure"] for w in rebate["warnings"] if w["code"] == "unconfirmed-figure"
    ]
    assert flagged == ["MCI 2025", "rate for animation"]


def test_the_issue_example_is_below_the_minimum_spend():
    result = run(ISSUE_EXAMPLE, date(2025, 6, 1))

    rebate = result["schemes"][0]
    assert _figures(rebate) == (False, "400000000.00", "0.30", "0.00")
    assert rebate["amount_if_eligible"] == "120000000.00"
    shortfall = next(w for w in rebate["warnings"] if w["code"] == "below-minimum-spend")
    assert shortfall["params"]["shortfall"] == "111160000.00"
    assert _unmet(result["schemes"][2]) == [
        "uk-writer-or-director", "max-total-core", "min-local-core-share",
    ]  # fmt: skip


def test_the_output_has_every_documented_field_and_is_plain_json():
    result = run(ISSUE_EXAMPLE, date(2026, 11, 29))

    assert json.loads(json.dumps(result)) == result
    assert set(result) == {"estimate_date", "production", "schemes", "exchange_rates"}
    assert set(result["schemes"][0]) == {
        "scheme", "name", "jurisdiction", "eligible", "reasons", "base", "base_detail", "rate",
        "minimum_spend", "cap", "amount", "amount_if_eligible", "currency", "warnings",
        "conversions", "lines", "rule", "sources",
    }  # fmt: skip
    assert [s["currency"] for s in result["schemes"]] == ["KZT", "GBP", "GBP"]
    assert result["schemes"][0]["sources"][0]["url"].startswith("https://")


def test_the_operators_starting_rates_are_flagged_as_unconfirmed():
    result = run(ISSUE_EXAMPLE, date(2025, 6, 1))

    avec = result["schemes"][1]
    assert result["exchange_rates"][0]["rate"] == "655.00"
    assert "unconfirmed-exchange-rate" in _warnings(avec)
    assert "stale-exchange-rate" in _warnings(avec)


def test_a_currency_without_a_rate_is_reported_as_an_input_error():
    document = {**ISSUE_EXAMPLE, "exchange_rates": []}

    with pytest.raises(FieldErrors) as raised:
        run(document, date(2025, 6, 1))

    (error,) = raised.value.errors
    assert error.field == "exchange_rates"
    assert "KZT to GBP" in error.message


def test_amounts_in_the_output_are_exact_decimal_strings():
    document = json.loads(json.dumps(ISSUE_EXAMPLE))
    document["lines"][0]["amount"] = "600000000.10"

    rebate = run(document, date(2025, 6, 1))["schemes"][0]

    assert Decimal(rebate["amount"]) == Decimal("180000000.03")
