"""A registration costs a fixed, small number of queries, and the form's cached address map stays right.

The numbers are pinned: a change that adds a query to the form or to a registration
fails here, and one that removes a query updates the number on purpose.
"""

from django.db import connection
from django.test import override_settings

import pytest

from distrikt.events.models import Registration

pytestmark = pytest.mark.django_db

# The POST of a new registration, with the rate limit on and the confirmation sent after the
# commit (the test's immediate task backend), counting the savepoints of the test transaction:
#   rate limit: savepoint, counter update, counter read, release            4
#   event by id from the cached address map, the form's extra questions   2
#   registration: savepoint, lock event, existing + seats, insert, release  5
#   outbox: savepoint, dedupe check, insert, release                      4
#   sending after the commit: claim, read, mark sent                      3
POST_QUERIES = 18
# The same address posted again within the hour: the existing registration is read instead
# of inserting one, and the outbox finds the confirmation already queued (no insert, no send).
REPEATED_POST_QUERIES = 14
# PostgreSQL locks the registration's row while the once-an-hour check runs.
ROW_LOCKS = 1


def form_url(event) -> str:
    return event.url + "pamelding/"


def data(email: str) -> dict:
    return {"name": "Kari Nordmann", "email": email, "has_consented": "on", "website": ""}


def row_locks() -> int:
    return ROW_LOCKS if connection.features.has_select_for_update else 0


# A window of decades: the counter of this client exists once the first POST is counted.
@override_settings(EVENT_REGISTRATION_RATE_LIMIT=100, EVENT_REGISTRATION_RATE_WINDOW=10**9)
def test_a_registration_post_makes_a_fixed_number_of_queries(
    client, calendar, event, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from distrikt.events.factories import EventPageFactory

    # Another event's registration from the same client fills the address map and the
    # rate-limit counter, as the visitors before did.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(EventPageFactory(parent=calendar)), data("forste@example.org"))
    with (
        django_assert_num_queries(POST_QUERIES + row_locks()),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(form_url(event), data("kari@example.org"))
    assert response.status_code == 302
    assert Registration.objects.filter(event=event).count() == 1


@override_settings(EVENT_REGISTRATION_RATE_LIMIT=100, EVENT_REGISTRATION_RATE_WINDOW=10**9)
def test_posting_a_known_address_again_makes_a_fixed_number_of_queries(
    client, event, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(event), data("kari@example.org"))
    with django_assert_num_queries(REPEATED_POST_QUERIES + row_locks()):
        response = client.post(form_url(event), data("kari@example.org"))
    assert response.status_code == 302
    assert Registration.objects.filter(event=event).count() == 1


def test_an_event_unpublished_after_its_form_was_shown_has_no_form(client, event):
    assert client.get(form_url(event)).status_code == 200
    url = form_url(event)
    event.unpublish()
    assert client.get(url).status_code == 404


def test_the_form_follows_an_event_to_its_new_address(client, event):
    old_url = form_url(event)
    assert client.get(old_url).status_code == 200
    event.slug = "nytt-namn"
    event.save_revision().publish()
    event.refresh_from_db()
    assert client.get(old_url).status_code == 404
    new = client.get(form_url(event))
    assert new.status_code == 200
    assert event.title in new.content.decode()


def test_a_draft_event_under_the_same_address_has_no_form(client, calendar):
    from distrikt.events.factories import EventPageFactory

    draft = EventPageFactory(parent=calendar, live=False, slug="utkast")
    assert client.get(f"{calendar.url}utkast/pamelding/").status_code == 404
    assert not draft.live
