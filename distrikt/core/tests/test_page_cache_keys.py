"""The page-cache key: scheme, allowed host, path, language and the declared query parameters."""

from django.http import HttpRequest, HttpResponse
from django.test import override_settings

import pytest

from distrikt.core.cache import PageCacheMiddleware, page_cache, page_cache_instance

pytestmark = pytest.mark.django_db


class CountingView:
    """A cached view that shows what it saw and counts how often it ran."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: HttpRequest) -> HttpResponse:
        @page_cache(query_params=("q",))
        def view(request: HttpRequest) -> HttpResponse:
            self.calls += 1
            return HttpResponse(f"{request.scheme}://{request.get_host()}{request.get_full_path()}")

        return view(request)


@pytest.fixture
def view():
    return CountingView()


@pytest.fixture
def middleware(view):
    return PageCacheMiddleware(view)


@override_settings(ALLOWED_HOSTS=["a.example", "b.example"])
def test_each_allowed_host_gets_its_own_entry(rf, middleware, view):
    first = middleware(rf.get("/side/", HTTP_HOST="a.example"))
    second = middleware(rf.get("/side/", HTTP_HOST="b.example"))
    again = middleware(rf.get("/side/", HTTP_HOST="a.example"))
    assert first.content == b"http://a.example/side/"
    assert second.content == b"http://b.example/side/"
    assert again.content == first.content
    assert view.calls == 2


@override_settings(ALLOWED_HOSTS=["a.example"])
def test_a_request_with_an_unknown_host_is_never_cached(rf):
    calls = []

    @page_cache
    def echo_host(request: HttpRequest) -> HttpResponse:
        # Reads the raw header, as a careless template would for og:url.
        calls.append(request.META["HTTP_HOST"])
        return HttpResponse(request.META["HTTP_HOST"])

    middleware = PageCacheMiddleware(echo_host)
    for _ in range(2):
        middleware(rf.get("/side/", HTTP_HOST="evil.example"))
    assert calls == ["evil.example", "evil.example"]
    assert len(page_cache_instance().local) == 0
    assert middleware(rf.get("/side/", HTTP_HOST="a.example")).content == b"a.example"


@override_settings(ALLOWED_HOSTS=["a.example"])
def test_https_and_http_are_cached_apart(rf, middleware, view):
    plain = middleware(rf.get("/side/", HTTP_HOST="a.example"))
    secure = middleware(rf.get("/side/", HTTP_HOST="a.example", secure=True))
    assert plain.content == b"http://a.example/side/"
    assert secure.content == b"https://a.example/side/"
    assert view.calls == 2


def test_interface_languages_get_their_own_keys(rf):
    cache = page_cache_instance()
    nynorsk = cache.key(rf.get("/side/"))
    bokmaal = cache.key(rf.get("/nb/side/"))
    asked_in_english = cache.key(rf.get("/api/v1/x", HTTP_ACCEPT_LANGUAGE="en"))
    default = cache.key(rf.get("/api/v1/x"))
    assert len({nynorsk, bokmaal}) == 2
    assert asked_in_english != default


def test_query_parameters_the_view_does_not_read_are_dropped(rf, middleware, view):
    first = middleware(rf.get("/side/?q=fjord&utm_source=a"))
    second = middleware(rf.get("/side/?utm_source=b&q=fjord&x=1"))
    assert first.content == b"http://testserver/side/?q=fjord"
    assert second.content == first.content
    assert view.calls == 1
    middleware(rf.get("/side/?q=fjell"))
    assert view.calls == 2


def test_a_flood_of_made_up_parameters_stores_one_entry(rf, middleware, view):
    for number in range(50):
        middleware(rf.get(f"/side/?junk{number}={number}"))
    assert len(page_cache_instance().local) == 1
