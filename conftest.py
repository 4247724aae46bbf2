"""Fixtures shared by every app's tests: the site, its home page and a logged-in editor."""

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Site

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so cached pages never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    from distrikt.core.models import HomePage

    call_command("setup_site_pages", verbosity=0)
    return HomePage.objects.get()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def bundled_site(db):
    """The site with the bundled registers and pages loaded, as `make run` leaves it."""
    call_command("load_bundled_data", verbosity=0)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "passord-for-test")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
