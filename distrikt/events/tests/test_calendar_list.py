"""The calendar list: upcoming by default, past on request, and every filter."""

import datetime

from django.utils import timezone

import icalendar
import pytest

from distrikt.events.factories import EventPageFactory
from distrikt.events.models import EventKind, PlaceKind
from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory
from distrikt.organisation.factories import (
    KnowledgeAreaFactory,
    OfficeFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db


def titles(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    return {event.title for event in response.context["events"]}


@pytest.fixture
def events(calendar):
    now = timezone.now()
    merchants = TargetGroupFactory(slug="test-kjopmenn")
    shops = KnowledgeAreaFactory(slug="test-butikk")
    county = CountyFactory(slug="testfylket")
    municipality = MunicipalityFactory(county=county)
    office = OfficeFactory(municipality=municipality)
    course = EventPageFactory(
        parent=calendar,
        title="Kurs for kjøpmenn",
        kind=EventKind.COURSE,
        start=now + datetime.timedelta(days=40),
        end=now + datetime.timedelta(days=40, hours=5),
        place_kind=PlaceKind.OFFICE,
        office=office,
    )
    course.target_groups.add(merchants)
    course.knowledge_areas.add(shops)
    course.save()
    EventPageFactory(
        parent=calendar,
        title="Webinar om planar",
        kind=EventKind.WEBINAR,
        start=now + datetime.timedelta(days=3),
        end=now + datetime.timedelta(days=3, hours=1),
    )
    EventPageFactory(
        parent=calendar,
        title="Konferansen i fjor",
        start=now - datetime.timedelta(days=300),
        end=now - datetime.timedelta(days=299),
    )
    return course


def test_upcoming_events_are_listed_by_default_soonest_first(client, calendar, events):
    response = client.get(calendar.url)
    assert [event.title for event in response.context["events"]] == [
        "Webinar om planar",
        "Kurs for kjøpmenn",
    ]


def test_past_events_are_listed_on_request(client, calendar, events):
    assert titles(client, calendar.url + "?past=on") == {"Konferansen i fjor"}


def test_filter_by_kind(client, calendar, events):
    assert titles(client, calendar.url + "?kind=webinar") == {"Webinar om planar"}


def test_filter_by_theme_and_target_group(client, calendar, events):
    assert titles(client, calendar.url + "?theme=test-butikk") == {"Kurs for kjøpmenn"}
    assert titles(client, calendar.url + "?target_group=test-kjopmenn") == {"Kurs for kjøpmenn"}


def test_filter_by_county_through_the_office(client, calendar, events):
    assert titles(client, calendar.url + "?county=testfylket") == {"Kurs for kjøpmenn"}


def test_filter_by_month(client, calendar, events):
    month = timezone.localtime(events.start).strftime("%Y-%m")
    assert "Kurs for kjøpmenn" in titles(client, calendar.url + f"?month={month}")
    assert titles(client, calendar.url + "?month=1999-01") == set()


def test_unknown_filter_value_is_a_form_error_not_a_crash(client, calendar, events):
    response = client.get(calendar.url + "?kind=sirkus&month=ikkje")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"kind", "month"}


def test_feed_lists_all_upcoming_events(client, calendar, events):
    response = client.get(calendar.url + "kalender/")
    summaries = {
        str(component["summary"])
        for component in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert summaries == {"Webinar om planar", "Kurs for kjøpmenn"}


def test_theme_feed_lists_only_that_theme(client, calendar, events):
    response = client.get(calendar.url + "kalender/test-butikk/")
    summaries = {
        str(component["summary"])
        for component in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert summaries == {"Kurs for kjøpmenn"}
    assert client.get(calendar.url + "kalender/finst-ikkje/").status_code == 404


def test_a_filtered_calendar_is_not_indexed_but_the_plain_one_is(client, calendar, events):
    noindex = '<meta name="robots" content="noindex">'
    assert noindex not in client.get(calendar.url).content.decode()
    assert noindex not in client.get(calendar.url + "?side=2").content.decode()
    assert noindex in client.get(calendar.url + "?kind=webinar").content.decode()
