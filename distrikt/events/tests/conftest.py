"""Fixtures for the events tests: the calendar page and an open event under it."""

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

import pytest

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory


def restore_tree_root() -> None:
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture(scope="session")
def restore_migration_data_at_end(django_db_setup, django_db_blocker):
    """Put back what the migrations made once the transactional tests have emptied the tables.

    A transactional test ends with a flush of every table, the data migrations' rows
    (page tree root, root collection, locale, groups) included. With --reuse-db the next
    run of any app would start without them; this restores them at the end of the session.
    """
    yield
    with django_db_blocker.unblock():
        if Page.objects.exists():
            return
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
        restore_tree_root()


@pytest.fixture
def tree_root(db):
    """Restore the page tree root and locale if a flush removed them.

    The concurrency test is transactional, so its teardown empties every table, the
    tree root made by Wagtail's data migration included; a reused test database then
    lacks it.
    """
    restore_tree_root()


@pytest.fixture
def home_page(tree_root):
    from distrikt.core.models import HomePage

    call_command("setup_site_pages", verbosity=0)
    return HomePage.objects.get()


@pytest.fixture
def bundled_site(tree_root):
    call_command("load_bundled_data", verbosity=0)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(calendar):
    return EventPageFactory(parent=calendar, capacity=2)


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Register a person as the form does, running the after-commit e-mails at once."""
    from distrikt.events.services import register_for_event

    def _register(event, email: str, language: str = "nn", name: str = "Ola Nordmann"):
        with django_capture_on_commit_callbacks(execute=True):
            return register_for_event(
                event, name=name, email=email, has_consented=True, language=language
            ).registration

    return _register
