"""Merkur with 5,000 (demo) shops: the shop list, map data and statistics under load, and
the full accessibility analysis over SSB's real 250 m grid.

    .venv/bin/python bench/scenario_merkur.py

Bounded: about 2,000 requests per row on loopback, plus two timed runs of the analysis.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import PYTHON, ROOT, ProductionServer, measure, print_results

SHOPS = 5000
REQUESTS = 1500


def timed_manage(server: ProductionServer, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    completed = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started, completed.stdout.strip()


def in_process_recompute(database_url: str) -> list[tuple[str, float, int]]:
    """Time the whole recompute (read, analyse, store) in one process, cold and warm."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "distrikt.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from distrikt.merkur.accessibility import recompute_accessibility

    timings = []
    for label in ("cold (reads grid, assigns cells)", "warm (grid in memory)"):
        started = time.perf_counter()
        run = recompute_accessibility()
        timings.append((label, time.perf_counter() - started, run.shop_count))
    return timings


def main() -> None:
    prepare = [
        ["load_bundled_data"],
        ["generate_merkur_bench_shops", "--count", str(SHOPS)],
    ]
    with ProductionServer(prepare=prepare) as server:
        seconds, output = timed_manage(server, "recompute_merkur_accessibility")
        print(f"recompute_merkur_accessibility (whole command, {SHOPS} shops): {seconds:.2f} s wall")
        print(f"  stored run: {output}")
        floor = measure(server.url, ["/ping"], concurrency=8, requests=REQUESTS)
        rows = [
            ("floor /ping", floor),
            (
                "shop list (3 pages, filters)",
                measure(
                    server.url,
                    [
                        "/merkur-register/",
                        "/merkur-register/?page=40&sort=county",
                        "/merkur-register/?chain=joker&service=post-i-butikk",
                    ],
                    concurrency=8,
                    requests=REQUESTS,
                ),
            ),
            (
                "shop map SVG (all / one county)",
                measure(
                    server.url,
                    ["/merkur-register/kart/", "/merkur-register/kart/?county=50"],
                    concurrency=8,
                    requests=REQUESTS // 3,
                ),
            ),
            (
                "API map points",
                measure(
                    server.url,
                    ["/api/v1/merkur/map", "/api/v1/merkur/map?county=50"],
                    concurrency=8,
                    requests=REQUESTS // 3,
                ),
            ),
            (
                "API shop list",
                measure(
                    server.url,
                    [
                        "/api/v1/merkur/shops?limit=100",
                        "/api/v1/merkur/shops?county=18",
                    ],
                    concurrency=8,
                    requests=REQUESTS,
                ),
            ),
            (
                "dashboard",
                measure(
                    server.url,
                    ["/merkur-register/statistikk/"],
                    concurrency=8,
                    requests=REQUESTS // 3,
                ),
            ),
            (
                "statistics API",
                measure(
                    server.url,
                    ["/api/v1/merkur/statistics"],
                    concurrency=8,
                    requests=REQUESTS // 3,
                ),
            ),
            (
                "accessibility page",
                measure(
                    server.url,
                    ["/merkur-register/tilgjenge/"],
                    concurrency=8,
                    requests=REQUESTS // 3,
                ),
            ),
        ]
        timings = in_process_recompute(server.env["DATABASE_URL"])
    print_results(rows, floor=floor, title=f"Merkur with {SHOPS} shops")
    print("\nFull accessibility recompute over 221,947 cells (aim: under 5 s):")
    for label, seconds, shops in timings:
        print(f"  {label}: {seconds:.2f} s for {shops} shops")


if __name__ == "__main__":
    main()
