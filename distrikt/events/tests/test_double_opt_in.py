"""Double opt-in: a seat is held until the e-mailed link is used; unconfirmed holds are released."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from distrikt.events.factories import EventPageFactory
from distrikt.events.models import Registration, RegistrationStatus
from distrikt.events.services import (
    confirm_registration_email,
    release_unconfirmed_registrations,
    seat_counts,
)
from distrikt.events.tokens import make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def opt_in_event(calendar):
    return EventPageFactory(parent=calendar, capacity=2, requires_opt_in=True)


def test_a_held_seat_takes_capacity_but_is_not_a_participant(opt_in_event, register):
    registration = register(opt_in_event, "a@example.org")
    assert (registration.status, registration.is_verified) == (RegistrationStatus.CONFIRMED, False)
    totals = seat_counts(opt_in_event)
    assert (totals["confirmed"], totals["held"], totals["left"]) == (0, 1, 1)


@override_settings(EVENT_OPT_IN_HOLD_HOURS=6)
def test_the_email_asks_for_confirmation_within_the_hold_time(opt_in_event, register):
    registration = register(opt_in_event, "a@example.org")
    assert registration.hold_expires_at - registration.created_at == datetime.timedelta(hours=6)
    (message,) = mail.outbox
    assert "Stadfest" in message.subject
    assert "6 timar" in message.body
    assert message.attachments == []


def test_confirming_by_the_link_makes_the_seat_count(client, opt_in_event, register):
    registration = register(opt_in_event, "a@example.org")
    token = make_token(registration)
    page = client.get(f"/pamelding/{registration.pk}/{token}/")
    assert "Stadfest påmeldinga" in page.content.decode()
    response = client.post(f"/pamelding/{registration.pk}/{token}/stadfest/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.is_verified and registration.hold_expires_at is None
    assert seat_counts(opt_in_event)["confirmed"] == 1


def test_confirmation_needs_a_post(client, opt_in_event, register):
    registration = register(opt_in_event, "a@example.org")
    response = client.get(f"/pamelding/{registration.pk}/{make_token(registration)}/stadfest/")
    assert response.status_code == 405
    registration.refresh_from_db()
    assert not registration.is_verified


def test_full_opt_in_event_puts_the_next_on_the_waiting_list(opt_in_event, register):
    register(opt_in_event, "a@example.org")
    register(opt_in_event, "b@example.org")
    third = register(opt_in_event, "c@example.org")
    assert third.status == RegistrationStatus.WAITING


def test_unconfirmed_holds_are_released_and_the_waiting_list_moves_up(opt_in_event, register):
    held = register(opt_in_event, "a@example.org")
    confirmed = register(opt_in_event, "b@example.org")
    waiting = register(opt_in_event, "c@example.org")
    confirm_registration_email(confirmed)
    confirm_registration_email(waiting)
    later = timezone.now() + datetime.timedelta(hours=25)
    assert release_unconfirmed_registrations(later) == 1
    held.refresh_from_db()
    waiting.refresh_from_db()
    assert held.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    totals = seat_counts(opt_in_event)
    assert (totals["confirmed"], totals["held"], totals["waiting"], totals["left"]) == (2, 0, 0, 0)


def test_holds_within_the_time_are_kept(opt_in_event, register):
    register(opt_in_event, "a@example.org")
    assert release_unconfirmed_registrations(timezone.now() + datetime.timedelta(hours=23)) == 0
    assert Registration.objects.active().count() == 1


def test_the_release_command_runs_the_service(opt_in_event, register):
    registration = register(opt_in_event, "a@example.org")
    Registration.objects.filter(pk=registration.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("release_unconfirmed_registrations", verbosity=0)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_unconfirmed_people_get_no_reminders_or_staff_messages(opt_in_event, register, editor):
    from distrikt.events.services import message_participants, send_due_reminders

    register(opt_in_event, "a@example.org")
    mail.outbox.clear()
    assert send_due_reminders(opt_in_event.start - datetime.timedelta(hours=1)) == 0
    assert message_participants(opt_in_event, "Emne", "Tekst", editor) == 0
    assert mail.outbox == []


def test_events_without_opt_in_confirm_at_once(event, register):
    registration = register(event, "a@example.org")
    assert registration.is_verified
    assert registration.hold_expires_at is None
    assert seat_counts(event)["confirmed"] == 1
