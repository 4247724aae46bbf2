"""CPU time and queries of the search API and the /sok/ page in-process, with production settings.

Runs Django's test client against a database with the bundled data and N generated knowledge
pages (the corpus of `scenario_knowledge.py`), so the figures are the server's own work per
request (no network, no gunicorn), measured as process CPU time: they change little when the
machine is busy, unlike the wall-clock latencies of `scenario_knowledge.py`. Prints the median
and p95 CPU milliseconds and the queries per request of the API, the page, the page with
facets and the page for queries asked once each; with PROFILE=1 also the functions that took most time (PROFILE_OUT=file also stores
the stats for pstats), with QUERIES=1 the SQL of one API request and one page request.
PROFILE_PREPARED=file keeps the prepared SQLite database there and starts from a copy of it on
the next run (delete it after a migration or a change of the index); PROFILE_DATABASE_URL runs
on another database (PostgreSQL: a database of your own; it is prepared when it has no pages).

    .venv/bin/python bench/profile_search.py [--pages N] [--requests N]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inprocess import prepare_database, production_environment

TMP, DATABASE_FILE = production_environment(SITE_BASE_URL="https://distriktssenteret.no")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from scenario_knowledge import new_queries, queries  # noqa: E402


def prepare(pages: int) -> None:
    def fill() -> None:
        from distrikt.search.models import SearchDocument

        if os.environ.get("PROFILE_DATABASE_URL") and SearchDocument.objects.count() > pages:
            return  # a database of your own, prepared by an earlier run
        call_command("load_bundled_data", verbosity=0)
        call_command("generate_knowledge_corpus", "--pages", str(pages), verbosity=0)
        call_command("rebuild_search_index", verbosity=0)

    prepare_database(DATABASE_FILE, fill)


def cpu_of(client: Client, paths: list[str], count: int) -> list[float]:
    spent = []
    for number in range(count):
        started = time.process_time()
        answer = client.get(paths[number % len(paths)])
        spent.append(time.process_time() - started)
        if answer.status_code != 200:
            raise SystemExit(f"{paths[number % len(paths)]} answered {answer.status_code}")
    return sorted(spent)


def queries_of(client: Client, path: str) -> list[str]:
    found: list[str] = []

    def wrapper(execute, sql, params, many, context):
        found.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        client.get(path)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    prepare(args.pages)
    client = Client(HTTP_HOST="127.0.0.1")
    query_list = queries()
    kinds = {
        "API": [f"/api/v1/search?q={quote(q)}" for q in query_list],
        "page": [f"/sok/?q={quote(q)}" for q in query_list],
        "page with facets": [
            f"/sok/?q={quote(q)}&{extra}"
            for q, extra in zip(
                query_list, ["type=article", "sprak=nb", "sort=dato", "ar=2020"] * 50, strict=False
            )
        ],
    }
    for paths in kinds.values():  # warm caches and imports (and every query once)
        cpu_of(client, paths, len(paths))
    # Queries asked once each, never warmed: what a search costs that no cache has seen.
    # (One more than is measured: the query count below is taken on that one.)
    unseen = new_queries(args.requests + 1, query_list)
    kinds["page, every query new"] = [f"/sok/?q={quote(q)}" for q in unseen]
    profiler = cProfile.Profile() if os.environ.get("PROFILE") else None
    if profiler:
        profiler.enable()
    figures = {name: cpu_of(client, paths, args.requests) for name, paths in kinds.items()}
    if profiler:
        profiler.disable()
    for name, spent in figures.items():
        sample = kinds[name][-1] if name == "page, every query new" else kinds[name][1]
        counted = queries_of(client, sample)
        print(
            f"{name:<22} CPU per request median {spent[len(spent) // 2] * 1000:6.1f} ms, "
            f"p95 {spent[int(len(spent) * 0.95)] * 1000:6.1f} ms, {len(counted)} queries ({sample})"
        )
        if os.environ.get("QUERIES"):
            for sql in counted:
                print(f"   {sql[:300]}")
    print(f"load average: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    if profiler:
        if os.environ.get("PROFILE_OUT"):
            profiler.dump_stats(os.environ["PROFILE_OUT"])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(50)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
