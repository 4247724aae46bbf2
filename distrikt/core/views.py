"""Health checks, robots.txt, the favicon and the error pages."""

import functools
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health
from .cache import cache_control


@never_cache
@require_GET
def ping(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers. Touches nothing else (also the benchmarks' floor)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. See distrikt.core.health (its middleware answers first)."""
    return health.liveness_response()


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: database, cache and media storage answer (200), or not (503)."""
    return health.readiness_response()


@require_GET
@cache_control(max_age=3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /sok/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@functools.cache
def _favicon_bytes() -> bytes | None:
    found = finders.find("favicon.ico")
    return Path(str(found)).read_bytes() if found else None


@require_GET
@cache_control(max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, where browsers and feed readers look without reading the page's <link>.

    Read once per process (looking it up through the static finders costs more than the
    file); browsers may keep it for a day.
    """
    content = _favicon_bytes()
    if content is None:
        raise Http404
    return HttpResponse(content, content_type="image/x-icon")


def server_error(request: HttpRequest) -> HttpResponse:
    """Render the 500 page without context processors that might themselves fail."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_path": request.path}))
