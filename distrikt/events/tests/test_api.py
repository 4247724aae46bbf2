"""The events API: the public calendar as JSON, without personal data or stream links."""

import datetime

from django.utils import timezone

import pytest

from distrikt.events.factories import EventPageFactory, RegistrationFactory
from distrikt.events.models import EventKind

pytestmark = pytest.mark.django_db


def test_api_lists_upcoming_events_with_seats_left(client, event):
    RegistrationFactory(event=event)
    response = client.get("/api/v1/events")
    assert response.status_code == 200
    (item,) = response.json()
    assert item["title"] == event.title
    assert item["seats_left"] == 1
    assert event.online_url not in response.content.decode()


def test_api_filters_by_kind_and_past(client, calendar):
    now = timezone.now()
    EventPageFactory(parent=calendar, kind=EventKind.WEBINAR, title="Webinaret")
    EventPageFactory(parent=calendar, kind=EventKind.COURSE, title="Kurset")
    EventPageFactory(
        parent=calendar,
        title="Det gamle",
        start=now - datetime.timedelta(days=9),
        end=now - datetime.timedelta(days=8),
    )
    assert [item["title"] for item in client.get("/api/v1/events?kind=webinar").json()] == ["Webinaret"]
    assert [item["title"] for item in client.get("/api/v1/events?past=true").json()] == ["Det gamle"]


def test_api_gives_one_event_and_404_for_unknown(client, event):
    assert client.get(f"/api/v1/events/{event.pk}").json()["id"] == event.pk
    assert client.get("/api/v1/events/999999").status_code == 404
