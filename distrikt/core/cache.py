"""Page caching: a generation counter that every publish bumps, and Cache-Control helpers."""

from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache-generation"


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return int(generation)


def bump_generation() -> None:
    """Make every cached page stale at once (called when content changes)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def page_cache_key(page_id: int, full_path: str, language: str) -> str:
    return f"page:{current_generation()}:{language}:{page_id}:{full_path}"


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
