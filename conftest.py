"""Fixtures shared by every app's tests: the site, its home page and a logged-in editor.

Also the services a scaled deployment uses: a local S3 server (moto) for object storage.
"""

import fcntl
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

import pytest


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "s3: needs an S3-compatible server (moto is started when none is named)"
    )
    config.addinivalue_line(
        "markers", "multiprocess: starts app servers on PostgreSQL and Redis (skipped unless both answer)"
    )


def restore_tree_root() -> None:
    """Put back the locale, page-tree root and root collection that Wagtail's migrations make.

    A transactional test ends by emptying every table, these rows included.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


# What the migrations put in the test database (groups and their permissions, the published
# Merkur schemes, the page-tree root …), taken once per test process.
_MIGRATION_DATA: dict[str, str] = {}


def _content_types_first(snapshot: str) -> str:
    """Load the content types before the rows whose save signals look them up (and would
    otherwise create them under new ids, which the snapshot's own rows then collide with)."""
    objects = json.loads(snapshot)
    objects.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def _put_back_migration_data() -> None:
    """Empty every table and load what the migrations made, as Django's serialized rollback does."""
    # Sequences keep counting (PostgreSQL would otherwise hand out the restored rows' ids again).
    call_command("flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0)
    connection.creation.deserialize_db_from_string(_MIGRATION_DATA["default"])
    # The content types are back under their first ids; the per-process cache still maps the
    # ids that the flush's post-migrate step gave them.
    ContentType.objects.clear_cache()


@pytest.fixture(scope="session", autouse=True)
def _migration_data(django_db_setup, django_db_blocker):
    """Snapshot the migrations' data; leave a reused test database with it after any flush."""
    with django_db_blocker.unblock():
        # A run of tests that never touch the database made no tables to snapshot.
        if Page._meta.db_table in connection.introspection.table_names():
            _MIGRATION_DATA["default"] = _content_types_first(connection.creation.serialize_db_to_string())
    yield
    if not _MIGRATION_DATA:
        return
    with django_db_blocker.unblock():
        if not Page.objects.exists():
            _put_back_migration_data()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, put the migrations' data back for the tests that follow.

    A transactional (or live-server) test ends by emptying every table, the rows that data
    migrations made included. The suite runs in several processes that take whole modules
    largest first, so a transactional test can run before any other module; without this,
    a later test in the same process would miss, say, the «Departementet» group.
    """
    yield
    if not _MIGRATION_DATA or nextitem is None or not _is_transactional(item):
        return
    if _is_transactional(nextitem):
        return  # it starts from empty tables anyway; put the data back once, after the last
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        _put_back_migration_data()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so cached pages never leak between tests."""
    from distrikt.core.cache import reset_page_cache

    cache.clear()
    reset_page_cache()
    yield
    cache.clear()
    reset_page_cache()


@pytest.fixture
def tree_root(db):
    restore_tree_root()


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool({"transactional_db", "live_server"} & set(item.fixturenames)) or (
        marker is not None and bool(marker.kwargs.get("transaction"))
    )


@pytest.fixture(autouse=True)
def _tree_root_present(request):
    """Every test in a transaction finds the page-tree root, whatever ran before it.

    A transactional test ends by emptying every table; the next test in the same process
    (the suite runs in several, so the order differs from run to run) would otherwise find
    no root page, locale or root collection unless it asked for `tree_root`.
    """
    uses_database = "db" in request.fixturenames or request.node.get_closest_marker("django_db") is not None
    if uses_database and not _is_transactional(request.node):
        request.getfixturevalue("db")
        restore_tree_root()


@pytest.fixture
def home_page(tree_root):
    from distrikt.core.models import HomePage

    call_command("setup_site_pages", verbosity=0)
    return HomePage.objects.get()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


SITE_DATA_FIXTURES = {"bundled_site": False, "demo_site": True}


def _module_can_share_site_data(items) -> str | None:
    """The one site-data fixture a module's tests use, when it can be loaded once for them all.

    Loading the bundled data takes seconds; a module whose database tests all build on the
    same variant (bundled or demo) and run inside transactions can share one load. A module
    that mixes the variants, has a database test without the data, or has a transactional
    or live-server test (which empties tables and commits), loads it per test as before.
    """
    kinds = {name for item in items for name in SITE_DATA_FIXTURES if name in item.fixturenames}
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    for item in items:
        if _is_transactional(item):
            return None
        names = set(item.fixturenames)
        uses_database = item.get_closest_marker("django_db") is not None or "db" in names
        if uses_database and kind not in names:
            return None  # this test expects a database without the site data
    return kind


@pytest.fixture(scope="module")
def _module_site_data(request, django_db_setup, django_db_blocker):
    """Load the site data once per module, in a transaction rolled back after its last test.

    Each test still runs in its own savepoint (the `db` fixture), so what one test changes
    is gone before the next, and the loaded data is gone after the module.
    """
    items = [item for item in request.session.items if getattr(item, "module", None) is request.module]
    kind = _module_can_share_site_data(items)
    if kind is None:
        yield None
        return
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            restore_tree_root()
            call_command("load_bundled_data", demo=SITE_DATA_FIXTURES[kind], verbosity=0)
            yield kind
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def bundled_site(_module_site_data, tree_root):
    """The site with the bundled real data loaded, as a production deployment has it."""
    if _module_site_data != "bundled_site":
        call_command("load_bundled_data", verbosity=0)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_site(_module_site_data, tree_root):
    """The site as `make run` leaves it: the bundled data and the marked demo content."""
    if _module_site_data != "demo_site":
        call_command("load_bundled_data", demo=True, verbosity=0)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "passord-for-test")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def s3_answers(endpoint_url: str) -> bool:
    try:
        urllib.request.urlopen(endpoint_url, timeout=2)  # noqa: S310  (a local test server)
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except OSError:
        return False
    return True


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="session")
def collected_static_root(tmp_path_factory, worker_id):
    """Static files collected with the production settings (hashed names, compressed copies).

    Collecting takes about a minute (compressing Wagtail's admin files), so the parallel test
    processes share one copy: the first to need it collects, the others wait on a file lock.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, common to every worker process
    static_root = shared / "collected-static"
    with open(shared / "collected-static.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (static_root / "staticfiles.json").exists():
            _collect_static(static_root)
    return static_root


def _collect_static(static_root) -> None:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "distrikt.settings.production",
        "SECRET_KEY": "collectstatic-" + "x" * 50,
        "STATIC_ROOT": str(static_root),
    }
    environment.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def s3_endpoint():
    """The URL of an S3-compatible server: S3_TEST_ENDPOINT_URL (CI starts moto there), or
    a moto server started for this session. Skipped when neither is possible, unless
    REQUIRE_S3 is set."""
    endpoint_url = os.environ.get("S3_TEST_ENDPOINT_URL", "")
    if endpoint_url:
        if not wait_for(lambda: s3_answers(endpoint_url), 15):
            pytest.fail(f"S3_TEST_ENDPOINT_URL={endpoint_url} does not answer")
        yield endpoint_url
        return
    try:
        import moto.server  # noqa: F401
    except ImportError:
        if os.environ.get("REQUIRE_S3"):
            pytest.fail("REQUIRE_S3 is set but no S3 server is named and moto is not installed")
        pytest.skip("no S3 server: set S3_TEST_ENDPOINT_URL or install moto[server]")
    port = free_port()
    server = subprocess.Popen(  # noqa: S603  (our own interpreter, fixed arguments)
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint_url = f"http://127.0.0.1:{port}"
    try:
        if not wait_for(lambda: s3_answers(endpoint_url), 30):
            pytest.fail("the moto S3 server did not start")
        yield endpoint_url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(autouse=True)
def _nynorsk_after_each_test():
    """A request leaves its interface language active in the thread: start the next test afresh."""
    yield
    translation.deactivate()
