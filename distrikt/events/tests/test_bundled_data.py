"""The loaders: the calendar page after load_bundled_data, demo events only with --demo."""

from django.core.management import call_command

import pytest

from distrikt.events.models import EventIndexPage, EventKind, EventPage

pytestmark = pytest.mark.django_db


def test_bundled_data_creates_the_calendar_in_the_menu(bundled_site, client):
    calendar = EventIndexPage.objects.get()
    assert calendar.slug == "arrangement"
    assert calendar.show_in_menus
    assert calendar.get_parent().specific_class.__name__ == "HomePage"
    assert client.get("/arrangement/").status_code == 200
    assert not EventPage.objects.exists()


def test_loader_keeps_editors_changes(bundled_site):
    calendar = EventIndexPage.objects.get()
    calendar.title = "Kalender"
    calendar.save_revision().publish()
    call_command("load_events", verbosity=0)
    assert EventIndexPage.objects.get().title == "Kalender"


def test_demo_events_cover_every_kind_past_and_upcoming_and_are_marked(bundled_site, client):
    call_command("load_demo_events", verbosity=0)
    call_command("load_demo_events", verbosity=0)
    events = EventPage.objects.all()
    assert events.count() == len({event.slug for event in events})
    assert all(event.is_demo and "(demo)" in event.title for event in events)
    for kind in EventKind.values:
        assert events.of_kind(kind).upcoming().exists()
        assert events.of_kind(kind).past().exists()
    merkur_course = events.of_kind(EventKind.COURSE).with_target_groups(["kjopmenn"])
    assert merkur_course.upcoming().exists()
    recorded = events.webinars().past().first()
    assert recorded.after_event
    for event in events:
        assert client.get(event.url).status_code == 200


def test_accessibility_check_paths_answer_after_bundled_data(bundled_site, client):
    from django.apps import apps

    paths = apps.get_app_config("events").accessibility_check_paths
    assert paths
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200
        assert 'href="/arrangement/"' in response.content.decode()
