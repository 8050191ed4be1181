import copy
from datetime import date
from decimal import Decimal

import pytest

from twinning.film.production import Format, Place
from twinning.film.reader import FieldErrors
from twinning.film.request import parse_request

pytestmark = pytest.mark.unit

ISSUE_EXAMPLE = {
    "production": {
        "title": "Steppe Light", "format": "feature", "currency": "GBP",
        "shoot_start": "2025-06-01", "shoot_end": "2025-08-15",
        "applicant": {
            "foreign_legal_entity": True, "uk_certified": True, "uk_writer_or_director": False,
        },
        "total_core_expenditure": 30000000,
    },
    "lines": [
        {"category": "crew", "amount": 400000000, "currency": "KZT", "spent_in": "KZ",
         "paid_to_resident": True, "core": True},
    ],
}  # fmt: skip


def _example(**changes):
    document = copy.deepcopy(ISSUE_EXAMPLE)
    for path, value in changes.items():
        *parents, key = path.split("__")
        target = document
        for parent in parents:
            target = target[int(parent)] if parent.isdigit() else target[parent]
        if value is None:
            del target[key]
        else:
            target[key] = value
    return document


def _errors(document):
    with pytest.raises(FieldErrors) as raised:
        parse_request(document)
    return [(error.field, error.message) for error in raised.value.errors]


def test_the_issue_example_reads_into_a_production_and_lines():
    request = parse_request(ISSUE_EXAMPLE)

    production = request.production
    assert (production.format, production.shoot_start) == (Format.FEATURE, date(2025, 6, 1))
    assert production.total_core_expenditure == Decimal(30_000_000)
    assert not production.applicant.official_coproduction
    assert request.lines[0].spent_in is Place.KZ
    assert request.rates is None


def test_amounts_may_be_decimal_strings_or_floats_and_stay_exact():
    as_string = parse_request(_example(lines__0__amount="1234.56"))
    as_float = parse_request(_example(lines__0__amount=1234.56))

    assert as_string.lines[0].amount == as_float.lines[0].amount == Decimal("1234.56")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"production__format": "film"}, [(
            "production.format",
            'must be one of feature, series, documentary, animation, childrens, not "film"',
        )]),
        ({"lines__0__amount": -5}, [("lines[0].amount", "must not be negative")]),
        ({"lines__0__amount": "1e999999"}, [
            ("lines[0].amount", "must have at most 15 digits before the point"),
        ]),
        ({"lines__0__amount": "NaN"}, [
            ("lines[0].amount", 'must be a number (or a string holding one), not "NaN"'),
        ]),
        ({"lines__0__amount": True}, [
            ("lines[0].amount", "must be a number (or a string holding one), not true"),
        ]),
        ({"lines__0__spent_in": "kz"}, [
            ("lines[0].spent_in", 'must be one of KZ, UK, other, not "kz"'),
        ]),
        ({"lines__0__core": "yes"}, [("lines[0].core", "must be true or false")]),
        ({"lines__0__paid_to_resident": None}, [("lines[0].paid_to_resident", "is required")]),
        ({"lines__0__currency": "tenge"}, [(
            "lines[0].currency", 'must be a three-letter ISO 4217 code such as GBP, not "tenge"',
        )]),
        ({"lines__0__paid_to_resedent": True}, [
            ("lines[0].paid_to_resedent", "is not a known field"),
        ]),
        ({"production__shoot_start": "01/06/2025"}, [(
            "production.shoot_start", 'must be a date written YYYY-MM-DD, not "01/06/2025"',
        )]),
        ({"production__shoot_end": "2025-05-31"}, [
            ("production.shoot_end", "must not be before shoot_start (2025-06-01)"),
        ]),
        ({"production__total_core_expenditure": 0}, [
            ("production.total_core_expenditure", "must be greater than zero"),
        ]),
        ({"production__applicant": None}, [("production.applicant", "is required")]),
        ({"production__applicant": "UK"}, [("production.applicant", "must be an object")]),
        ({"production__hours": "many"}, [
            ("production.hours", 'must be a number (or a string holding one), not "many"'),
        ]),
        ({"lines": {"category": "crew"}}, [("lines", "must be a list")]),
        ({"production": None}, [("production", "is required")]),
        ({"exchange_rates": [{"date": "2025-05-30", "base": "GBP", "quote": "KZT"}]}, [
            ("exchange_rates[0].rate", "is required"),
        ]),
    ],
)  # fmt: skip
def test_malformed_input_names_the_field(changes, expected):
    assert _errors(_example(**changes)) == expected


def test_every_error_is_reported_at_once():
    errors = _errors(_example(production__title=None, lines__0__amount="x", lines__0__core=1))

    assert [field for field, _ in errors] == [
        "production.title",
        "lines[0].amount",
        "lines[0].core",
    ]


def test_input_that_is_not_an_object_is_rejected():
    assert _errors([ISSUE_EXAMPLE]) == [("", "the input must be a JSON object")]
