"""Public pages of issue 15: home with its sections, statements, news, contact, sitemap.

gunicorn with production settings on SQLite, bundled data plus demo content loaded. The
contact page and the newsletter sign-up carry a CSRF token and are never cached; the rest
are served from the page cache after the first request. The floor is /ping.

    .venv/bin/python bench/scenario_public_pages.py [--requests 1000] [--concurrency 8]
"""

import argparse

from lib import ProductionServer, measure, print_results

PAGES = [
    ("home / (sections)", ["/", "/en/"]),
    ("English about page /en/about/", ["/en/about/"]),
    ("Merkur page (services per language)", ["/merkur/", "/en/merkur/"]),
    ("accessibility statement", ["/tilgjengelegheit/", "/en/tilgjengelegheit/"]),
    ("privacy statement", ["/personvern/", "/nb/personvern/"]),
    ("news list /nyheiter/", ["/nyheiter/"]),
    ("news RSS /nyheiter/rss/", ["/nyheiter/rss/"]),
    ("contact page (uncached, form)", ["/kontakt/"]),
    ("newsletter sign-up (uncached, form)", ["/nyheitsbrev/"]),
    ("favicon.ico", ["/favicon.ico"]),
    ("sitemap.xml (pages + 357 profiles x 3)", ["/sitemap.xml"]),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with ProductionServer(prepare=[["load_bundled_data", "--demo", "-v0"]]) as server:
        rows = [
            ("floor /ping (fixed string)", measure(server.url, ["/ping"], args.concurrency, args.requests))
        ]
        floor = rows[0][1]
        for name, paths in PAGES:
            rows.append((name, measure(server.url, paths, args.concurrency, args.requests)))
    print_results(
        rows,
        floor=floor,
        title=f"public pages: gunicorn 2 workers x 4 threads, SQLite, {args.concurrency} clients",
    )


if __name__ == "__main__":
    main()
