"""Signed personal links to one registration: the salt and the payload bind them to it.

A link stops working EVENT_LINK_VALID_DAYS_AFTER days after the event has ended.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone
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


def link_valid_until(registration: Registration) -> datetime.datetime:
    days = getattr(settings, "EVENT_LINK_VALID_DAYS_AFTER", 30)
    return registration.event.end + datetime.timedelta(days=days)


def is_link_expired(registration: Registration, now: datetime.datetime | None = None) -> bool:
    """True when the event ended more than EVENT_LINK_VALID_DAYS_AFTER days ago."""
    return (now or timezone.now()) > link_valid_until(registration)
