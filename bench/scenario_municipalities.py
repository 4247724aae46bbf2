"""Load test of the municipalities app: profiles, the overview table with map, and the API list.

Run: .venv/bin/python bench/scenario_municipalities.py
Bounded: a fixed number of requests per scenario on loopback only.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import ProductionServer, fetch, measure, print_results


def main() -> None:
    with ProductionServer(prepare=[["load_bundled_data"]]) as server:
        status, body = fetch(server.url, "/api/v1/municipalities")
        if status != 200:
            raise SystemExit(f"API list answered {status}")
        profiles = [row["url"] for row in json.loads(body)]
        floor = measure(server.url, ["/ping"], concurrency=8, requests=2000)
        one_profile = measure(server.url, ["/kommunar/5006-steinkjer/"], concurrency=8, requests=2000)
        all_profiles = measure(server.url, profiles, concurrency=8, requests=2000, warmup=0)
        overview = measure(server.url, ["/kommunar/"], concurrency=8, requests=500)
        overview_filtered = measure(
            server.url,
            [
                "/kommunar/?klasse=6&sorter=folketal&retning=fallande",
                "/kommunar/?fylke=50&kart=endring",
                "/kommunar/?storleik=under-2000&prioritert=ja",
            ],
            concurrency=8,
            requests=500,
        )
        api_list = measure(server.url, ["/api/v1/municipalities"], concurrency=8, requests=2000)
        api_detail = measure(
            server.url,
            [f"/api/v1/municipalities/{url.split('/')[2][:4]}" for url in profiles],
            concurrency=8,
            requests=2000,
            warmup=0,
        )
    print_results(
        [
            ("floor /ping", floor),
            ("profile, one municipality", one_profile),
            ("profile, all 357 (cold first)", all_profiles),
            ("overview /kommunar/", overview),
            ("overview, filtered", overview_filtered),
            ("API list /municipalities", api_list),
            ("API detail, all 357", api_detail),
        ],
        floor=floor,
        title="municipalities",
    )


if __name__ == "__main__":
    main()
