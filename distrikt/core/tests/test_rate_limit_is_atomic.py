"""The rate limiter lets exactly `limit` attempts through, even when they run in parallel."""

import threading
import uuid

from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings

import pytest

from distrikt.core.models import RateLimitCounter
from distrikt.core.ratelimit import count_attempt, is_rate_limited

PARALLEL_REQUESTS = 30
LIMIT = 10


def request_from(remote: str, forwarded_for: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/", **extra)


def run_in_parallel(scope: str) -> list[bool]:
    results: list[bool] = []
    lock = threading.Lock()
    barrier = threading.Barrier(PARALLEL_REQUESTS)

    def attempt():
        try:
            barrier.wait()
            limited = is_rate_limited(request_from("203.0.113.9"), scope, LIMIT, 600)
            with lock:
                results.append(limited)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(PARALLEL_REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "test_ratelimit_cache"}
}
LOCMEM_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.mark.parametrize("caches", [DATABASE_CACHE, LOCMEM_CACHE], ids=["database-cache", "locmem-cache"])
@pytest.mark.django_db(transaction=True)
def test_exactly_the_limit_passes_when_thirty_requests_run_in_parallel_on_the_database(caches):
    with override_settings(CACHES=caches):
        call_command("createcachetable", verbosity=0)
        results = run_in_parallel(f"test:{uuid.uuid4()}")
    assert len(results) == PARALLEL_REQUESTS
    assert results.count(False) == LIMIT
    assert RateLimitCounter.objects.get().count == PARALLEL_REQUESTS


def redis_cache_settings():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"distrikt-test-{uuid.uuid4()}",
        }
    }


@pytest.mark.django_db(transaction=True)
def test_exactly_the_limit_passes_when_thirty_requests_run_in_parallel_on_redis():
    with override_settings(CACHES=redis_cache_settings()):
        results = run_in_parallel(f"test:{uuid.uuid4()}")
        assert results.count(False) == LIMIT
        assert not RateLimitCounter.objects.exists()


@pytest.mark.django_db
def test_attempts_are_counted_one_by_one_and_the_limit_is_inclusive():
    request = request_from("192.0.2.1")
    assert [is_rate_limited(request, "test:sequence", 3, 600) for _ in range(5)] == [
        False,
        False,
        False,
        True,
        True,
    ]


@pytest.mark.django_db
def test_each_client_address_and_scope_has_its_own_counter():
    assert is_rate_limited(request_from("192.0.2.1"), "test:a", 1, 600) is False
    assert is_rate_limited(request_from("192.0.2.1"), "test:a", 1, 600) is True
    assert is_rate_limited(request_from("192.0.2.2"), "test:a", 1, 600) is False
    assert is_rate_limited(request_from("192.0.2.1"), "test:b", 1, 600) is False


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_clients_behind_the_same_proxy_are_counted_by_their_forwarded_address():
    assert is_rate_limited(request_from("10.0.0.1", "198.51.100.1"), "test:proxy", 1, 600) is False
    assert is_rate_limited(request_from("10.0.0.1", "198.51.100.2"), "test:proxy", 1, 600) is False
    assert is_rate_limited(request_from("10.0.0.1", "198.51.100.1"), "test:proxy", 1, 600) is True


@pytest.mark.django_db
def test_a_limit_of_zero_switches_the_check_off():
    request = request_from("192.0.2.1")
    assert not any(is_rate_limited(request, "test:off", 0, 600) for _ in range(5))
    assert not RateLimitCounter.objects.exists()


@pytest.mark.django_db
def test_a_new_window_starts_a_new_count_and_clears_finished_windows():
    start = 1_000_000.0
    assert count_attempt("test:window", 60, now=start) == 1
    assert count_attempt("test:window", 60, now=start + 1) == 2
    assert count_attempt("test:window", 60, now=start + 60) == 1
    assert RateLimitCounter.objects.count() == 1
