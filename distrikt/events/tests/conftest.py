"""Fixtures for the events tests: the calendar page and an open event under it."""

from django.core.management import call_command

from wagtail.models import Site

import pytest

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def bundled_site(tree_root):
    """The bundled data without the demo events, so the tests control every event."""
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
