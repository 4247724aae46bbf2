"""Two app servers on the same PostgreSQL and Redis never serve a stale page after a publish.

Each server is a gunicorn process with production settings. Both read a page (so both
have it cached), a third process publishes a change through Wagtail, and the next request
to either server shows the change. The test asserts behaviour only, not how the page cache
keeps itself fresh. It runs when the tests run on PostgreSQL and Redis answers at
127.0.0.1:6379 (CI); the Redis database number is its own and is emptied before and after.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.db import connection

import pytest

from distrikt.core.models import StandardPage

pytestmark = [pytest.mark.multiprocess, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DATABASE = int(os.environ.get("MULTIPROCESS_REDIS_DB", "11"))


def redis_answers() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1) as conversation:
            conversation.sendall(b"PING\r\n")
            return conversation.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def flush_redis_database() -> None:
    import redis

    redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DATABASE).flushdb()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  (our own local servers)
        return response.status, response.read().decode()


def database_url() -> str:
    """The test database itself, so the servers see the pages this test commits."""
    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    return (
        f"postgres://{database['USER']}{password}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


@pytest.fixture
def shared_environment(request, transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs the tests to run on PostgreSQL (DATABASE_URL)")
    if not redis_answers():
        pytest.skip(f"needs Redis at {REDIS_HOST}:{REDIS_PORT}")
    collected_static_root = request.getfixturevalue("collected_static_root")  # only when it will run
    flush_redis_database()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "distrikt.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url(),
        "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DATABASE}",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "ERROR",
        "STATIC_ROOT": str(collected_static_root),
    }
    for variable in ("DJANGO_ALLOW_ASYNC_UNSAFE", "AWS_STORAGE_BUCKET_NAME"):
        environment.pop(variable, None)
    yield environment
    flush_redis_database()


@pytest.fixture
def two_app_servers(shared_environment):
    """Two gunicorn servers (separate processes, separate memory) on the same services."""
    servers: list[tuple[subprocess.Popen, str]] = []
    try:
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(
                [
                    str(ROOT / ".venv" / "bin" / "gunicorn"),
                    "distrikt.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=shared_environment,
            )
            servers.append((process, f"http://127.0.0.1:{port}"))
        for process, url in servers:
            wait_until_ready(process, url)
        yield [url for _, url in servers]
    finally:
        for process, _ in servers:
            process.terminate()
        for process, _ in servers:
            process.wait(timeout=30)


def wait_until_ready(process: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the app server at {url} exited with {process.returncode}")
        try:
            if fetch(f"{url}/readyz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the app server at {url} was not ready within 120 s")


def publish_in_another_process(environment: dict[str, str], page_id: int, title: str) -> None:
    """Publish a new revision through Wagtail, as an editor's publish in the admin does."""
    code = (
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page_id}).specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=300,
    )


def test_publishing_is_seen_at_once_by_every_app_server(home_page, shared_environment, two_app_servers):
    page = home_page.add_child(instance=StandardPage(title="Tittel før endringa", slug="to-prosessar"))
    page.save_revision().publish()

    for url in two_app_servers:
        for _ in range(2):  # the second answer comes from the server's page cache
            status, html = fetch(f"{url}/to-prosessar/")
            assert status == 200
            assert "Tittel før endringa" in html

    publish_in_another_process(shared_environment, page.pk, "Tittel etter endringa")

    for url in two_app_servers:
        status, html = fetch(f"{url}/to-prosessar/")
        assert status == 200
        assert "Tittel etter endringa" in html, f"{url} served a stale page"
        assert "Tittel før endringa" not in html
