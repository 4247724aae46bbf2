"""Liveness and readiness for load balancers and orchestrators.

`/healthz` (liveness) says only that the process answers; it touches no service, so a
database outage never makes a supervisor restart healthy app servers. `/readyz`
(readiness) checks what a request needs: the database, the cache (Redis when set) and the
media storage, and answers 503 when any of them fails, so the proxy sends no traffic here.

`HealthCheckMiddleware` sits first in MIDDLEWARE and answers both paths itself: before the
HTTPS redirect (a load balancer may poll over plain HTTP), before the host check (it polls
by the server's own address, which is not in ALLOWED_HOSTS) and before the page cache.
"""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

from storages.backends.s3 import S3Storage

READINESS_CACHE_KEY = "readiness-probe"
STORAGE_PROBE_NAME = "readiness-probe"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    """Write and read back a value: a cache that only answers reads would still fail pages."""
    token = uuid.uuid4().hex
    cache.set(READINESS_CACHE_KEY, token, 30)
    if cache.get(READINESS_CACHE_KEY) != token:
        raise RuntimeError("the cache did not return what was written")


def check_storage() -> None:
    """Ask the media storage a cheap question; for object storage, whether the bucket answers."""
    if isinstance(default_storage, S3Storage):
        # A HEAD on a missing key answers 404 even when the bucket is gone; ask the bucket.
        default_storage.connection.meta.client.head_bucket(Bucket=default_storage.bucket_name)
    else:
        default_storage.exists(STORAGE_PROBE_NAME)


READINESS_CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
}


def check_readiness() -> dict[str, str]:
    """Run every check; each answers "ok" or the name of the error (never its message)."""
    results: dict[str, str] = {}
    for name, check in READINESS_CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001  (any failure means not ready)
            results[name] = error.__class__.__name__
        else:
            results[name] = "ok"
    return results


def liveness_response() -> JsonResponse:
    response = JsonResponse({"status": "ok"})
    add_never_cache_headers(response)
    return response


def readiness_response() -> JsonResponse:
    checks = check_readiness()
    is_ready = all(result == "ok" for result in checks.values())
    response = JsonResponse(
        {"status": "ok" if is_ready else "error", "checks": checks}, status=200 if is_ready else 503
    )
    add_never_cache_headers(response)
    return response


HEALTH_PATHS: dict[str, Callable[[], JsonResponse]] = {
    "/healthz": liveness_response,
    "/readyz": readiness_response,
}


class HealthCheckMiddleware:
    """Answer GET and HEAD on the health paths before any other middleware runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        respond = HEALTH_PATHS.get(request.path_info)
        if respond is not None and request.method in ("GET", "HEAD"):
            return respond()
        return self.get_response(request)
