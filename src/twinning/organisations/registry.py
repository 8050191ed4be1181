"""Registry identifiers: UK Companies House numbers and Kazakh BIN/IIN. Pure, no Django models."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

UK_COMPANY_NUMBER = re.compile(r"^(\d{8}|[A-Z]{2}\d{6})$")
UK_PREFIXES = {
    "SC", "NI", "OC", "SO", "NC", "R0", "LP", "SL", "NL", "FC", "SF", "NF", "GE", "IP", "SP",
    "NP", "RC", "SR", "NR", "IC", "SI", "NO", "RS", "SA", "ZC", "SE", "CE", "CS", "PC", "NA",
}  # fmt: skip
KZ_WEIGHTS_FIRST = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
KZ_WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def kz_check_digit(first_eleven: str) -> int | None:
    """The official BIN/IIN control digit, or None where the algorithm yields no valid digit."""
    digits = [int(d) for d in first_eleven]
    for weights in (KZ_WEIGHTS_FIRST, KZ_WEIGHTS_SECOND):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def normalise(identifier: str) -> str:
    return re.sub(r"[\s-]", "", identifier).upper()


def validate_uk_company_number(value: str) -> str:
    number = normalise(value)
    if not UK_COMPANY_NUMBER.match(number):
        raise ValidationError(
            _(
                "A UK company number has 8 characters: 8 digits, or a two-letter prefix such "
                "as SC, NI or OC followed by 6 digits."
            ),
            code="uk_format",
        )
    if number[:2].isalpha() and number[:2] not in UK_PREFIXES:
        raise ValidationError(
            _("“%(prefix)s” is not a Companies House prefix.") % {"prefix": number[:2]},
            code="uk_prefix",
        )
    return number


def validate_kz_bin(value: str) -> str:
    number = normalise(value)
    if not re.fullmatch(r"\d{12}", number):
        raise ValidationError(_("A BIN or IIN has exactly 12 digits."), code="kz_format")
    expected = kz_check_digit(number[:11])
    if expected is None or expected != int(number[11]):
        raise ValidationError(
            _("This BIN/IIN has a wrong check digit: please check the number."),
            code="kz_check_digit",
        )
    return number


VALIDATORS = {"UK": validate_uk_company_number, "KZ": validate_kz_bin}


def validate_registry_id(value: str, side_code: str) -> str:
    """Normalised identifier for the side, or a ValidationError with a clear message."""
    if not value:
        return ""
    validator = VALIDATORS.get(side_code)
    return validator(value) if validator else normalise(value)


def make_kz_bin(first_eleven: str) -> str | None:
    """Complete eleven digits into a valid BIN, for demo data and tests."""
    digit = kz_check_digit(first_eleven)
    return None if digit is None else f"{first_eleven}{digit}"
