"""Load test of the municipality comparison: eight municipalities side by side, four clients.

Run: .venv/bin/python bench/scenario_compare.py
Bounded: a fixed number of requests per scenario on loopback only. "Same eight" repeats one
address (the page cache answers after the first); "different eights" asks for a new set of
eight on every request, so every answer is rendered (the county and national aggregates
are computed once per data version and then reused).
"""

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import ProductionServer, fetch, measure, print_results

EIGHT = ["5006", "1833", "3101", "4601", "5501", "1804", "3403", "4204"]
CONCURRENCY = 4


def query(codes: list[str]) -> str:
    return "&".join(f"k={code}" for code in codes)


def main() -> None:
    # A shared, busy machine can need more than a minute to start gunicorn.
    with ProductionServer(prepare=[["load_bundled_data"]], start_timeout=300) as server:
        status, body = fetch(server.url, "/api/v1/municipalities")
        if status != 200:
            raise SystemExit(f"API list answered {status}")
        codes = [row["code"] for row in json.loads(body)]
        status, _body = fetch(server.url, f"/kommunar/samanlikn/?{query(EIGHT)}")
        if status != 200:
            raise SystemExit(f"comparison answered {status}")
        chooser = random.Random(12)
        different = [f"/kommunar/samanlikn/?{query(chooser.sample(codes, 8))}" for _ in range(400)]
        floor = measure(server.url, ["/ping"], concurrency=CONCURRENCY, requests=1000)
        same = measure(
            server.url, [f"/kommunar/samanlikn/?{query(EIGHT)}"], concurrency=CONCURRENCY, requests=1000
        )
        cold = measure(server.url, different, concurrency=CONCURRENCY, requests=400, warmup=0)
        similar = measure(
            server.url,
            [f"/kommunar/samanlikn/?eigen={code}" for code in codes[:100]],
            concurrency=CONCURRENCY,
            requests=200,
            warmup=0,
        )
        download = measure(
            server.url,
            [f"/kommunar/samanlikn/data.xlsx?{query(EIGHT)}"],
            concurrency=CONCURRENCY,
            requests=200,
        )
        api = measure(server.url, [f"/api/v1/compare?{query(EIGHT)}"], concurrency=CONCURRENCY, requests=1000)
    print_results(
        [
            ("floor /ping", floor),
            ("compare, same eight", same),
            ("compare, different eights (cold)", cold),
            ("compare, mine and five similar", similar),
            ("compare download xlsx, eight", download),
            ("API /compare, eight", api),
        ],
        floor=floor,
        title=f"comparison ({CONCURRENCY} concurrent clients, gunicorn, production settings)",
    )


if __name__ == "__main__":
    main()
