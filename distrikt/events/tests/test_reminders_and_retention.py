"""Reminders go out once before the event; old registrations lose their personal data."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from distrikt.events.factories import EventPageFactory, RegistrationFactory
from distrikt.events.models import Registration, RegistrationStatus
from distrikt.events.services import anonymise_expired_registrations, send_due_reminders
from distrikt.events.tasks import anonymise_registrations, send_event_reminders
from distrikt.events.tokens import make_token

pytestmark = pytest.mark.django_db


def event_starting_in(calendar, hours: float):
    start = timezone.now() + datetime.timedelta(hours=hours)
    return EventPageFactory(parent=calendar, start=start, end=start + datetime.timedelta(hours=2))


def test_reminder_goes_to_confirmed_participants_of_events_within_the_lead_time(
    calendar, django_capture_on_commit_callbacks
):
    soon = event_starting_in(calendar, 20)
    later = event_starting_in(calendar, 30)
    confirmed = RegistrationFactory(event=soon)
    RegistrationFactory(event=soon, status=RegistrationStatus.WAITING)
    RegistrationFactory(event=later)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1
    (message,) = mail.outbox
    assert message.to == [confirmed.email]
    assert "Påminning" in message.subject
    assert any(name.endswith(".ics") for name, *_ in message.attachments)


def test_reminder_is_sent_only_once(calendar, django_capture_on_commit_callbacks):
    soon = event_starting_in(calendar, 5)
    RegistrationFactory(event=soon)
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders()
        send_due_reminders()
    assert len(mail.outbox) == 1


@override_settings(EVENT_REMINDER_HOURS=48)
def test_reminder_lead_time_is_a_setting(calendar):
    RegistrationFactory(event=event_starting_in(calendar, 30))
    assert send_due_reminders() == 1


def test_reminder_command_and_task_send(calendar, django_capture_on_commit_callbacks):
    RegistrationFactory(event=event_starting_in(calendar, 5))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", verbosity=0)
    RegistrationFactory(event=event_starting_in(calendar, 6))
    with django_capture_on_commit_callbacks(execute=True):
        result = send_event_reminders.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 2


def ended_days_ago(calendar, days: int):
    end = timezone.now() - datetime.timedelta(days=days)
    return EventPageFactory(parent=calendar, start=end - datetime.timedelta(hours=3), end=end)


def test_registrations_are_anonymised_after_the_retention_period(client, calendar):
    old = RegistrationFactory(event=ended_days_ago(calendar, 200), dietary_needs="Nøtter")
    recent = RegistrationFactory(event=ended_days_ago(calendar, 100))
    token = make_token(old)
    assert anonymise_expired_registrations() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.dietary_needs) == ("", "", "")
    assert old.anonymised_at is not None
    assert recent.name and recent.anonymised_at is None
    assert client.get(f"/pamelding/{old.pk}/{token}/").status_code == 404


@override_settings(EVENT_REGISTRATION_RETENTION_DAYS=30)
def test_retention_period_is_a_setting(calendar):
    RegistrationFactory(event=ended_days_ago(calendar, 40))
    assert anonymise_expired_registrations() == 1


def test_anonymised_registrations_keep_counts_for_statistics(calendar):
    event = ended_days_ago(calendar, 400)
    RegistrationFactory(event=event, has_attended=True)
    RegistrationFactory(event=event, has_attended=True)
    anonymise_expired_registrations()
    assert Registration.objects.filter(event=event, has_attended=True).count() == 2


def test_retention_command_and_task_anonymise(calendar):
    RegistrationFactory(event=ended_days_ago(calendar, 300))
    call_command("anonymise_registrations", verbosity=0)
    RegistrationFactory(event=ended_days_ago(calendar, 301))
    assert anonymise_registrations.enqueue().return_value == 1
    assert Registration.objects.filter(anonymised_at__isnull=True).count() == 0
