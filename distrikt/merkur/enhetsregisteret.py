"""Client for Enhetsregisteret (Brønnøysundregistrene): pre-fill an application's enterprise.

GET {MERKUR_ENHETSREGISTERET_URL}{orgnr} answers the documented JSON of one "enhet"
(``organisasjonsnummer``, ``navn``, ``organisasjonsform``, ``forretningsadresse`` …), 404 for
a number never registered and 410 for a deleted enterprise. The lookup only helps the
merchant: offline, slow or odd answers give ``None`` and the form is filled in by hand.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings

import requests

from .validators import is_valid_organisation_number, normalise_organisation_number

logger = logging.getLogger(__name__)

ACCEPT = "application/json"


@dataclass(frozen=True)
class Enterprise:
    """The facts of one enterprise the application form uses."""

    organisation_number: str
    name: str
    organisation_form: str
    address: str
    postcode: str
    post_town: str
    municipality_number: str
    industry_code: str
    industry: str
    employees: int | None
    is_bankrupt: bool
    is_being_wound_up: bool
    is_deleted: bool = False


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse_enterprise(data: dict[str, Any]) -> Enterprise:
    """Read one "enhet" in the register's JSON format; unknown or missing fields are empty."""
    address = data.get("forretningsadresse") or data.get("postadresse") or {}
    form = data.get("organisasjonsform") or {}
    industry = data.get("naeringskode1") or {}
    lines = address.get("adresse") or []
    employees = data.get("antallAnsatte")
    return Enterprise(
        organisation_number=_text(data.get("organisasjonsnummer")),
        name=_text(data.get("navn")),
        organisation_form=_text(form.get("beskrivelse")),
        address=", ".join(_text(line) for line in lines if _text(line)),
        postcode=_text(address.get("postnummer")),
        post_town=_text(address.get("poststed")),
        municipality_number=_text(address.get("kommunenummer")),
        industry_code=_text(industry.get("kode")),
        industry=_text(industry.get("beskrivelse")),
        employees=employees if isinstance(employees, int) and not isinstance(employees, bool) else None,
        is_bankrupt=data.get("konkurs") is True,
        is_being_wound_up=data.get("underAvvikling") is True
        or data.get("underTvangsavviklingEllerTvangsopplosning") is True,
        is_deleted=bool(data.get("slettedato")),
    )


def fetch_enterprise(
    organisation_number: str, *, session: requests.Session | None = None
) -> Enterprise | None:
    """The enterprise, or None when the number is invalid, unknown, or the register cannot be reached."""
    number = normalise_organisation_number(organisation_number)
    base = getattr(settings, "MERKUR_ENHETSREGISTERET_URL", "")
    if not base or not is_valid_organisation_number(number):
        return None
    client = session or requests
    try:
        response = client.get(
            f"{base.rstrip('/')}/{number}",
            headers={"Accept": ACCEPT},
            timeout=settings.MERKUR_ENHETSREGISTERET_TIMEOUT,
        )
    except requests.RequestException as error:
        logger.info("Enhetsregisteret could not be reached for %s: %s", number, error)
        return None
    if response.status_code == 410:
        # Deleted: the body names the number and the deletion date.
        return Enterprise(number, "", "", "", "", "", "", "", "", None, False, False, is_deleted=True)
    if response.status_code != 200:
        return None
    try:
        data = response.json()
    except ValueError:
        logger.warning("Enhetsregisteret answered %s with something that is not JSON.", number)
        return None
    if not isinstance(data, dict) or _text(data.get("organisasjonsnummer")) != number:
        return None
    return parse_enterprise(data)
