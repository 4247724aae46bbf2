"""axe-core in headless Chromium over one page of every page type: no WCAG 2.1 A/AA violation.

The pages come from the sitemap (one per Wagtail page type) and from each app's
`accessibility_check_paths` (its own views). Needs Debian's Chromium; skipped without it
unless REQUIRE_BROWSER is set (CI sets it).
"""

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.urls import resolve

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and AXE.exists()


def one_path_per_page_type(client) -> list[str]:
    sitemap = client.get("/sitemap.xml").content.decode()
    chosen: dict[str, str] = {}
    for location in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(location).path
        if path.startswith(("/nb/", "/en/")):
            continue
        match = resolve(path)
        if match.url_name != "wagtail_serve" and f"{match.url_name}:" in chosen:
            continue  # one of the apps' detail views (a profile, a county) is enough
        response = client.get(path)
        page = response.context.get("page") if response.context else None
        kind = type(page).__name__ if page is not None else resolve(path).url_name
        key = f"{kind}:{'person' if 'person' in (response.context or {}) else ''}"
        chosen.setdefault(key, path)
    return sorted(chosen.values())


# The public pages added for issue 15 (statements, contact, news, newsletter): every one in
# all three interface languages, since their forms and tables carry translated chrome.
NEW_PAGE_PATHS = [
    "/tilgjengelegheit/",
    "/personvern/",
    "/kontakt/",
    "/nyheiter/",
    "/nyheiter/demo-merkur-registeret/",
    "/nyheitsbrev/",
]


def in_three_languages(paths: list[str]) -> list[str]:
    return [f"{prefix}{path}" for path in paths for prefix in ("", "/nb", "/en")]


def declared_paths() -> list[str]:
    paths: list[str] = []
    for app_config in apps.get_app_configs():
        paths.extend(getattr(app_config, "accessibility_check_paths", []))
    return paths


@pytest.mark.django_db(transaction=True)
def test_every_page_type_has_no_wcag_violations(live_server, client, demo_site, monkeypatch):
    if not browser_available():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium ({CHROMIUM}) or axe-core ({AXE}) is missing")
        pytest.skip("Chromium or axe-core is not installed")
    paths = [
        *one_path_per_page_type(client),
        *declared_paths(),
        *in_three_languages(NEW_PAGE_PATHS),
        "/kontakt/?sendt=1",
        "/finst-ikkje/",
        "/en/",
        "/om-oss/tilsette/?q=holmli",
        "/sok/?q=kommune",
    ]
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the database work is done.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    violations: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        # axe-core is injected as an inline script, which the site's CSP refuses (as it should).
        page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        for path in dict.fromkeys(paths):
            page.goto(live_server.url + path, wait_until="load")
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                WCAG_TAGS,
            )
            found = [
                f"{violation['id']} ({violation['impact']}): {violation['help']} – "
                + "; ".join(
                    node["target"][0] if isinstance(node["target"][0], str) else json.dumps(node["target"])
                    for node in violation["nodes"][:3]
                )
                for violation in result["violations"]
            ]
            if found:
                violations[path] = found
        browser.close()
    assert len(paths) >= 6
    assert {"/en/tilgjengelegheit/", "/nb/personvern/", "/en/kontakt/", "/nb/nyheiter/"} <= set(paths)
    assert violations == {}, json.dumps(violations, indent=2, ensure_ascii=False)
