"""The request's Wagtail site is looked up once per host and port, until a Site changes."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from distrikt.core.navigation import site_for_request

pytestmark = pytest.mark.django_db


def site_queries(queries) -> list[str]:
    return [query["sql"] for query in queries if "wagtailcore_site" in query["sql"]]


def test_the_site_is_read_once_per_host(home_page):
    factory = RequestFactory()
    first = site_for_request(factory.get("/sok/", HTTP_HOST="localhost"))
    with CaptureQueriesContext(connection) as queries:
        again = site_for_request(factory.get("/sok/", HTTP_HOST="localhost"))
    assert again == first
    # Before: Site.find_for_request read the table on every request that was not cached.
    assert site_queries(queries) == []


def test_a_changed_site_is_seen_at_once(home_page):
    factory = RequestFactory()
    site = site_for_request(factory.get("/", HTTP_HOST="localhost"))
    assert site is not None
    site.site_name = "Nytt namn"
    site.save()
    assert site_for_request(factory.get("/", HTTP_HOST="localhost")).site_name == "Nytt namn"
    other = Site.objects.create(hostname="kommune.example", port=80, root_page=home_page, site_name="Anna")
    assert site_for_request(factory.get("/", HTTP_HOST="kommune.example")).pk == other.pk
    other.delete()
    assert site_for_request(factory.get("/", HTTP_HOST="kommune.example")).pk == site.pk


def test_the_answer_is_kept_on_the_request_for_wagtail(home_page):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    site = site_for_request(request)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) == site
    assert site_queries(queries) == []
