"""Every response carries a Content-Security-Policy: strict on the site, looser in the Wagtail admin."""

import re
from pathlib import Path

from django.conf import settings

import pytest

pytestmark = pytest.mark.django_db


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_public_pages_get_the_strict_policy(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert set(policy["frame-src"]) == {"'self'", *settings.CSP_EMBED_FRAME_HOSTS}


def test_error_pages_and_api_responses_get_the_policy_too(client, home_page):
    assert "default-src 'self'" in client.get("/finst-ikkje/")["Content-Security-Policy"]
    assert "default-src 'self'" in client.get("/api/v1/openapi.json")["Content-Security-Policy"]


def test_the_wagtail_admin_may_use_inline_scripts_and_styles(client, editor):
    response = client.get("/admin/login/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_embed_hosts_the_editors_can_use_are_allowed_in_frames():
    hosts = settings.CSP_EMBED_FRAME_HOSTS
    assert "https://www.youtube-nocookie.com" in hosts
    assert "https://player.vimeo.com" in hosts


PUBLIC_TEMPLATE_DIRS = [
    path
    for path in Path(settings.PROJECT_DIR).glob("**/templates")
    if "site-packages" not in str(path) and ".venv" not in str(path)
]
ADMIN_TEMPLATE_MARKERS = ("/staff/", "/admin/", "wagtailadmin")
# Rendered only into PDF files by WeasyPrint (core.pdf), never sent to a browser: WeasyPrint
# reads styles from <style> only, and the site's CSP does not apply to a PDF.
PRINT_TEMPLATE_MARKERS = ("/pdf/", "/_print_style.html")


def public_templates():
    for directory in PUBLIC_TEMPLATE_DIRS:
        for template in directory.rglob("*.html"):
            if not any(marker in str(template) for marker in ADMIN_TEMPLATE_MARKERS + PRINT_TEMPLATE_MARKERS):
                yield template


def test_public_templates_have_no_inline_scripts_handlers_or_style_attributes():
    offenders = []
    for template in public_templates():
        text = template.read_text()
        for script in re.findall(r"<script\b[^>]*>", text):
            if (
                "src=" not in script
                and "application/json" not in script
                and "application/ld+json" not in script
            ):
                offenders.append(f"{template}: {script}")
        if re.search(r"\sstyle=|<style\b|\son[a-z]+=|javascript:", text):
            offenders.append(f"{template}: inline style, handler or javascript: URL")
    assert offenders == []
