"""The API docs page loads Swagger UI from our own static files, never from a CDN."""

import re

from django.contrib.staticfiles import finders

import pytest

pytestmark = pytest.mark.django_db


def test_the_docs_page_references_only_our_static_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in urls
    assert "/static/vendor/swagger-ui/swagger-ui.css" in urls
    assert all(url.startswith("/static/") for url in urls), urls
    assert "cdn" not in html.lower()
    for url in urls:
        assert finders.find(url.removeprefix("/static/")), url


def test_the_docs_page_has_no_inline_script_and_points_swagger_at_the_schema(client):
    html = client.get("/api/v1/docs").content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts == [' id="swagger-settings" type="application/json"']
    assert '"url": "/api/v1/openapi.json"' in html


def test_the_docs_page_is_served_under_the_strict_policy(client):
    policy = client.get("/api/v1/docs")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
