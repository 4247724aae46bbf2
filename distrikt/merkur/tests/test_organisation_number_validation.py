"""Organisation numbers: nine digits with a modulus-11 check digit."""

from django.core.exceptions import ValidationError

import pytest

from distrikt.merkur.factories import valid_organisation_number
from distrikt.merkur.validators import (
    is_valid_organisation_number,
    validate_organisation_number,
)


@pytest.mark.parametrize("number", ["974760673", "923609016", "974 760 673"])
def test_published_organisation_numbers_are_valid(number):
    # 974760673 is Brønnøysundregistra themselves; 923609016 is Equinor ASA.
    assert is_valid_organisation_number(number)


@pytest.mark.parametrize("number", ["974760672", "923609015", "123456789"])
def test_a_wrong_check_digit_is_rejected(number):
    assert not is_valid_organisation_number(number)
    with pytest.raises(ValidationError) as error:
        validate_organisation_number(number)
    assert error.value.code == "checksum"


@pytest.mark.parametrize("number", ["97476067", "9747606731", "97476067X", ""])
def test_numbers_that_are_not_nine_digits_are_rejected(number):
    with pytest.raises(ValidationError) as error:
        validate_organisation_number(number)
    assert error.value.code == "length"


def test_a_base_with_remainder_one_has_no_valid_check_digit():
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    base = next(
        str(candidate)
        for candidate in range(10_000_000, 10_001_000)
        if sum(int(d) * w for d, w in zip(str(candidate), weights, strict=True)) % 11 == 1
    )
    assert not any(is_valid_organisation_number(base + str(digit)) for digit in range(10))


def test_the_factory_numbers_pass_the_validator():
    for sequence in range(50):
        validate_organisation_number(valid_organisation_number(sequence))


@pytest.mark.parametrize("value", ["97408843³", "①②③④⑤⑥⑦⑧⑨"])
def test_digits_that_are_not_ascii_are_not_a_number(value):
    with pytest.raises(ValidationError) as raised:
        validate_organisation_number(value)
    assert raised.value.code == "length"
