"""Personal links stop working a set number of days after the event, with a clear page."""

import datetime

from django.test import override_settings
from django.utils import timezone, translation

import pytest

from distrikt.events.factories import EventPageFactory, RegistrationFactory
from distrikt.events.tokens import is_link_expired, make_token

pytestmark = pytest.mark.django_db


def ended_event(calendar, days_ago: int):
    end = timezone.now() - datetime.timedelta(days=days_ago)
    return EventPageFactory(parent=calendar, start=end - datetime.timedelta(hours=3), end=end)


def link(registration, suffix: str = "", language: str = "") -> str:
    prefix = f"/{language}" if language else ""
    return f"{prefix}/pamelding/{registration.pk}/{make_token(registration)}/{suffix}"


@override_settings(EVENT_LINK_VALID_DAYS_AFTER=30)
def test_link_works_until_the_set_number_of_days_after_the_event(client, calendar):
    registration = RegistrationFactory(event=ended_event(calendar, days_ago=29))
    assert not is_link_expired(registration)
    assert client.get(link(registration)).status_code == 200


@override_settings(EVENT_LINK_VALID_DAYS_AFTER=30)
def test_expired_link_gets_a_clear_page_and_no_personal_data(client, calendar):
    registration = RegistrationFactory(event=ended_event(calendar, days_ago=31), name="Kari Nordmann")
    response = client.get(link(registration))
    html = response.content.decode()
    assert response.status_code == 410
    assert "Lenka har gått ut" in html
    assert "Kari Nordmann" not in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@override_settings(EVENT_LINK_VALID_DAYS_AFTER=30)
def test_expired_link_cannot_cancel_or_delete(client, calendar):
    registration = RegistrationFactory(event=ended_event(calendar, days_ago=31))
    assert client.post(link(registration, "avmeld/")).status_code == 410
    assert client.post(link(registration, "slett/")).status_code == 410
    registration.refresh_from_db()
    assert registration.is_active


@override_settings(EVENT_LINK_VALID_DAYS_AFTER=30)
def test_expired_page_speaks_the_language_of_the_interface(client, calendar):
    registration = RegistrationFactory(event=ended_event(calendar, days_ago=31))
    # The request activates English in this thread; put the previous language back after it.
    with translation.override("nn"):
        response = client.get(link(registration, language="en"))
    assert response.status_code == 410
    assert "The link has expired" in response.content.decode()


@override_settings(EVENT_LINK_VALID_DAYS_AFTER=5)
def test_validity_is_a_setting(calendar):
    registration = RegistrationFactory(event=ended_event(calendar, days_ago=6))
    assert is_link_expired(registration)
