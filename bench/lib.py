"""Reusable load-test tools: a gunicorn server with production settings and a concurrent client.

Every scenario in bench/ uses these two pieces:

    with ProductionServer(prepare=[["load_bundled_data"]]) as server:
        floor = measure(server.url, ["/ping"], concurrency=8, requests=2000)
        home = measure(server.url, ["/"], concurrency=8, requests=2000)
    print_results([("floor /ping", floor), ("home /", home)], floor=floor)

The client keeps one HTTP/1.1 connection per worker thread (as browsers do), counts every
non-2xx/3xx answer as an error and reports requests per second and p50/p95/p99 latency.
Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = os.environ.get("BENCH_REDIS_DB", "14")


def redis_answers() -> bool:
    """Whether Redis answers on 127.0.0.1:6379 (production runs on Redis; the benches use it when it is there)."""
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def flush_bench_redis() -> None:
    """Empty the benchmark's own Redis database, so nothing from an earlier run's data is reused."""
    with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=2) as sock:
        sock.sendall(f"SELECT {REDIS_DB}\r\nFLUSHDB\r\n".encode())
        sock.recv(64)


class ProductionServer:
    """gunicorn serving distrikt with production settings on a fresh SQLite database (or DATABASE_URL)."""

    def __init__(
        self,
        prepare: Sequence[Sequence[str]] = (),
        workers: int = 2,
        threads: int = 4,
        database_url: str | None = None,
        extra_env: dict[str, str] | None = None,
        start_timeout: float = 60,
    ) -> None:
        self.prepare = prepare
        self.start_timeout = start_timeout
        self.workers = workers
        self.threads = threads
        self.tmp = Path(tempfile.mkdtemp(prefix="distrikt-bench-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "distrikt.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database_url or f"sqlite:///{self.tmp / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "ERROR",
            "ALLOW_DEMO_DATA": "true",
            **(extra_env or {}),
        }
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str) -> None:
        subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def __enter__(self) -> ProductionServer:
        self.manage("migrate", "--noinput", "-v0")
        self.manage("createcachetable")
        self.manage("collectstatic", "--noinput", "-v0")
        for command in self.prepare:
            self.manage(*command)
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "distrikt.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            try:
                status, _ = fetch(self.url, "/ping")
                if status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn did not answer within {self.start_timeout:.0f} s")

    def cpu_seconds(self) -> float:
        """CPU seconds (user + system) used so far by gunicorn's master and workers (Linux /proc).

        Unlike throughput, this changes little when other work shares the machine.
        """
        if self.process is None:
            return 0.0
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        ticks = 0
        for pid in [str(master), *children]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc_info) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def fetch(
    base_url: str,
    path: str,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict | None = None,
) -> tuple[int, bytes]:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass
class Result:
    """Latencies in milliseconds of one measured run."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
        return ordered[index]

    @property
    def p50(self) -> float:
        return self.percentile(0.50)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def p99(self) -> float:
        return self.percentile(0.99)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.latencies) if self.latencies else float("nan")


def measure(
    base_url: str,
    paths: Iterable[str],
    concurrency: int = 8,
    requests: int = 2000,
    warmup: int = 50,
) -> Result:
    """Send `requests` GETs spread over `paths` from `concurrency` threads; return the latencies."""
    path_list = list(paths)
    for index in range(min(warmup, len(path_list) * 3)):
        fetch(base_url, path_list[index % len(path_list)])
    parts = urlsplit(base_url)
    result = Result()
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        local: list[float] = []
        errors = 0
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                break
            path = path_list[number % len(path_list)]
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = 200 <= response.status < 400
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            if ok:
                local.append(elapsed)
            else:
                errors += 1
        connection.close()
        with lock:
            result.latencies.extend(local)
            result.errors += errors

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


def print_results(rows: Sequence[tuple[str, Result]], floor: Result | None = None, title: str = "") -> None:
    if title:
        print(f"\n== {title}")
    print(
        f"{'scenario':<34} {'req':>6} {'err':>4} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'p95/floor':>10}"
    )
    for name, result in rows:
        ratio = f"{result.p95 / floor.p95:.2f}x" if floor and floor.p95 else ""
        print(
            f"{name:<34} {result.requests:>6} {result.errors:>4} {result.rps:>8.0f} "
            f"{result.p50:>8.1f} {result.p95:>8.1f} {result.p99:>8.1f} {ratio:>10}"
        )
    sys.stdout.flush()
