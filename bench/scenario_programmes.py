"""Load test of the programme and region pages, the democracy statistics and their API lists.

Run: .venv/bin/python bench/scenario_programmes.py
Bounded: a fixed number of requests per scenario on loopback only. Uses the bundled data
and the marked demo content (demo projects take part through one labour-market region).
"""

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import PYTHON, ROOT, ProductionServer, measure, print_results

REGION_SLUGS = (
    "from distrikt.municipalities.models import Region; "
    "print('\\n'.join(Region.objects.order_by('kind', 'name').values_list('slug', flat=True)))"
)


def region_paths(server: ProductionServer) -> list[str]:
    output = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "--no-imports", "-v", "0", "-c", REGION_SLUGS],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # Only slug-shaped lines (the shell may print notices of its own).
    return [
        f"/kommunar/regionar/{slug}/"
        for slug in output.split()
        if re.fullmatch(r"[a-z0-9-]+-[a-z0-9-]+", slug)
    ]


def main() -> None:
    # One worker: on a loaded machine two workers booting together can miss the 60 s start-up wait.
    with ProductionServer(prepare=[["load_bundled_data", "--demo"]], workers=1) as server:
        regions = region_paths(server)
        if not regions:
            raise SystemExit("No regions loaded")
        floor = measure(server.url, ["/ping"], concurrency=8, requests=2000)
        index = measure(server.url, ["/program/"], concurrency=8, requests=1000)
        programme = measure(server.url, ["/program/byregionprogrammet/"], concurrency=8, requests=1000)
        one_region = measure(server.url, regions[:1], concurrency=8, requests=1000)
        all_regions = measure(server.url, regions, concurrency=8, requests=1000, warmup=0)
        statistics = measure(server.url, ["/lokaldemokrati/statistikk/"], concurrency=8, requests=500)
        api_programmes = measure(server.url, ["/api/v1/programmes"], concurrency=8, requests=500)
        api_arrangements = measure(
            server.url, ["/api/v1/democracy/arrangements?municipality=5006"], concurrency=8, requests=500
        )
    print_results(
        [
            ("floor /ping", floor),
            ("programme index /program/", index),
            ("programme page with map", programme),
            ("region page, one (demo participant)", one_region),
            (f"region pages, all {len(regions)} (cold first)", all_regions),
            ("democracy statistics", statistics),
            ("API /programmes", api_programmes),
            ("API /democracy/arrangements", api_arrangements),
        ],
        floor=floor,
        title="programmes and regions",
    )


if __name__ == "__main__":
    main()
