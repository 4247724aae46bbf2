"""Organisation numbers are checked by the one validator in core; migrations name it here."""

from distrikt.core.validators import (
    ORGANISATION_NUMBER_WEIGHTS,
    is_valid_organisation_number,
    normalise_organisation_number,
    validate_organisation_number,
)

__all__ = [
    "ORGANISATION_NUMBER_WEIGHTS",
    "is_valid_organisation_number",
    "normalise_organisation_number",
    "validate_organisation_number",
]
