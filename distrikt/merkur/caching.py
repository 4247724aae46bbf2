"""Anonymous responses of the public register pages, cached until any register changes.

The key carries the site-wide cache generation that every save of our models bumps (see
`distrikt.core.cache`), so a changed shop never shows stale. Visitors with a session (logged
in, or with a pending message) always get a fresh page.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from distrikt.core.cache import current_generation

DEFAULT_SECONDS = 600


def _is_anonymous_get(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def cache_public_response(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Serve anonymous GETs of a public view from the shared cache."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _is_anonymous_get(request):
            return view(request, *args, **kwargs)
        key = f"merkur:{current_generation()}:{get_language()}:{view.__name__}:{request.get_full_path()}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code == 200 and not response.cookies:
                cache.set(
                    key,
                    response,
                    getattr(settings, "MERKUR_PAGE_CACHE_SECONDS", DEFAULT_SECONDS),
                )
        return response

    return wrapped


def cached_data(name: str, compute: Callable[[], object]) -> object:
    """Computed public data (API answers), cached until any register changes."""
    key = f"merkur-data:{current_generation()}:{get_language()}:{name}"
    return cache.get_or_set(key, compute, getattr(settings, "MERKUR_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))
