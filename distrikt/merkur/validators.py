"""Validation of Norwegian organisation numbers (Brønnøysundregistera, modulus 11)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORGANISATION_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def normalise_organisation_number(value: str) -> str:
    """Drop the spaces people type between the digit groups ("999 888 777")."""
    return "".join(str(value).split())


def is_valid_organisation_number(value: str) -> bool:
    """True when the value is nine digits and the last one is the modulus-11 check digit."""
    digits = normalise_organisation_number(value)
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:8], ORGANISATION_NUMBER_WEIGHTS, strict=True)
    )
    remainder = total % 11
    if remainder == 1:
        return False
    check_digit = 0 if remainder == 0 else 11 - remainder
    return check_digit == int(digits[8])


def validate_organisation_number(value: str) -> None:
    """Model and form validator with a message the user can act on."""
    digits = normalise_organisation_number(value)
    if len(digits) != 9 or not digits.isdigit():
        raise ValidationError(_("Organisasjonsnummeret må ha nøyaktig ni siffer."), code="length")
    if not is_valid_organisation_number(digits):
        raise ValidationError(
            _(
                "Organisasjonsnummeret er ikkje gyldig: kontrollsifferet stemmer ikkje. Sjekk at du har skrive det rett."
            ),
            code="checksum",
        )
