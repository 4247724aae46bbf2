"""Fixed-window rate limits per client address, counted atomically.

Each attempt increments one counter per (scope, client address, window). With Redis as
the cache the counter is a Redis INCR (atomic on the server); with any other cache
(the database cache by default, local memory in tests) it is a row in
`core.RateLimitCounter`, incremented with `UPDATE … SET count = count + 1` inside a
transaction, so the count read back is exactly this attempt's number. Django's cache
`add`/`incr` are not used: on the database cache they are read-modify-write and let
parallel requests through.
"""

import hashlib
import time
from datetime import UTC, datetime

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from .clientip import client_ip
from .models import RateLimitCounter

KEY_PREFIX = "ratelimit"


def _window_key(key: str, window: int, now: float) -> tuple[str, float]:
    """The counter key of the window `now` falls in, and when that window ends."""
    window_index = int(now // window)
    full_key = f"{KEY_PREFIX}:{key}:{window}:{window_index}"
    if len(full_key) > 200:
        full_key = f"{KEY_PREFIX}:{hashlib.sha256(full_key.encode()).hexdigest()}"
    return full_key, (window_index + 1) * window


def _count_in_redis(cache: RedisCache, full_key: str, window: int) -> int:
    cache_key = cache.make_and_validate_key(full_key)
    client = cache._cache.get_client(cache_key, write=True)  # type: ignore[attr-defined]
    pipeline = client.pipeline()
    pipeline.incr(cache_key)
    pipeline.expire(cache_key, window + 1)
    count, _ = pipeline.execute()
    return int(count)


def _count_in_database(full_key: str, window_end: float, now: float) -> int:
    expires_at = datetime.fromtimestamp(window_end, tz=UTC)
    with transaction.atomic():
        counters = RateLimitCounter.objects.filter(key=full_key)
        if not counters.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateLimitCounter.objects.create(key=full_key, count=1, expires_at=expires_at)
            except IntegrityError:
                # Another request created the row first; ours is the next increment.
                counters.update(count=F("count") + 1)
            else:
                # A new window began for this key: drop the counters of finished windows.
                RateLimitCounter.objects.filter(expires_at__lte=datetime.fromtimestamp(now, tz=UTC)).delete()
                return 1
        # Our UPDATE holds the row lock until commit, so no one else counts in between.
        return counters.values_list("count", flat=True).get()


def count_attempt(key: str, window: int, now: float | None = None) -> int:
    """Count one attempt under `key` in the current window of `window` seconds; its number."""
    now = time.time() if now is None else now
    full_key, window_end = _window_key(key, window, now)
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return _count_in_redis(cache, full_key, window)
    return _count_in_database(full_key, window_end, now)


def is_rate_limited(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count one attempt from this client in `scope`; True when it is over `limit` per `window` seconds.

    A limit of 0 switches the check off. The client is `client_ip(request)`, which honours
    `TRUSTED_PROXY_COUNT`.
    """
    if not limit:
        return False
    return count_attempt(f"{scope}:{client_ip(request)}", window) > limit
