"""What other apps use: upcoming_events_for() and the knowledge bank entry of webinars."""

import datetime

from django.utils import timezone

import pytest

from distrikt.events.factories import EventPageFactory
from distrikt.events.models import EventKind, EventPage, PlaceKind
from distrikt.events.services import upcoming_events_for
from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.organisation.factories import KnowledgeAreaFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


def test_upcoming_events_for_filters_by_target_group_and_limits(calendar):
    merchants = TargetGroupFactory(slug="test-kjopmenn")
    now = timezone.now()
    for days in (30, 10, 20):
        course = EventPageFactory(
            parent=calendar,
            kind=EventKind.COURSE,
            title=f"Kurs om {days} dagar",
            start=now + datetime.timedelta(days=days),
            end=now + datetime.timedelta(days=days, hours=2),
        )
        course.target_groups.add(merchants)
        course.save()
    EventPageFactory(parent=calendar, title="For alle andre")
    result = upcoming_events_for(target_group_slugs=["test-kjopmenn"], limit=2)
    assert [event.title for event in result] == ["Kurs om 10 dagar", "Kurs om 20 dagar"]


def test_upcoming_events_for_leaves_out_past_and_unpublished_events(calendar):
    area = KnowledgeAreaFactory(slug="test-tema")
    now = timezone.now()
    past = EventPageFactory(
        parent=calendar,
        start=now - datetime.timedelta(days=3),
        end=now - datetime.timedelta(days=2),
    )
    draft = EventPageFactory(parent=calendar, live=False)
    shown = EventPageFactory(parent=calendar)
    for event in (past, draft, shown):
        event.knowledge_areas.add(area)
        event.save()
    assert upcoming_events_for(knowledge_area_slugs=["test-tema"]) == [shown]


def test_queryset_upcoming_and_past_split_on_the_end_time(calendar):
    now = timezone.now()
    running = EventPageFactory(
        parent=calendar,
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    assert running in EventPage.objects.upcoming()
    assert running not in EventPage.objects.past()


def test_webinar_gives_a_knowledge_bank_entry(calendar):
    area = KnowledgeAreaFactory(slug="test-tema")
    group = TargetGroupFactory(slug="test-gruppe")
    webinar = EventPageFactory(parent=calendar, kind=EventKind.WEBINAR, lead="Kort om det.")
    webinar.knowledge_areas.add(area)
    webinar.target_groups.add(group)
    webinar.save()
    entry = webinar.knowledge_bank_entry()
    assert entry == {
        "content_type": "webinar",
        "date": timezone.localtime(webinar.start).date(),
        "summary": "Kort om det.",
        "knowledge_areas": [area],
        "target_groups": [group],
        "municipalities": [],
        "counties": [],
    }
    assert isinstance(entry["date"], datetime.date)


def test_webinar_in_a_municipality_names_it_and_its_county(calendar):
    municipality = MunicipalityFactory()
    webinar = EventPageFactory(
        parent=calendar,
        kind=EventKind.WEBINAR,
        place_kind=PlaceKind.MUNICIPALITY,
        municipality=municipality,
        address="Rådhuset",
    )
    entry = webinar.knowledge_bank_entry()
    assert entry["municipalities"] == [municipality]
    assert entry["counties"] == [municipality.county]


def test_other_kinds_are_not_in_the_knowledge_bank(calendar):
    assert EventPageFactory(parent=calendar, kind=EventKind.COURSE).knowledge_bank_entry() is None


def test_open_for_registration_leaves_out_closed_and_not_yet_open_events(calendar):
    now = timezone.now()
    open_event = EventPageFactory(parent=calendar)
    EventPageFactory(parent=calendar, registration_deadline=now - datetime.timedelta(hours=1))
    EventPageFactory(parent=calendar, registration_opens=now + datetime.timedelta(days=1))
    EventPageFactory(parent=calendar, is_registration_enabled=False)
    assert list(EventPage.objects.upcoming().open_for_registration()) == [open_event]
