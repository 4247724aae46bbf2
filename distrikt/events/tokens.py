"""Signed personal links to one registration: the salt and the payload bind them to it."""

from django.core import signing
from django.utils.crypto import constant_time_compare

from .models import Registration

SALT_PREFIX = "distrikt.events.registration"


def _salt(registration_id: int) -> str:
    return f"{SALT_PREFIX}:{registration_id}"


def make_token(registration: Registration) -> str:
    """A token that opens this registration only, until its secret is changed."""
    return signing.dumps(
        {"r": registration.pk, "s": registration.secret},
        salt=_salt(registration.pk),
        compress=True,
    )


def registration_for_token(registration_id: int, token: str) -> Registration | None:
    """The registration the token was made for, or None if it is forged, altered or stale."""
    try:
        payload = signing.loads(token, salt=_salt(registration_id))
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("r") != registration_id:
        return None
    registration = (
        Registration.objects.select_related("event", "municipality")
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or not constant_time_compare(str(payload.get("s", "")), registration.secret):
        return None
    return registration
