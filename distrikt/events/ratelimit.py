"""Per-address rate limit on the registration endpoint, counted in Django's cache."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def is_rate_limited(request: HttpRequest, scope: str = "registration") -> bool:
    """Count one attempt from this address; True when it is over the limit in the window.

    EVENT_REGISTRATION_RATE_LIMIT attempts per EVENT_REGISTRATION_RATE_WINDOW seconds;
    a limit of 0 switches the check off.
    """
    limit = getattr(settings, "EVENT_REGISTRATION_RATE_LIMIT", 10)
    window = getattr(settings, "EVENT_REGISTRATION_RATE_WINDOW", 600)
    if not limit:
        return False
    key = f"events:ratelimit:{scope}:{client_address(request)}"
    if cache.add(key, 1, window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        return False
    return count > limit
