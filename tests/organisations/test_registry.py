import pytest
from django.core.exceptions import ValidationError

from twinning.organisations.registry import (
    kz_check_digit,
    make_kz_bin,
    validate_kz_bin,
    validate_registry_id,
    validate_uk_company_number,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("number", ["00445790", "SC123456", "ni 012345", "OC-300001"])
def test_uk_company_numbers_accepted_and_normalised(number):
    assert len(validate_uk_company_number(number)) == 8


@pytest.mark.parametrize("number", ["1234567", "123456789", "XX123456", "S1234567", "ABCDEFGH"])
def test_uk_company_numbers_refused(number):
    with pytest.raises(ValidationError):
        validate_uk_company_number(number)


def test_kz_bin_check_digit_first_weights():

    # A lone 1 in the first place weighs 1; a 2 in the last place weighs 2 x 11 = 22 = 0 mod 11.
    assert kz_check_digit("10000000000") == 1
    assert kz_check_digit("00000000002") == 22 % 11


def test_kz_bin_falls_back_to_second_weights_when_first_gives_ten():
    # Find an 11-digit prefix whose first pass yields 10, and check the second pass is used.
    for n in range(10**10, 10**10 + 5000):
        prefix = str(n)
        first = sum(int(d) * w for d, w in zip(prefix, range(1, 12), strict=True)) % 11
        if first == 10:
            weights = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
            second = sum(int(d) * w for d, w in zip(prefix, weights, strict=True)) % 11
            assert kz_check_digit(prefix) == (None if second == 10 else second)
            return
    pytest.fail("no prefix with a first-pass remainder of 10 in range")


def test_valid_bin_accepted():
    number = make_kz_bin("04084000123")
    assert number is not None
    assert validate_kz_bin(number) == number


def test_bin_with_wrong_check_digit_refused_with_clear_message():
    number = make_kz_bin("04084000123")
    assert number is not None
    wrong = number[:11] + str((int(number[11]) + 1) % 10)
    with pytest.raises(ValidationError) as error:
        validate_kz_bin(wrong)
    assert "check digit" in error.value.messages[0]


@pytest.mark.parametrize("number", ["12345", "1234567890123", "12345678901a"])
def test_bin_must_have_twelve_digits(number):
    with pytest.raises(ValidationError):
        validate_kz_bin(number)


def test_registry_id_validated_by_side():
    assert validate_registry_id("", "UK") == ""
    assert validate_registry_id("sc123456", "UK") == "SC123456"
    with pytest.raises(ValidationError):
        validate_registry_id("SC123456", "KZ")
