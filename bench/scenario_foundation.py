"""Foundation: home page, staff list and a staff page against the framework's floor.

gunicorn with production settings on SQLite (the embedded default, database cache table),
bundled data plus demo staff loaded. The floor is /ping, a view that returns a fixed string.
Aim: cached pages within 2x of the floor's p95.

    .venv/bin/python bench/scenario_foundation.py [--requests 3000] [--concurrency 8]
"""

import argparse

from lib import ProductionServer, measure, print_results

PAGES = [
    ("home /", ["/"]),
    ("staff list /om-oss/tilsette/", ["/om-oss/tilsette/"]),
    (
        "staff page /om-oss/tilsette/<person>/",
        ["/om-oss/tilsette/halvor-holmli/", "/om-oss/tilsette/demo-ada-testdotter/"],
    ),
    (
        "staff search ?q=…&office=…",
        ["/om-oss/tilsette/?q=demo&office=steinkjer", "/om-oss/tilsette/?area=merkur"],
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with ProductionServer(prepare=[["load_bundled_data", "--demo", "-v0"]]) as server:
        # Interleave floor and pages so machine noise hits both alike.
        rows = []
        floor = measure(server.url, ["/ping"], args.concurrency, args.requests)
        rows.append(("floor /ping (fixed string)", floor))
        for name, paths in PAGES:
            rows.append((name, measure(server.url, paths, args.concurrency, args.requests)))
        floor_again = measure(server.url, ["/ping"], args.concurrency, args.requests)
        rows.append(("floor /ping again", floor_again))
    print_results(
        rows,
        floor=floor,
        title=f"foundation: gunicorn 2 workers x 4 threads, SQLite, {args.concurrency} clients",
    )


if __name__ == "__main__":
    main()
