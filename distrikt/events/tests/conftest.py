"""Fixtures for the events tests: the calendar page and an open event under it."""

import pytest

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(calendar):
    return EventPageFactory(parent=calendar, capacity=2)
