"""CPU time of one registration (GET the form, POST it) in-process, with production settings.

Runs Django's test client against a fresh SQLite database with the bundled data and one
demo event, so the figure is the server's own work per registration (no network, no
gunicorn), measured as process CPU time: it changes little when the machine is busy,
unlike the wall-clock throughput of `scenario_registrations.py`. Prints the median CPU
milliseconds and the number of queries of the GET and the POST; with PROFILE=1 also the
functions that took most time (PROFILE_OUT=file also stores the stats for pstats), with
QUERIES=1 the SQL of one GET and one POST. PROFILE_PREPARED=file keeps the prepared
database there and starts from a copy of it on the next run (delete it after a migration).

    .venv/bin/python bench/profile_registration.py [registrations]
"""

from __future__ import annotations

import cProfile
import os
import pstats
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inprocess import prepare_database, production_environment

TMP, DATABASE_FILE = production_environment(
    EVENT_REGISTRATION_RATE_LIMIT="0", SITE_BASE_URL="https://distriktssenteret.no"
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from scenario_events import CREATE_EVENT, EVENT_SLUG  # noqa: E402

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_PATH = f"/arrangement/{EVENT_SLUG}/pamelding/"


def prepare() -> None:
    def fill() -> None:
        call_command("load_bundled_data", verbosity=0)
        exec(CREATE_EVENT)  # noqa: S102  (the bench's own event definition)

    prepare_database(DATABASE_FILE, fill)


def register(client: Client, number: int) -> tuple[float, float]:
    """CPU seconds of the GET and of the POST of one new registrant."""
    client.cookies.clear()
    client.defaults["REMOTE_ADDR"] = f"10.{number // 62500 % 250}.{number // 250 % 250}.{number % 250 + 1}"
    started = time.process_time()
    form = client.get(FORM_PATH)
    got = time.process_time()
    if form.status_code != 200:
        raise SystemExit(f"the form answered {form.status_code}")
    token = CSRF_INPUT.search(form.content).group(1).decode()
    answer = client.post(
        FORM_PATH,
        {
            "csrfmiddlewaretoken": token,
            "name": f"Person {number}",
            "email": f"person{number}@example.org",
            "has_consented": "on",
        },
    )
    posted = time.process_time()
    if answer.status_code not in (302, 303):
        raise SystemExit(f"the registration answered {answer.status_code}")
    return got - started, posted - got


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    prepare()
    client = Client(HTTP_HOST="127.0.0.1")
    for number in range(5):  # warm caches and imports
        register(client, number)
    get_queries: list[str] = []
    post_queries: list[str] = []

    def counter(queries: list[str]):
        def wrapper(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        return wrapper

    client.cookies.clear()
    with connection.execute_wrapper(counter(get_queries)):
        form = client.get(FORM_PATH)
    token = CSRF_INPUT.search(form.content).group(1).decode()
    with connection.execute_wrapper(counter(post_queries)):
        client.post(
            FORM_PATH,
            {"csrfmiddlewaretoken": token, "name": "Q", "email": "q@example.org", "has_consented": "on"},
        )
    profiler = cProfile.Profile() if os.environ.get("PROFILE") else None
    gets, posts = [], []
    if profiler:
        profiler.enable()
    for number in range(10, 10 + count):
        get_seconds, post_seconds = register(client, number)
        gets.append(get_seconds)
        posts.append(post_seconds)
    if profiler:
        profiler.disable()
    gets.sort()
    posts.sort()
    print(
        f"registrations {count}: CPU per GET median {gets[count // 2] * 1000:.1f} ms "
        f"({len(get_queries)} queries), per POST median {posts[count // 2] * 1000:.1f} ms "
        f"({len(post_queries)} queries)"
    )
    if os.environ.get("QUERIES"):
        for label, queries in (("GET", get_queries), ("POST", post_queries)):
            print(f"\n-- {label}: {len(queries)} queries")
            for sql in queries:
                print(f"   {sql[:300]}")
    if profiler:
        if os.environ.get("PROFILE_OUT"):
            profiler.dump_stats(os.environ["PROFILE_OUT"])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
