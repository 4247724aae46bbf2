"""When a seat is freed, the first on the waiting list gets it and is told by e-mail."""

from django.core import mail

import pytest

from distrikt.events.models import RegistrationStatus
from distrikt.events.services import (
    cancel_registration,
    delete_registration,
    fill_free_seats,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_event(event, register):
    people = [register(event, f"p{number}@example.org") for number in range(4)]
    mail.outbox.clear()
    return event, people


def test_cancelling_a_seat_promotes_the_first_on_the_waiting_list(full_event):
    _event, (first, _second, third, fourth) = full_event
    promoted = cancel_registration(first)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert promoted == [third]
    assert third.status == RegistrationStatus.CONFIRMED
    assert third.promoted_at is not None
    assert fourth.status == RegistrationStatus.WAITING


def test_promoted_person_is_told_by_email_with_the_ics(full_event, django_capture_on_commit_callbacks):
    _event, (first, _second, third, _fourth) = full_event
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(first)
    promotion = next(message for message in mail.outbox if message.to == [third.email])
    assert "fått plass" in promotion.subject
    assert any(name.endswith(".ics") for name, *_ in promotion.attachments)


def test_cancelling_from_the_waiting_list_promotes_nobody(full_event):
    _event, (_first, _second, third, fourth) = full_event
    assert cancel_registration(third) == []
    fourth.refresh_from_db()
    assert fourth.status == RegistrationStatus.WAITING


def test_cancelling_twice_frees_only_one_seat(full_event):
    _event, (first, _second, _third, fourth) = full_event
    cancel_registration(first)
    assert cancel_registration(first) == []
    fourth.refresh_from_db()
    assert fourth.status == RegistrationStatus.WAITING


def test_deleting_a_registration_promotes_too(full_event):
    _event, (first, _second, third, _fourth) = full_event
    assert delete_registration(first) == [third]


def test_raising_the_capacity_moves_the_waiting_list_up(full_event):
    event, (_first, _second, third, fourth) = full_event
    event.capacity = 4
    event.save()
    assert fill_free_seats(event) == [third, fourth]
