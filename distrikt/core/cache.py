"""Caching for anonymous readers, and Cache-Control helpers.

Whole responses of public pages are kept in the shared cache and served by
`AnonymousPageCacheMiddleware` before URL resolution, templates or the database are
touched. A page opts in by being a `BasePage` with `is_cacheable = True` (the
`before_serve_page` hook marks the request); a plain view opts in with
`@anonymous_page_cache`. Any publish or save of one of our models bumps a generation
counter, which makes every cached response stale at once. Each process re-reads the
counter at most once per `GENERATION_CHECK_SECONDS`.
"""

import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache-generation"
GENERATION_CHECK_SECONDS = 1.0
CACHEABLE_ATTRIBUTE = "_distrikt_page_cacheable"
BROWSER_MAX_AGE = 60

_local_generation: dict[str, float] = {"value": 0, "checked_at": 0.0}


def current_generation() -> int:
    now = time.monotonic()
    if now - _local_generation["checked_at"] < GENERATION_CHECK_SECONDS and _local_generation["value"]:
        return int(_local_generation["value"])
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    _local_generation.update(value=int(generation), checked_at=now)
    return int(generation)


def bump_generation() -> None:
    """Make every cached page stale at once (called when content changes)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)
    _local_generation.update(value=0, checked_at=0.0)


def response_cache_key(request: HttpRequest) -> str:
    return f"response:{current_generation()}:{request.get_full_path()}"


def is_anonymous_read(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def mark_cacheable(request: HttpRequest) -> None:
    setattr(request, CACHEABLE_ATTRIBUTE, True)


def anonymous_page_cache(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Let the page cache keep this view's public responses for anonymous readers."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if is_anonymous_read(request):
            mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapped


class AnonymousPageCacheMiddleware:
    """Serve stored responses to anonymous readers; store responses marked cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_read(request):
            return self.get_response(request)
        key = response_cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if getattr(request, CACHEABLE_ATTRIBUTE, False) and self._may_store(request, response):
            if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
        cache_control_header = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not response.has_header("Set-Cookie")
            # A page that rendered a CSRF token (a form) belongs to one visitor.
            and not request.META.get("CSRF_COOKIE_USED")
            and "private" not in cache_control_header
            and "no-store" not in cache_control_header
            and not getattr(response, "streaming", False)
        )


def cache_control(max_age: int = 60, public: bool = True) -> Callable:
    """Decorate a view so its response says how long browsers and proxies may keep it."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, public=public, max_age=max_age)
            return response

        return wrapped

    return decorator
