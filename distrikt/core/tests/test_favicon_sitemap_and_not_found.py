"""Favicon at /favicon.ico, app views in the sitemap, and a 404 page that helps."""

from django.core.management import call_command
from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # ICO header


def test_pages_link_the_svg_favicon(client, site):
    body = client.get("/").content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in body
    assert client.get("/static/favicon.svg").status_code == 200


def test_sitemap_lists_the_app_views_in_all_three_languages(client, bundled_site):
    body = client.get("/sitemap.xml").content.decode()
    for path in (
        "/kommunar/",
        "/fylke/",
        "/merkur-register/",
        "/kommunar/5006-steinkjer/",
        "/fylke/50-trondelag/",
    ):
        for prefix in ("", "/nb", "/en"):
            assert f"<loc>http://testserver{prefix}{path}</loc>" in body, prefix + path
    assert "<loc>http://testserver/nyheitsbrev/</loc>" in body
    assert "<loc>http://testserver/kontakt/</loc>" in body


@override_settings(DEBUG=False)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_not_found_page_offers_search_and_the_main_sections(client, site, prefix):
    call_command("load_organisation", verbosity=0)
    response = client.get(f"{prefix}/finst-ikkje/")
    assert response.status_code == 404
    body = response.content.decode()
    main = body[body.index('id="main-content"') :]
    assert 'role="search"' in main and 'name="q"' in main
    sections = main[main.index('class="notfound-sections"') :]
    assert f'href="{prefix}/kommunar/"' in sections
    assert f'href="{prefix}/om-oss/"' in sections
    assert f'href="{prefix}/"' in sections


def test_home_page_has_the_municipality_finder_and_the_sections(client, demo_site):
    body = client.get("/").content.decode()
    assert 'id="home-municipality-input"' in body
    assert 'action="/sok/"' in body
    assert "Nyaste kunnskap" in body
    assert "Neste arrangement" in body or "Nytt frå Merkur" in body
    assert "Nytt frå Merkur" in body
    assert "Demo: Merkur-registeret på nett" in body


def test_the_sitemap_is_built_once_and_then_served_from_the_cache(client, site):
    """Building it reads every page and profile; a crawler's next request must not."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as building:
        first = client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as serving:
        second = client.get("/sitemap.xml")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert len(building) > 2
    assert len(serving) == 0
