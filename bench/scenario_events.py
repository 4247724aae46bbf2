"""Registration under load: N concurrent clients register for one event against gunicorn.

Each attempt is a new visitor from its own loopback address (127.x.y.z), so the
per-address rate limit stays on as in production: GET the form (CSRF cookie and token),
then POST the registration. Afterwards the database must hold exactly `capacity`
confirmed registrations and the rest on the waiting list: confirmed + waiting = attempts.

    .venv/bin/python bench/scenario_events.py [attempts] [concurrency]
"""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import PYTHON, ROOT, ProductionServer, Result, fetch, measure, print_results

CAPACITY = 50
EVENT_SLUG = "bench-kapasitet"
CREATE_EVENT = f"""
import datetime
from django.utils import timezone
from distrikt.events.models import EventIndexPage, EventPage
calendar = EventIndexPage.objects.get()
start = timezone.now() + datetime.timedelta(days=30)
event = EventPage(title="Lasttest (demo)", slug="{EVENT_SLUG}", kind="konferanse", lead="Lasttest.",
    start=start, end=start + datetime.timedelta(hours=4), place_kind="online",
    online_url="https://video.example.org/demo", capacity={CAPACITY}, is_demo=True)
calendar.add_child(instance=event)
event.save_revision().publish()
"""
COUNT_REGISTRATIONS = f"""
from distrikt.events.models import Registration
rows = Registration.objects.filter(event__slug="{EVENT_SLUG}")
print(rows.filter(status="confirmed").count(), rows.filter(status="waiting").count(),
      rows.count(), rows.values("email").distinct().count())
"""
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def source_address(number: int) -> str:
    return f"127.{1 + number // 65000 % 250}.{number // 250 % 250 + 1}.{number % 250 + 1}"


def register_once(base_url: str, form_path: str, number: int) -> tuple[bool, float]:
    """One visitor: fetch the form, post it; returns (registered, POST latency in ms)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(
        parts.hostname,
        parts.port,
        timeout=60,
        source_address=(source_address(number), 0),
    )
    try:
        connection.request("GET", form_path)
        response = connection.getresponse()
        html = response.read()
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        token = CSRF_INPUT.search(html)
        if response.status != 200 or token is None:
            return False, 0.0
        body = urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "name": f"Lasttest Person {number}",
                "email": f"lasttest{number}@example.org",
                "organisation": "Demo",
                "has_consented": "on",
                "website": "",
            }
        ).encode()
        started = time.perf_counter()
        connection.request(
            "POST",
            form_path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
            },
        )
        answer = connection.getresponse()
        answer.read()
        elapsed = (time.perf_counter() - started) * 1000
        return answer.status == 302, elapsed
    except (OSError, http.client.HTTPException):
        return False, 0.0
    finally:
        connection.close()


def run_registrations(base_url: str, form_path: str, attempts: int, concurrency: int) -> Result:
    result = Result()
    lock = threading.Lock()
    numbers = iter(range(attempts))

    def worker() -> None:
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            ok, elapsed = register_once(base_url, form_path, number)
            with lock:
                if ok:
                    result.latencies.append(elapsed)
                else:
                    result.errors += 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


def count_registrations(server: ProductionServer) -> tuple[int, int, int, int]:
    output = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", COUNT_REGISTRATIONS],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    confirmed, waiting, total, distinct = (int(value) for value in output[-4:])
    return confirmed, waiting, total, distinct


def main() -> int:
    attempts = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    prepare = [["load_bundled_data", "-v0"], ["shell", "-c", CREATE_EVENT]]
    with ProductionServer(prepare=prepare) as server:
        form_path = f"/arrangement/{EVENT_SLUG}/pamelding/"
        status, _ = fetch(server.url, form_path)
        if status != 200:
            print(f"registration form answered {status}")
            return 1
        floor = measure(server.url, ["/ping"], concurrency=concurrency, requests=500)
        result = run_registrations(server.url, form_path, attempts, concurrency)
        confirmed, waiting, total, distinct = count_registrations(server)
        event_page = measure(
            server.url,
            [f"/arrangement/{EVENT_SLUG}/"],
            concurrency=concurrency,
            requests=500,
        )
    print_results(
        [
            ("floor /ping", floor),
            (f"register x{attempts} (POST latency)", result),
            ("event page (page cache)", event_page),
        ],
        floor=floor,
        title=f"events: {concurrency} concurrent clients (gunicorn, production settings, SQLite)",
    )
    print(
        f"registrations/s {result.rps:.1f}  p95 {result.p95:.1f} ms  "
        f"confirmed {confirmed}  waiting {waiting}  stored {total}  distinct e-mails {distinct}"
    )
    correct = (
        confirmed == CAPACITY
        and confirmed + waiting == attempts
        and total == attempts
        and distinct == attempts
        and result.errors == 0
    )
    print("capacity held: " + ("yes" if correct else "NO"))
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())
