"""Screenshots of the public pages in nn, nb and en at 1280 and 375 px, for looking at by eye.

Starts gunicorn with production settings on a fresh SQLite database with the bundled data
and the marked demo content (the same server the benchmarks use), opens each page in
Debian's Chromium through Playwright and writes full-page PNGs to `var/screenshots/`.
Prints each file with the page's status, `<title>` and `lang`, and the number of console
errors, so a run without looking still says something.

    .venv/bin/python scripts/screenshots.py [path ...]
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from lib import ProductionServer  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUT = ROOT / "var" / "screenshots"
PAGES = [
    "/",
    "/kommunar/5006-steinkjer/",
    "/kommunar/samanlikn/?k=5006&k=1833",
    "/kunnskap/",
    "/merkur/",
    "/merkur-register/tilgjenge/",
    "/kontakt/",
    "/nyheiter/",
    "/tilgjengelegheit/",
    "/sok/?q=klima",
]
LANGUAGE_PREFIXES = {"nn": "", "nb": "/nb", "en": "/en"}
WIDTHS = (1280, 375)


def file_name(language: str, path: str, width: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
    return f"{language}-{slug}-{width}.png"


def main() -> int:
    paths = sys.argv[1:] or PAGES
    OUT.mkdir(parents=True, exist_ok=True)
    with ProductionServer(prepare=[["load_bundled_data", "--demo", "-v0"]]) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        failures = 0
        errors: list[str] = []

        def note_console(message) -> None:
            if message.type == "error":
                errors.append(message.text)

        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.on("console", note_console)
            for language, prefix in LANGUAGE_PREFIXES.items():
                for path in paths:
                    errors.clear()
                    response = page.goto(server.url + prefix + path, wait_until="networkidle")
                    status = response.status if response else 0
                    failures += status != 200
                    target = OUT / file_name(language, path, width)
                    page.screenshot(path=str(target), full_page=True)
                    html_lang = page.get_attribute("html", "lang")
                    print(f"{status} {html_lang:<3} {len(errors)} errors  {target.name:<55} {page.title()}")
            page.close()
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
