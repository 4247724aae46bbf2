"""Headless Chromium reports no Content-Security-Policy violation on the main page kinds.

Needs Debian's Chromium; skipped without it unless REQUIRE_BROWSER is set (CI sets it).
"""

import os
import shutil
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PATHS = [
    "/",
    "/kommunar/",
    "/kommunar/5006-steinkjer/",
    "/merkur-register/kart/",
    "/api/v1/docs",
    "/admin/login/",
]


@pytest.mark.django_db(transaction=True)
def test_public_pages_the_api_docs_and_the_admin_login_cause_no_csp_violation(
    live_server, demo_site, monkeypatch
):
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium ({CHROMIUM}) is missing")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    violations: dict[str, list[str]] = {}
    statuses: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for path in PATHS:
            page = browser.new_page()
            messages: list[str] = []
            page.on("console", lambda message, messages=messages: messages.append(message.text))
            response = page.goto(live_server.url + path, wait_until="networkidle")
            statuses[path] = response.status if response else 0
            if path == "/api/v1/docs":
                # Swagger UI started from our static files and drew the operations of the schema.
                page.wait_for_selector(".opblock", timeout=20_000)
            found = [text for text in messages if "Content Security Policy" in text]
            if found:
                violations[path] = found
            page.close()
        browser.close()
    assert statuses == dict.fromkeys(PATHS, 200)
    assert violations == {}
