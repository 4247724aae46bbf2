"""Validators that more than one app needs: Norwegian organisation numbers.

The check digit rule (modulus 11 over the first eight digits) is python-stdnum's
`stdnum.no.orgnr`; here are only the messages a user can act on.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdnum.no import orgnr

# The weights of the modulus-11 check digit, for factories that make valid demo numbers.
ORGANISATION_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def normalise_organisation_number(value: str) -> str:
    """Drop the spaces and punctuation people type between the digit groups ("999 888 777")."""
    return orgnr.compact(str(value))


def is_valid_organisation_number(value: str) -> bool:
    """True when the value is nine digits and the last one is the right check digit."""
    return orgnr.is_valid(normalise_organisation_number(value))


def validate_organisation_number(value: str) -> None:
    """Model and form validator with a message the user can act on.

    Django runs no validator on an empty optional field, so an empty value here is an error.
    """
    digits = normalise_organisation_number(value)
    if len(digits) != 9 or not (digits.isascii() and digits.isdigit()):
        raise ValidationError(_("Organisasjonsnummeret må ha nøyaktig ni siffer."), code="length")
    if not orgnr.is_valid(digits):
        raise ValidationError(
            _(
                "Organisasjonsnummeret er ikkje gyldig: kontrollsifferet stemmer ikkje. Sjekk at du har skrive det rett."
            ),
            code="checksum",
        )
