"""CPU time and queries of one uncached comparison of eight municipalities, in-process.

Runs Django's test client with production settings (database cache, as the benchmark's
gunicorn) against a SQLite database with the bundled data. Every request asks for a new
set of eight, so the page cache never answers; the county and national aggregates are
cached by data version as in production. Prints the median CPU milliseconds per page and
the queries of one page; with PROFILE=1 also the functions that took most time, and with
DUMP=dir writes the pages of a fixed list of comparisons there (to compare before/after).

    .venv/bin/python bench/profile_compare.py [pages]

PROFILE_DATABASE_URL keeps a prepared database between runs (it is loaded when empty).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inprocess import production_environment

TMP, DATABASE_FILE = production_environment()

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from distrikt.municipalities.models import Municipality  # noqa: E402

EIGHT = ["5006", "1833", "3101", "4601", "5501", "1804", "3403", "4204"]


def prepare() -> None:
    call_command("migrate", "--noinput", verbosity=0)
    call_command("createcachetable")
    call_command("collectstatic", "--noinput", verbosity=0)
    if not Municipality.objects.exists():
        call_command("load_bundled_data", verbosity=0)
    cache.clear()  # a kept database keeps its cache table: start with no stored pages


def path_for(codes: list[str], language: str = "") -> str:
    prefix = f"/{language}" if language else ""
    return f"{prefix}/kommunar/samanlikn/?" + "&".join(f"k={code}" for code in codes)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    prepare()
    codes = list(Municipality.objects.current().order_by("code").values_list("code", flat=True))
    chooser = random.Random(12)
    paths = [path_for(chooser.sample(codes, 8)) for _ in range(count + 10)]
    client = Client(HTTP_HOST="127.0.0.1")
    dump = os.environ.get("DUMP")
    if dump:
        Path(dump).mkdir(parents=True, exist_ok=True)
        fixed = random.Random(7)
        for number in range(12):
            sample = fixed.sample(codes, 2 + number % 7)
            for language in ("", "nb", "en"):
                response = client.get(path_for(sample, language))
                name = f"{number:02d}-{language or 'nn'}-{response.status_code}.html"
                (Path(dump) / name).write_bytes(response.content)
    for path in paths[:5]:  # warm imports and the aggregates
        client.get(path)
    queries: list[str] = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(path_for(EIGHT))
    if response.status_code != 200:
        raise SystemExit(f"the comparison answered {response.status_code}")
    eight_queries = len(queries)
    profiler = cProfile.Profile() if os.environ.get("PROFILE") else None
    seconds = []
    if profiler:
        profiler.enable()
    for path in paths[10:]:
        started = time.process_time()
        response = client.get(path)
        seconds.append(time.process_time() - started)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    if profiler:
        profiler.disable()
    seconds.sort()
    print(
        f"comparisons of eight {count}: CPU per page median {seconds[count // 2] * 1000:.1f} ms, "
        f"p90 {seconds[int(count * 0.9)] * 1000:.1f} ms, {eight_queries} queries, "
        f"{len(response.content) // 1024} KiB"
    )
    if os.environ.get("QUERIES"):
        for sql, times in Counter(queries).most_common():
            print(f"{times:3d} × {sql[:200]}")
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
