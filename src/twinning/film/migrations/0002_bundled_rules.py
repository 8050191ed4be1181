"""Fill the incentive rules, the MCI table and the starting exchange rates from film/data.

The files are validated by the same reader the estimator uses before anything is written. The
splitting of a rule into columns and ``parameters`` is written out here, not imported, so that
this migration keeps doing what it did when the models change.
"""

from django.db import migrations

from twinning.film.data import read_data_file
from twinning.film.rates import load_bundled_rates
from twinning.film.rulebook import load_bundled_rulebook

PROVENANCE = ("checked_on", "valid_from", "valid_to", "unconfirmed", "note")
PARAMETER_PARTS = ("rates", "caps", "conditions", "notices")


def rule_row(item):
    base = dict(item["base"])
    minimum = dict(item["minimum_spend"] or {})
    parameters = {
        "base": {key: value for key, value in base.items() if key != "kind"},
        "minimum_spend": {
            key: value for key, value in minimum.items() if key not in {"kind", "value"}
        }
        or None,
        **{part: item.get(part, []) for part in PARAMETER_PARTS},
    }
    return {
        "scheme": item["scheme"],
        "name": item["name"],
        "jurisdiction": item["jurisdiction"],
        "currency": item["currency"],
        **{key: item.get(key) for key in PROVENANCE},
        "note": item.get("note", ""),
        "base_kind": base["kind"],
        "minimum_spend_kind": minimum.get("kind", ""),
        "minimum_spend_value": minimum.get("value"),
        "parameters": parameters,
    }


def load(apps, schema_editor):
    load_bundled_rulebook()  # raises, naming the field, if a data file is malformed
    load_bundled_rates()
    Source = apps.get_model("film", "IncentiveSource")
    Rule = apps.get_model("film", "IncentiveRule")
    Mci = apps.get_model("film", "MciValue")
    Rate = apps.get_model("film", "ExchangeRate")
    rules_data = read_data_file("incentive_rules.json")
    sources = {
        key: Source.objects.create(key=key, title=item["title"], url=item.get("url") or "")
        for key, item in rules_data["sources"].items()
    }
    for item in rules_data["rules"]:
        row = rule_row(item)
        Rule.objects.create(source=sources[item["source"]], **row)
    for item in read_data_file("mci.json")["mci"]:
        fields = {key: item.get(key) for key in PROVENANCE}
        fields["note"] = item.get("note", "")
        Mci.objects.create(
            year=item["year"], value=item["value"], source=sources[item["source"]], **fields
        )
    for item in read_data_file("exchange_rates.json")["rates"]:
        Rate.objects.create(
            date=item["date"], base=item["base"], quote=item["quote"], rate=item["rate"],
            source=item.get("source", ""), unconfirmed=item.get("unconfirmed", False),
            note=item.get("note", ""),
        )  # fmt: skip


def unload(apps, schema_editor):
    for name in ("ExchangeRate", "MciValue", "IncentiveRule", "IncentiveSource"):
        apps.get_model("film", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("film", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
