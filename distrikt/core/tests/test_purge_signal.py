"""Every process sees a purge at once: through a shared file, or through Redis."""

import socket

from django.test import override_settings

import pytest

from distrikt.core.cache import FileSignal, RedisSignal


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_two_mappings_of_the_signal_file_see_each_others_bumps(tmp_path):
    here, there = FileSignal(tmp_path / "signal"), FileSignal(tmp_path / "signal")
    before = there.read()
    assert here.read() == before
    here.bump()
    assert there.read() != before
    assert there.read() == here.read()


@pytest.mark.django_db
@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_a_bump_in_one_process_is_read_at_once_by_another_through_redis():
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": "distrikt-signal-test",
        }
    }
    with override_settings(CACHES=redis_cache):
        reader, writer = RedisSignal(), RedisSignal()
        before = reader.read()
        for _ in range(20):
            writer.bump()
            after = reader.read()
            assert after != before
            before = after
