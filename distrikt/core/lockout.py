"""The page a visitor sees when django-axes refuses a login after too many failures."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

LOCKOUT_STATUS = 429


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """Render the lockout page in the site's look, with status 429 and never cached."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    response = render(request, "core/login_locked_out.html", {"minutes": minutes}, status=LOCKOUT_STATUS)
    add_never_cache_headers(response)
    response["Retry-After"] = str(minutes * 60)
    return response
