"""Page cache against the framework's floor: a cached page vs a bare Django view, same gunicorn.

Starts everything itself: a SQLite database in a temp dir with the bundled and demo data,
gunicorn (2 sync workers, production settings, generated SECRET_KEY) serving the site, and
the same gunicorn serving `bench/bare_app.py` (one view, no middleware). The same load
(wrk when installed, else the Python client in lib.py) goes to both; then again with
REDIS_URL when Redis answers on 127.0.0.1:6379. Also measured: a municipality profile cold
(first render, nothing cached), warm (page-cache miss, derived data cached) and as a hit,
and the time to publish a page with its invalidation, checked from the other process.

    .venv/bin/python bench/scenario_page_cache.py [--seconds 10] [--connections 8]

The last line is the ratio (cached page req/s ÷ bare view req/s), default and with Redis.
Aims: ≥ 0.5 default, ≥ 0.6 with Redis.
"""

import argparse
import re
import shutil
import subprocess
import sys
import time

from lib import (
    GUNICORN,
    PYTHON,
    REDIS_DB,
    REDIS_HOST,
    REDIS_PORT,
    ROOT,
    ProductionServer,
    fetch,
    flush_bench_redis,
    free_port,
    measure,
    redis_answers,
)

BENCH_DIR = ROOT / "bench"
PAGE = "/"


def start_gunicorn(app: str, env: dict, chdir: str | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [str(GUNICORN), app, "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    command += ["--worker-class", "sync", "--log-level", "warning"]
    if chdir:
        command += ["--chdir", chdir]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            if fetch(url, "/ping")[0] in (200, 404):
                return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"{app} did not answer within 240 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def requests_per_second(url: str, path: str, seconds: int, connections: int) -> float:
    """The same load for every server: wrk with one thread, else the Python client."""
    for _ in range(20):
        fetch(url, path)
    if shutil.which("wrk"):
        output = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url + path],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if "Non-2xx" in output:
            raise RuntimeError(f"errors from {url}{path}:\n{output}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    result = measure(url, [path], concurrency=connections, requests=seconds * 400, warmup=0)
    if result.errors:
        raise RuntimeError(f"{result.errors} errors from {url}{path}")
    return result.rps


def timed_get(url: str, path: str) -> float:
    started = time.perf_counter()
    status, _body = fetch(url, path)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return elapsed


def profile_paths(url: str) -> list[str]:
    _status, body = fetch(url, "/kommunar/")
    paths = re.findall(r'href="(/kommunar/\d{4}-[^/"]+/)"', body.decode())
    preferred = [path for path in paths if path.startswith("/kommunar/5006-")]
    return (preferred + [path for path in paths if path not in preferred])[:3]


def publish_seconds(env: dict, marker: str) -> float:
    """Publish a title change of /om-oss/ (with its invalidation) in another process; seconds."""
    code = (
        "import time\n"
        "from distrikt.core.models import StandardPage\n"
        "page = StandardPage.objects.get(slug='om-oss')\n"
        f"page.title = 'Om oss ({marker})'\n"
        "started = time.perf_counter()\n"
        "page.save_revision().publish()\n"
        "print(time.perf_counter() - started)\n"
    )
    output = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(output.strip().splitlines()[-1])


def site_figures(label: str, env: dict, bare_url: str, seconds: int, connections: int) -> float:
    site, url = start_gunicorn("distrikt.wsgi", env)
    try:
        paths = profile_paths(url)
        cold = timed_get(url, paths[0])
        warm = timed_get(url, paths[1])
        hit = timed_get(url, paths[1])
        marker = f"publisert {time.time_ns()}"
        publish = publish_seconds(env, marker)
        # The other process (gunicorn) must show the change at once.
        is_fresh = marker in fetch(url, "/om-oss/")[1].decode()
        # Interleaved (bare, cached, bare), so the machine's other load hits both alike.
        bare_before = requests_per_second(bare_url, PAGE, seconds, connections)
        cached = requests_per_second(url, PAGE, seconds, connections)
        bare = (bare_before + requests_per_second(bare_url, PAGE, seconds, connections)) / 2
    finally:
        stop(site)
    ratio = cached / bare
    print(f"\n== {label}")
    print(f"profile {paths[0]} cold (nothing cached):          {cold:8.1f} ms")
    print(f"profile {paths[1]} warm (page miss, derived hit): {warm:8.1f} ms")
    print(f"profile {paths[1]} page-cache hit:                {hit:8.1f} ms")
    print(f"publish /om-oss/ with invalidation:               {publish * 1000:8.1f} ms")
    print(f"change seen at once by the gunicorn workers:      {'yes' if is_fresh else 'NO'}")
    print(
        f"cached page {PAGE}: {cached:8.0f} req/s   bare Django view: {bare:8.0f} req/s   ratio {ratio:.3f}"
    )
    sys.stdout.flush()
    if not is_fresh:
        raise SystemExit("a published change was not seen at once")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    server = ProductionServer(prepare=[["load_bundled_data", "--demo", "-v0"]], workers=2, threads=1)
    # Prepare the database only; the gunicorns below are started here, with sync workers.
    server.manage("migrate", "--noinput", "-v0")
    server.manage("createcachetable")
    server.manage("collectstatic", "--noinput", "-v0")
    server.manage("load_bundled_data", "--demo", "-v0")
    bare_env = {key: value for key, value in server.env.items() if key != "DJANGO_SETTINGS_MODULE"}
    bare, bare_url = start_gunicorn("bare_app:application", bare_env, chdir=str(BENCH_DIR))
    try:
        default = site_figures(
            "default install: SQLite, database cache table, file signal",
            server.env,
            bare_url,
            args.seconds,
            args.connections,
        )
        redis = None
        if redis_answers():
            flush_bench_redis()
            redis_env = {**server.env, "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"}
            redis = site_figures(
                "with REDIS_URL: Redis cache and signal", redis_env, bare_url, args.seconds, args.connections
            )
    finally:
        stop(bare)
        shutil.rmtree(server.tmp, ignore_errors=True)
    redis_text = f"{redis:.3f}" if redis is not None else "n/a (no Redis on 127.0.0.1:6379)"
    print(
        f"page cache ÷ bare Django view (req/s): default {default:.3f} (aim 0.5), redis {redis_text} (aim 0.6)"
    )


if __name__ == "__main__":
    main()
