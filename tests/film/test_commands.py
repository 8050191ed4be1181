import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.film.test_request import ISSUE_EXAMPLE
from twinning.film.models import ExchangeRate, IncentiveRule, MciValue

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _estimate(tmp_path, document=ISSUE_EXAMPLE):
    path = tmp_path / "steppe.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = StringIO()
    call_command("film_estimate", str(path), "--date", "2025-06-01", stdout=out)
    return {scheme["scheme"]: scheme for scheme in json.loads(out.getvalue())["schemes"]}


def test_the_command_uses_the_mci_operators_keep(tmp_path):
    assert _estimate(tmp_path)["kz-rebate"]["minimum_spend"] == "511160000.00"
    MciValue.objects.filter(year=2025).update(value=Decimal("3000"))
    assert _estimate(tmp_path)["kz-rebate"]["minimum_spend"] == "390000000.00"


def test_the_command_uses_the_exchange_rates_operators_keep(tmp_path):
    ExchangeRate.objects.create(
        date="2025-05-30", base="GBP", quote="KZT", rate=Decimal("600"), source="NBK"
    )
    avec = _estimate(tmp_path)["uk-avec"]
    legs = avec["conversions"][0]["legs"]
    assert [(leg["date"], leg["rate"], leg["source"]) for leg in legs] == [
        ("2025-05-30", "600", "NBK")
    ]


def test_a_rule_added_in_the_database_is_applied_from_its_date(tmp_path):
    rule = IncentiveRule.objects.get(scheme="kz-rebate")
    rule.pk, rule.valid_from, rule.valid_to = None, rule.valid_to.replace(day=30), None
    rule.save()  # a new version from 2025-12-30: the June 2025 shoot still uses the old one
    rebate = _estimate(tmp_path)["kz-rebate"]
    assert rebate["rule"]["valid_to"] == "2025-12-31"


def test_rules_broken_in_the_database_are_reported(tmp_path):
    IncentiveRule.objects.filter(scheme="uk-avec").update(parameters={"rates": "34%"})
    with pytest.raises(CommandError, match=r"rules\[1\]\.rates: must be a list"):
        _estimate(tmp_path)
