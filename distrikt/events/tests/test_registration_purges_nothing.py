"""A registration changes no cached page; the seats left are filled in on every request."""

from django.test import Client
from django.utils import translation

import pytest

from distrikt.core.cache import page_cache_instance
from distrikt.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_a_registration_purges_no_cached_page(rf, event):
    with translation.override("nn"):
        url = event.url
    client = Client()
    assert "2 ledige plassar" in client.get(url).content.decode()
    cache = page_cache_instance()
    key = cache.key(rf.get(url))
    signal = cache.signal.read()
    RegistrationFactory(event=event)
    assert cache.signal.read() == signal
    assert cache.lookup(key, signal) is not None
    assert "1 ledig plass." in client.get(url).content.decode()


def test_the_seats_fragment_speaks_the_page_language(event):
    client = Client()
    with translation.override("nn"):
        bokmaal_url = f"/nb{event.url}"
    client.get(bokmaal_url)
    assert "2 ledige plasser" in client.get(bokmaal_url).content.decode()
