"""The calendar and event pages: where they may live, and that they render."""

import pytest

from distrikt.core.models import HomePage
from distrikt.events.factories import EventPageFactory
from distrikt.events.models import EventIndexPage, EventPage, PlaceKind
from distrikt.organisation.factories import OfficeFactory

pytestmark = pytest.mark.django_db


def test_calendar_lives_only_under_the_home_page():
    assert EventIndexPage.parent_page_types == ["core.HomePage"]
    assert EventIndexPage.can_create_at(HomePage())


def test_event_pages_live_only_under_the_calendar():
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert EventPage.can_create_at(EventIndexPage())
    assert not EventPage.can_create_at(HomePage())


def test_calendar_renders(client, calendar, event):
    response = client.get(calendar.url)
    assert response.status_code == 200
    assert event.title in response.content.decode()


def test_event_page_renders_with_seats_left(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert event.title in html
    assert "2 ledige plassar" in html


def test_event_page_shows_time_in_oslo_time_and_norwegian_format(client, calendar):
    import datetime
    from zoneinfo import ZoneInfo

    start = datetime.datetime(2031, 6, 3, 9, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    event = EventPageFactory(parent=calendar, start=start, end=start + datetime.timedelta(hours=3))
    html = client.get(event.url).content.decode()
    assert "3. juni 2031 kl. 09:30" in html


def test_public_event_page_never_shows_the_streaming_link(client, event):
    html = client.get(event.url).content.decode()
    assert event.online_url not in html


def test_event_at_an_office_shows_the_office(client, calendar):
    office = OfficeFactory(name="Teststad", visiting_address="Storgata 1")
    event = EventPageFactory(parent=calendar, place_kind=PlaceKind.OFFICE, office=office, online_url="")
    html = client.get(event.url).content.decode()
    assert "Distriktssenteret Teststad, Storgata 1" in html


def test_price_is_shown_only_when_set(client, calendar):
    free = EventPageFactory(parent=calendar, price=None)
    paid = EventPageFactory(parent=calendar, price="450.00")
    assert "Gratis" in client.get(free.url).content.decode()
    assert "450 kr" in client.get(paid.url).content.decode()


def test_event_needs_an_office_when_it_is_held_at_one(calendar):
    from django.core.exceptions import ValidationError

    event = EventPageFactory.build(place_kind=PlaceKind.OFFICE, office=None)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "office" in error.value.message_dict


def test_english_interface_shows_the_time_in_english_format(client, calendar):
    import datetime
    from zoneinfo import ZoneInfo

    start = datetime.datetime(2031, 6, 3, 9, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    event = EventPageFactory(parent=calendar, start=start, end=start + datetime.timedelta(hours=3))
    html = client.get("/en" + event.url).content.decode()
    assert "Tuesday 3 June 2031, 09:30" in html
