"""The empty registration form is kept by the page cache; each visitor still gets a CSRF token
of their own (an uncached fragment), a cookie that matches it, and a page browsers must not keep."""

import datetime
import re

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.test import Client, RequestFactory
from django.utils import timezone

import pytest

from distrikt.core.cache import _shows_csrf_token_outside_fragments, csrf_fragment
from distrikt.events.models import Registration

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def form_url(event) -> str:
    return event.url + "pamelding/"


def token_of(response) -> str:
    return TOKEN.search(response.content.decode()).group(1)


def test_a_second_visitor_gets_the_cached_form_with_a_token_of_their_own(
    event, django_assert_max_num_queries
):
    first = Client(enforce_csrf_checks=True)
    second = Client(enforce_csrf_checks=True)
    first_form = first.get(form_url(event))
    # Served from the page cache: no route, page, question or template queries.
    with django_assert_max_num_queries(0):
        second_form = second.get(form_url(event))
    assert second_form.status_code == 200
    assert token_of(first_form) != token_of(second_form)
    cookie = second_form.cookies[settings.CSRF_COOKIE_NAME].value
    assert _unmask_cipher_token(token_of(second_form)) == cookie
    for response in (first_form, second_form):
        cache_control = response["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control
    answer = second.post(
        form_url(event),
        {
            "csrfmiddlewaretoken": token_of(second_form),
            "name": "Kari Nordmann",
            "email": "kari@example.org",
            "has_consented": "on",
        },
    )
    assert answer.status_code == 302
    assert Registration.objects.filter(event=event, email="kari@example.org").exists()


def test_a_visitor_with_a_csrf_cookie_gets_a_token_for_that_cookie(event):
    Client().get(form_url(event))  # stored
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/")
    first = visitor.get(form_url(event))
    cookie = visitor.cookies[settings.CSRF_COOKIE_NAME].value
    second = visitor.get(form_url(event))
    # Two open forms (two tabs) both keep working: the cookie is not replaced.
    assert visitor.cookies[settings.CSRF_COOKIE_NAME].value == cookie
    assert _unmask_cipher_token(token_of(first)) == cookie
    assert _unmask_cipher_token(token_of(second)) == cookie


def test_the_cached_form_is_purged_when_the_event_is_edited(event):
    Client().get(form_url(event))
    event.title = "Nytt namn på arrangementet"
    event.save_revision().publish()
    assert "Nytt namn på arrangementet" in Client().get(form_url(event)).content.decode()


def test_a_token_outside_the_fragment_keeps_the_page_out_of_the_cache():
    request = RequestFactory().get("/")
    token = get_token(request)
    fragment = str(csrf_fragment(request))
    assert not _shows_csrf_token_outside_fragments(request, f"<form>{fragment}</form>".encode())
    leaked = f'<form>{fragment}</form><meta name="csrf" content="{token}">'.encode()
    assert _shows_csrf_token_outside_fragments(request, leaked)


def test_a_page_that_leaks_its_token_is_not_stored(rf):
    from distrikt.core.cache import PageCacheMiddleware, mark_cacheable

    calls = []

    def view(request):
        calls.append(request)
        mark_cacheable(request)
        fragment = csrf_fragment(request)
        return HttpResponse(f"<form>{fragment}</form><p>{get_token(request)}</p>")

    middleware = PageCacheMiddleware(view)
    for _ in range(2):
        middleware(rf.get("/lekk/", HTTP_HOST="testserver"))
    assert len(calls) == 2


def test_the_form_page_lives_no_longer_than_until_the_deadline(calendar):
    from distrikt.events.factories import EventPageFactory

    now = timezone.now()
    soon = EventPageFactory(parent=calendar, registration_deadline=now + datetime.timedelta(seconds=30))
    assert 1 <= soon.cache_timeout <= 31
    ended = EventPageFactory(
        parent=calendar,
        start=now - datetime.timedelta(days=3),
        end=now - datetime.timedelta(days=2),
        registration_deadline=None,
    )
    assert ended.cache_timeout is None
