"""Fixtures shared by every app's tests: the site, its home page and a logged-in editor."""

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

import pytest


def restore_tree_root() -> None:
    """Put back the locale, page-tree root and root collection that Wagtail's migrations make.

    A transactional test ends by emptying every table, these rows included.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture(scope="session", autouse=True)
def _restore_migration_data_at_end(django_db_setup, django_db_blocker):
    """Leave a reused test database as the migrations made it, after any flush."""
    yield
    with django_db_blocker.unblock():
        if Page.objects.exists():
            return
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
        restore_tree_root()


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


@pytest.fixture
def home_page(tree_root):
    from distrikt.core.models import HomePage

    call_command("setup_site_pages", verbosity=0)
    return HomePage.objects.get()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def bundled_site(tree_root):
    """The site with the bundled real data loaded, as a production deployment has it."""
    call_command("load_bundled_data", verbosity=0)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_site(tree_root):
    """The site as `make run` leaves it: the bundled data and the marked demo content."""
    call_command("load_bundled_data", demo=True, verbosity=0)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "passord-for-test")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
