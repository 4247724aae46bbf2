"""Registrations with mail through the outbox: 300 people register for one event via gunicorn.

gunicorn runs 2 workers with production settings (a generated SECRET_KEY), SQLite in a
temporary folder and the local-memory mail backend. Every registration GETs the form
(CSRF cookie and token) and POSTs it; the confirmation goes into the outbox and is sent
after the commit:

- `immediate` (default): the task runs in the worker process right after the commit;
- `database`: the task is stored and a separate `db_worker` process sends it.

Afterwards the event must hold exactly `capacity` confirmed registrations, the rest on
the waiting list, one stored e-mail per registration and every e-mail sent.
The registration rate limit is switched off for the run (EVENT_REGISTRATION_RATE_LIMIT=0).
Besides registrations/s it prints the CPU time gunicorn spent per registration, the
figure to compare between runs on a shared machine.

    .venv/bin/python bench/scenario_registrations.py [attempts] [concurrency] [immediate|database]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import PYTHON, ROOT, ProductionServer, fetch, measure, print_results
from scenario_events import CAPACITY, CREATE_EVENT, EVENT_SLUG, count_registrations, run_registrations

COUNT_MAIL = """
from distrikt.core.models import OutboxMessage
rows = OutboxMessage.objects.all()
print(rows.count(), rows.filter(status="sent").count(), rows.exclude(status="sent").count())
"""


def count_mail(server: ProductionServer) -> tuple[int, int, int]:
    output = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", COUNT_MAIL],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    stored, sent, unsent = (int(value) for value in output[-3:])
    return stored, sent, unsent


def wait_for_mail(
    server: ProductionServer, expected: int, timeout: float = 120
) -> tuple[float, tuple[int, int, int]]:
    """Seconds until every stored e-mail is sent (the database worker drains the queue)."""
    started = time.perf_counter()
    while True:
        counts = count_mail(server)
        if counts[1] >= expected or time.perf_counter() - started > timeout:
            return time.perf_counter() - started, counts
        time.sleep(0.5)


def main() -> int:
    attempts = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    tasks_backend = sys.argv[3] if len(sys.argv) > 3 else "immediate"
    prepare = [["load_bundled_data", "-v0"], ["shell", "-c", CREATE_EVENT]]
    extra_env = {
        "TASKS_BACKEND": tasks_backend,
        "EVENT_REGISTRATION_RATE_LIMIT": "0",
        "SITE_BASE_URL": "https://distriktssenteret.no",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    worker = None
    with ProductionServer(prepare=prepare, extra_env=extra_env) as server:
        if tasks_backend == "database":
            worker = subprocess.Popen(
                [str(PYTHON), "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
                cwd=ROOT,
                env=server.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        try:
            form_path = f"/arrangement/{EVENT_SLUG}/pamelding/"
            status, _ = fetch(server.url, form_path)
            if status != 200:
                print(f"registration form answered {status}")
                return 1
            floor = measure(server.url, ["/ping"], concurrency=concurrency, requests=500)
            cpu_started = server.cpu_seconds()
            result = run_registrations(server.url, form_path, attempts, concurrency)
            server_cpu = server.cpu_seconds() - cpu_started
            drained, (stored, sent, unsent) = wait_for_mail(server, attempts)
            confirmed, waiting, total, distinct = count_registrations(server)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
    print_results(
        [("floor /ping", floor), (f"register x{attempts} (POST latency)", result)],
        floor=floor,
        title=(
            f"registrations with outbox mail: {concurrency} concurrent clients, "
            f"TASKS_BACKEND={tasks_backend} (gunicorn 2 workers, production settings, SQLite)"
        ),
    )
    print(
        f"registrations/s {result.rps:.1f} (GET form + POST, {result.seconds:.1f} s)  "
        f"p95 POST {result.p95:.1f} ms  confirmed {confirmed}  waiting {waiting}  "
        f"stored {total}  distinct e-mails {distinct}"
    )
    drain_note = (
        f"  all sent {drained:.1f} s after the last POST (polled with manage.py shell)"
        if tasks_backend == "database"
        else ""
    )
    print(
        f"gunicorn CPU per registration {server_cpu / attempts * 1000:.1f} ms (GET + POST + sending; "
        f"changes little with the machine's load, unlike registrations/s)"
    )
    print(f"e-mails stored {stored}  sent {sent}  not sent {unsent}{drain_note}")
    correct = (
        confirmed == CAPACITY
        and confirmed + waiting == attempts
        and total == attempts
        and distinct == attempts
        and result.errors == 0
        and stored == attempts
        and sent == attempts
    )
    print("capacity held and every e-mail sent: " + ("yes" if correct else "NO"))
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())
