"""Every page in the sitemap answers in all three languages, and no internal link is broken."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#]*)')
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    return [urlsplit(location).path for location in locations]


def test_sitemap_lists_every_page_in_all_three_languages(client, demo_site):
    paths = sitemap_paths(client)
    assert "/" in paths and "/nb/" in paths and "/en/" in paths
    assert (
        "/om-oss/tilsette/" in paths and "/nb/om-oss/tilsette/" in paths and "/en/om-oss/tilsette/" in paths
    )
    assert "/om-oss/tilsette/halvor-holmli/" in paths


def one_per_app_view(paths: list[str]) -> list[str]:
    """Every page, but of the apps' detail views (357 profiles …) only the first of each kind."""
    from django.urls import resolve
    from django.utils import translation

    seen: set[tuple[str, str]] = set()
    kept = []
    for path in paths:
        language = path.split("/")[1] if path.startswith(("/nb/", "/en/")) else "nn"
        with translation.override(language):  # a language prefix resolves only in its own language
            match = resolve(path)
        if match.url_name != "wagtail_serve" and match.kwargs:
            key = (match.view_name, language)
            if key in seen:
                continue
            seen.add(key)
        kept.append(path)
    return kept


def test_every_sitemap_url_answers_200(client, demo_site):
    paths = one_per_app_view(sitemap_paths(client))
    profiles = [path for path in paths if re.match(r"^/(nb/|en/)?kommunar/\d{4}-", path)]
    assert len(profiles) == 3  # one municipality profile per language, not all 357 of each
    failures = {}
    for path in paths:
        status = client.get(path).status_code
        if status != 200:
            failures[path] = status
    assert failures == {}


def internal_links(html: str) -> set[str]:
    links = set()
    for href in HREF.findall(html):
        if href.startswith("/") and not href.startswith("//") and not href.startswith(SKIPPED_PREFIXES):
            links.add(href.replace("&amp;", "&"))
    return links


def test_crawl_from_the_home_page_finds_no_broken_internal_link(client, demo_site):
    seen: set[str] = set()
    frontier = {"/"}
    broken = {}
    for _depth in range(2):
        next_frontier: set[str] = set()
        for path in frontier - seen:
            seen.add(path)
            response = client.get(path)
            if response.status_code >= 400:
                broken[path] = response.status_code
                continue
            if response.get("Content-Type", "").startswith("text/html"):
                next_frontier |= internal_links(response.content.decode())
        frontier = next_frontier
    assert len(seen) > 5
    assert broken == {}


def test_robots_txt_points_to_the_sitemap(client, demo_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
