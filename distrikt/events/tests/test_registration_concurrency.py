"""Under 200 simultaneous registrations the capacity holds exactly: none lost, none twice."""

import threading

from django.db import connection, connections

import pytest

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory
from distrikt.events.models import Registration, RegistrationStatus
from distrikt.events.services import register_for_event

ATTEMPTS = 200
CAPACITY = 50


def simultaneous_connections_allowed() -> int:
    # PostgreSQL refuses connections past max_connections (100 by default, a few reserved),
    # so at most 80 of the 200 threads hold a connection at once there; SQLite has no
    # such limit, so there all 200 hit the database at once.
    if connection.vendor != "postgresql":
        return ATTEMPTS
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        limit = int(cursor.fetchone()[0])
    return max(10, min(ATTEMPTS, limit - 20))


@pytest.mark.django_db(transaction=True)
def test_capacity_holds_exactly_under_200_simultaneous_registrations(home_page):
    calendar = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=calendar, capacity=CAPACITY)
    start = threading.Barrier(ATTEMPTS)
    gate = threading.BoundedSemaphore(simultaneous_connections_allowed())
    failures: list[BaseException] = []

    def attempt(number: int) -> None:
        start.wait()
        try:
            with gate:
                try:
                    register_for_event(
                        event,
                        name=f"Samtidig {number}",
                        email=f"samtidig{number}@example.org",
                        has_consented=True,
                    )
                finally:
                    connections.close_all()
        except BaseException as error:  # noqa: BLE001  (collected and asserted below)
            failures.append(error)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert failures == []
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == CAPACITY
    assert registrations.filter(status=RegistrationStatus.WAITING).count() == ATTEMPTS - CAPACITY
    assert registrations.count() == ATTEMPTS
    assert registrations.values("email").distinct().count() == ATTEMPTS
