"""A page that was not cached goes to the visitor before it is written to the shared cache."""

from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

import pytest

from distrikt.core.cache import page_cache_instance

pytestmark = pytest.mark.django_db


def start_response(status, headers):
    return None


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the test's database connection must survive the request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_shared_write_waits_for_the_response_to_be_closed(bundled_site, keep_test_connection):
    environ = RequestFactory()._base_environ(PATH_INFO="/", REQUEST_METHOD="GET", HTTP_HOST="localhost")
    key = page_cache_instance().key(RequestFactory().get("/", HTTP_HOST="localhost"))
    # The server calls the application, sends the body, then closes the response.
    response = WSGIHandler()(environ, start_response)
    body = b"".join(response)
    assert b"<html" in body
    assert cache.get(key) is None, "written before the body was sent"
    response.close()
    assert cache.get(key) is not None


def test_outside_a_request_the_write_is_at_once(rf, bundled_site):
    from django.http import HttpResponse

    from distrikt.core.cache import PageCacheOptions

    request = rf.get("/utan-forespurnad/", HTTP_HOST="localhost")
    cache_instance = page_cache_instance()
    cache_instance.store(request, HttpResponse("ok"), PageCacheOptions(), cache_instance.signal.read())
    assert cache.get(cache_instance.key(request, ())) is not None
