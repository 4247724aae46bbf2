"""Search load test: 20,000 generated knowledge pages, 200 Nynorsk/Bokmål queries.

Runs once on SQLite (fresh file, the database cache: the single-machine install) and once
on PostgreSQL (database wt_knowledge_bench on 127.0.0.1, or BENCH_PG_DATABASE, recreated;
skipped when PostgreSQL is not reachable) with Redis as the cache, as production runs
(docs/deploy.md; its own emptied Redis database BENCH_REDIS_DB; --no-redis for the
database cache). For
each it prints p50/p95/p99 latency, requests per second and the server's CPU milliseconds
per request (which changes little when other work shares the machine) for the search API,
the search page (its 200 queries asked again and again, as visitors do, and 800 queries asked
once each) and autocomplete. Loopback only; bounded by the request counts below.

    .venv/bin/python bench/scenario_knowledge.py [--pages N] [--requests N] [--sqlite-only | --postgres-only] [--no-redis]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from urllib.parse import quote

from lib import (
    REDIS_DB,
    REDIS_HOST,
    REDIS_PORT,
    ProductionServer,
    flush_bench_redis,
    measure,
    print_results,
    redis_answers,
)

# The page scenario with queries asked once each: the cost of a search no cache has seen.
COLD_REQUESTS = 800
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DATABASE = os.environ.get("BENCH_PG_DATABASE", "wt_knowledge_bench")

# Forms from both written standards, including ones that only meet through the
# morphology (kommunar/kommuner, nærbutikkane/nærbutikker, berekraft/bærekraft).
WORDS = [
    "kommunar",
    "kommuner",
    "kommunane",
    "kommunene",
    "nærbutikkane",
    "nærbutikker",
    "nærbutikken",
    "innbyggjarane",
    "innbyggerne",
    "busetjing",
    "bosetting",
    "framtida",
    "fremtiden",
    "samarbeidet",
    "regionane",
    "regionene",
    "verksemder",
    "virksomheter",
    "tenestene",
    "tjenestene",
    "lokalsamfunnet",
    "kjøpmannen",
    "ungdommen",
    "bustader",
    "boliger",
    "rettleiaren",
    "veilederen",
    "tilskotet",
    "tilskuddet",
    "næringslivet",
    "planarbeidet",
    "frivilligheita",
    "frivilligheten",
    "lokaldemokratiet",
    "medverknad",
    "medvirkning",
    "berekraft",
    "bærekraft",
    "berekraftige",
    "bærekraftige",
    "verdiskaping",
    "fylkeskommunen",
    "reiselivet",
    "jordbruket",
    "fiskeria",
    "fiskeriene",
    "skulane",
    "skolene",
    "barnehagane",
    "barnehagene",
    "breiband",
    "bredbånd",
    "arbeidsplassar",
    "arbeidsplasser",
    "tilflyttarar",
    "tilflyttere",
    "Sogndal",
    "Lesja",
    "Nordkapp",
    "Vågan",
    "Steinkjer",
    "havbruk",
    "kraftverk",
    "merkur",
    "webinar",
    # compound parts, rule-only pairs, typing errors and names (issue 11)
    "butikk",
    "kommune",
    "tilleggstjenester",
    "klimatilpasning",
    "ordførar",
    "nærbutik",
    "innbyggjarne",
    "Guovdageaidnu",
    "4601",
    "distriktsindeks",
]


def queries(count: int = 200, seed: int = 7) -> list[str]:
    """200 distinct queries: single words, pairs and triples."""
    rng = random.Random(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        size = rng.choices([1, 2, 3], weights=[5, 4, 1])[0]
        found[" ".join(rng.sample(WORDS, size))] = None
    return list(found)


def new_queries(count: int, asked: list[str], seed: int = 11) -> list[str]:
    """Word pairs none of `asked` is: every request is a query no process has seen (no cache helps)."""
    rng = random.Random(seed)
    seen = set(asked)
    found: dict[str, None] = {}
    while len(found) < count:
        query = " ".join(rng.sample(WORDS, 2))
        if query not in seen:
            found[query] = None
    return list(found)


def recreate_pg_database() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{PG_BENCH_DATABASE}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{PG_BENCH_DATABASE}"')
    except Exception as error:  # noqa: BLE001  (any failure means: no PostgreSQL here)
        print(f"PostgreSQL not available ({error}); skipping that run.")
        return None
    return f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DATABASE}"


def run(label: str, database_url: str | None, pages: int, requests: int, redis: bool = False) -> None:
    extra_env = {}
    if redis:
        # As in production (docs/deploy.md): the page cache, its purge signal and derived data in Redis.
        flush_bench_redis()
        extra_env["REDIS_URL"] = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
        label += " + Redis"
    prepare = [
        ["load_bundled_data"],
        ["generate_knowledge_corpus", "--pages", str(pages)],
        ["rebuild_search_index"],
    ]
    started = time.perf_counter()
    with ProductionServer(prepare=prepare, database_url=database_url, extra_env=extra_env) as server:
        print(f"{label}: {pages} pages prepared in {time.perf_counter() - started:.0f} s")
        query_list = queries()
        api = [f"/api/v1/search?q={quote(q)}" for q in query_list]
        page_two = [f"/api/v1/search?q={quote(q)}&page=2" for q in query_list[:50]]
        html = [f"/sok/?q={quote(q)}" for q in query_list]
        faceted = [
            f"/sok/?q={quote(q)}&{extra}"
            for q, extra in zip(
                query_list, ["type=article", "sprak=nb", "sort=dato", "ar=2020"] * 50, strict=False
            )
        ]
        suggest = [f"/api/v1/search/autocomplete?q={quote(q[:4])}" for q in query_list]
        cpu: dict[str, float] = {}

        unseen = [f"/sok/?q={quote(q)}" for q in new_queries(COLD_REQUESTS, query_list)]

        def timed(name: str, paths: list[str], concurrency: int, count: int, warmup: int = 50):
            started = server.cpu_seconds()
            result = measure(server.url, paths, concurrency=concurrency, requests=count, warmup=warmup)
            # The warm-up requests are counted too; they are few beside `count`.
            cpu[name] = (server.cpu_seconds() - started) * 1000 / max(1, result.requests)
            return name, result

        floor = measure(server.url, ["/ping"], concurrency=4, requests=1000)
        rows = [
            ("floor /ping", floor),
            timed("search API, 1 client", api, 1, 400),
            timed("search API, 4 clients", api, 4, 2000),
            timed("search API, page 2, 4 clients", page_two, 4, 500),
            timed("search page /sok/, 1 client", html, 1, 400),
            timed("search page /sok/", html, 4, 1000),
            timed("search page /sok/ with facets/sort", faceted, 4, 1000),
            timed("search page /sok/, every query new", unseen, 4, COLD_REQUESTS, warmup=0),
            timed("autocomplete", suggest, 4, 1000),
        ]
        print_results(rows, floor=floor, title=f"knowledge search on {label}, {pages} pages")
        print("server CPU ms per request: " + ", ".join(f"{name} {ms:.1f}" for name, ms in cpu.items()))
        print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=2000)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--sqlite-only", action="store_true")
    only.add_argument("--postgres-only", action="store_true")
    parser.add_argument(
        "--no-redis",
        action="store_true",
        help="PostgreSQL with the database cache table instead of Redis (production uses Redis)",
    )
    args = parser.parse_args()
    os.environ.setdefault("PAGE_CACHE_SECONDS", "600")
    if not args.postgres_only:
        run("SQLite", None, args.pages, args.requests)
    if not args.sqlite_only:
        database_url = recreate_pg_database()
        if database_url:
            use_redis = not args.no_redis and redis_answers()
            if not use_redis and not args.no_redis:
                print("Redis does not answer on 127.0.0.1:6379: PostgreSQL runs with the database cache.")
            run("PostgreSQL", database_url, args.pages, args.requests, redis=use_redis)
    return 0


if __name__ == "__main__":
    sys.exit(main())
