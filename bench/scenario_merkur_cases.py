"""The Merkur advisors' case queue and the statistics with 5,000 (demo) shops and 20,000
(demo) applications.

    .venv/bin/python bench/scenario_merkur_cases.py

Builds a fresh SQLite database (or uses DATABASE_URL), generates the data with
`generate_merkur_bench_shops` and `generate_merkur_bench_applications`, then times the
queue's first page, filtered pages, a case page and the statistics page in-process
(logged in as an advisor), and prints p50/p95 per row. Aim: p95 under 200 ms for the
queue's first page. The statistics page is served from the derived-data cache; the last
rows time building the grant figures afresh (what the first reader after a decision waits).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHOPS = 5000
APPLICATIONS = 20_000
ROUNDS = 60


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="distrikt-bench-cases-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "distrikt.settings.test"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from distrikt.merkur.models import Application

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    # A database given in DATABASE_URL that already holds the scenario is used as it is.
    if Application.objects.count() < APPLICATIONS:
        call_command("load_bundled_data", verbosity=0)
        call_command("generate_merkur_bench_shops", count=SHOPS, verbosity=0)
        call_command("generate_merkur_bench_applications", count=APPLICATIONS, verbosity=0)
    print(f"prepared {SHOPS} shops and {APPLICATIONS} applications in {time.perf_counter() - started:.0f} s")

    client = Client()
    client.force_login(get_user_model().objects.get(username="demo-radgivar-1"))
    some_case = Application.objects.order_by("pk")[APPLICATIONS // 2].pk
    rows = [
        ("queue, first page (open cases)", "/merkur-register/saker/"),
        (
            "queue, scheme + status",
            "/merkur-register/saker/?scheme=investeringsstotte&status=under_assessment",
        ),
        ("queue, deadline filter, page 5", "/merkur-register/saker/?deadline_before=2026-06-01&page=5"),
        ("one case page", f"/merkur-register/saker/{some_case}/"),
        ("statistics page (advisor, cached)", "/merkur-register/statistikk/"),
        ("statistics page, Excel (advisor)", "/merkur-register/statistikk/excel/"),
    ]
    print(
        f"{'row':40} {'p50 ms':>8} {'p95 ms':>8}  ({ROUNDS} requests each, in-process, SQLite unless DATABASE_URL)"
    )
    for label, url in rows:
        client.get(url)  # warm
        timings = []
        for _round in range(ROUNDS):
            begun = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - begun) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        print(f"{label:40} {statistics.median(timings):8.1f} {percentile(timings, 0.95):8.1f}")

    from django.utils import timezone

    from distrikt.merkur.grant_statistics import build_grant_statistics

    year = timezone.localdate().year
    for label, is_full in (
        ("grant figures, uncached (advisor)", True),
        ("grant figures, uncached (public)", False),
    ):
        timings = []
        for _round in range(ROUNDS // 4):
            begun = time.perf_counter()
            build_grant_statistics(year, is_full=is_full)
            timings.append((time.perf_counter() - begun) * 1000)
        print(f"{label:40} {statistics.median(timings):8.1f} {percentile(timings, 0.95):8.1f}")


if __name__ == "__main__":
    main()
