"""Seats go to the first who register; the rest go to the waiting list, in order."""

import pytest

from distrikt.events.models import RegistrationStatus
from distrikt.events.services import register_for_event

pytestmark = pytest.mark.django_db


def register(event, number: int):
    return register_for_event(
        event,
        name=f"Person {number}",
        email=f"person{number}@example.org",
        has_consented=True,
    ).registration


def test_registrations_get_seats_until_the_event_is_full(event):
    first, second = register(event, 1), register(event, 2)
    assert first.status == RegistrationStatus.CONFIRMED
    assert second.status == RegistrationStatus.CONFIRMED


def test_registration_goes_to_waiting_list_when_event_is_full(event):
    register(event, 1)
    register(event, 2)
    third = register(event, 3)
    assert third.status == RegistrationStatus.WAITING


def test_event_without_capacity_never_fills(calendar):
    from distrikt.events.factories import EventPageFactory

    event = EventPageFactory(parent=calendar, capacity=None)
    statuses = {register(event, number).status for number in range(5)}
    assert statuses == {RegistrationStatus.CONFIRMED}


def test_registration_requires_consent(event):
    with pytest.raises(ValueError):
        register_for_event(event, name="A", email="a@example.org", has_consented=False)
