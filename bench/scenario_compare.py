"""Load test of the municipality comparison: eight municipalities side by side, four clients.

Run: .venv/bin/python bench/scenario_compare.py
Bounded: a fixed number of requests per scenario on loopback only. "Same eight" repeats one
address (the page cache answers after the first); "different eights" asks for a new set of
eight on every request, so every answer is rendered (the county and national aggregates
are computed once per data version and then reused). After the table, gunicorn's CPU
milliseconds per request of each scenario: unlike latency, they change little when other
work shares the machine.
"""

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import ProductionServer, Result, fetch, measure, print_results

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
        cpu: dict[str, float] = {}

        def measured(name: str, paths: list[str], requests: int, warmup: int = 50) -> Result:
            if warmup:  # the warm-up requests are not counted in the CPU per request
                measure(server.url, paths, concurrency=1, requests=0, warmup=warmup)
            started = server.cpu_seconds()
            result = measure(server.url, paths, concurrency=CONCURRENCY, requests=requests, warmup=0)
            cpu[name] = (server.cpu_seconds() - started) * 1000 / requests
            return result

        floor = measured("floor /ping", ["/ping"], 1000)
        same = measured("compare, same eight", [f"/kommunar/samanlikn/?{query(EIGHT)}"], 1000)
        cold = measured("compare, different eights (cold)", different, 400, warmup=0)
        similar = measured(
            "compare, mine and five similar",
            [f"/kommunar/samanlikn/?eigen={code}" for code in codes[:100]],
            200,
            warmup=0,
        )
        download = measured(
            "compare download xlsx, eight", [f"/kommunar/samanlikn/data.xlsx?{query(EIGHT)}"], 200
        )
        api = measured("API /compare, eight", [f"/api/v1/compare?{query(EIGHT)}"], 1000)
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
    print("\ngunicorn CPU ms per request")
    for name, milliseconds in cpu.items():
        print(f"{name:<34} {milliseconds:>8.1f}")


if __name__ == "__main__":
    main()
