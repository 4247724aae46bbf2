"""Fixtures for the events tests: the calendar page and an open event under it."""

import pytest

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory


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
