"""E-mails: in the person's language, with the event's .ics attached and the signed link."""

from django.core import mail
from django.utils import translation

import icalendar
import pytest

from distrikt.events.factories import EventPageFactory
from distrikt.events.models import PlaceKind

pytestmark = pytest.mark.django_db


def calendar_of(message) -> icalendar.Calendar:
    (attachment,) = [item for item in message.attachments if item[0].endswith(".ics")]
    return icalendar.Calendar.from_ical(attachment[1])


def test_confirmation_has_the_event_as_ics_attachment(event, register):
    register(event, "ola@example.org")
    (message,) = mail.outbox
    (component,) = calendar_of(message).walk("VEVENT")
    assert str(component["summary"]) == event.title
    assert component.decoded("dtstart") == event.start
    assert component.decoded("dtend") == event.end
    assert message.to == ["ola@example.org"]


def test_confirmation_contains_a_working_personal_link(client, event, register):
    registration = register(event, "ola@example.org")
    body = mail.outbox[0].body
    assert "Du har plass på arrangementet" in body
    link = next(line for line in body.splitlines() if f"/pamelding/{registration.pk}/" in line)
    path = link[link.index("/pamelding/") :]
    response = client.get(path.strip())
    assert response.status_code == 200
    assert "Ola Nordmann" in response.content.decode()


def test_online_confirmation_gives_the_streaming_link_to_confirmed_only(calendar, register):
    event = EventPageFactory(
        parent=calendar,
        capacity=1,
        place_kind=PlaceKind.ONLINE,
        online_url="https://strøym.example.org/x",
    )
    register(event, "first@example.org")
    register(event, "second@example.org")
    confirmed, waiting = mail.outbox
    assert event.online_url in confirmed.body
    assert event.online_url in str(calendar_of(confirmed).walk("VEVENT")[0]["description"])
    assert event.online_url not in waiting.body
    assert "venteliste" in waiting.subject


def test_confirmation_is_in_the_language_the_person_used(event, register):
    register(event, "en@example.org", language="en")
    with translation.override("en"):
        expected = translation.gettext("Kalenderfila ligg ved denne e-posten.")
    assert expected in mail.outbox[0].body


def test_nynorsk_is_the_default_language(event, register):
    register(event, "ola@example.org")
    assert "Stadfesting" in mail.outbox[0].subject


def test_ics_file_of_an_event_can_be_downloaded(client, event):
    response = client.get(event.url + "kalender/")
    assert response["Content-Type"].startswith("text/calendar")
    (component,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(component["summary"]) == event.title
    assert event.online_url not in response.content.decode()
