"""Anonymous readers get cached pages; publishing makes the cache stale at once."""

import pytest

from distrikt.core.models import StandardPage

pytestmark = pytest.mark.django_db


def test_second_anonymous_request_is_served_without_database_queries(
    client, bundled_site, django_assert_max_num_queries
):
    first = client.get("/om-oss/")
    assert first.status_code == 200
    # Wagtail still resolves the site and the page; rendering and navigation are cached.
    with django_assert_max_num_queries(6):
        second = client.get("/om-oss/")
    assert second.content == first.content
    assert "public" in second["Cache-Control"]


def test_publishing_a_change_shows_at_once(client, bundled_site):
    assert "Ny tittel for testen" not in client.get("/om-oss/").content.decode()
    page = StandardPage.objects.get(slug="om-oss")
    page.title = "Ny tittel for testen"
    page.save_revision().publish()
    assert "Ny tittel for testen" in client.get("/om-oss/").content.decode()


def test_logged_in_editors_are_never_served_the_cached_page(editor_client, bundled_site):
    from django.test import Client

    Client().get("/om-oss/")
    response = editor_client.get("/om-oss/")
    assert response.status_code == 200
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]


def test_interface_languages_are_cached_separately(client, bundled_site):
    nynorsk = client.get("/om-oss/").content.decode()
    english = client.get("/en/om-oss/").content.decode()
    assert '<html lang="nn"' in nynorsk
    assert '<html lang="en"' in english


def test_routable_sub_pages_are_cached_too(client, bundled_site, django_assert_num_queries):
    client.get("/om-oss/tilsette/halvor-holmli/")
    with django_assert_num_queries(0):
        assert client.get("/om-oss/tilsette/halvor-holmli/").status_code == 200


def test_a_new_staff_member_shows_in_the_cached_list_at_once(client, bundled_site):
    from distrikt.organisation.factories import PersonFactory

    client.get("/om-oss/tilsette/")
    PersonFactory(name="Heilt Ny Person", slug="heilt-ny-person")
    assert "Heilt Ny Person" in client.get("/om-oss/tilsette/").content.decode()


def test_a_response_with_a_csrf_token_is_never_stored(rf):
    from django.http import HttpResponse

    from distrikt.core.cache import PageCacheMiddleware

    request = rf.get("/skjema/")
    request.META["CSRF_COOKIE_USED"] = True
    assert PageCacheMiddleware._may_store(request, HttpResponse("ok")) is False
    assert PageCacheMiddleware._may_store(rf.get("/skjema/"), HttpResponse("ok")) is True
    no_store = HttpResponse("ok")
    no_store["Cache-Control"] = "no-store"
    assert PageCacheMiddleware._may_store(rf.get("/skjema/"), no_store) is False
