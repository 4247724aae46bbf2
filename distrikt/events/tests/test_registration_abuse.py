"""The registration form reveals nobody, floods nobody's inbox, and never loses a registration."""

import datetime

from django.core import mail
from django.test import override_settings

import pytest

from distrikt.core.models import OutboxMessage, OutboxStatus
from distrikt.events.factories import EventPageFactory
from distrikt.events.models import Registration

pytestmark = pytest.mark.django_db

REFUSING = "distrikt.core.tests.mail_backends.RefusingBackend"
TIMING_OUT = "distrikt.core.tests.mail_backends.TimingOutBackend"


def form_url(event) -> str:
    return event.url + "pamelding/"


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """The test client, with after-commit work (the outbox's send) run after each request."""

    class CommittingClient:
        def post(self, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return client.post(*args, **kwargs)

        def get(self, *args, **kwargs):
            return client.get(*args, **kwargs)

    return CommittingClient()


def data(email: str = "kari@example.org", name: str = "Kari Nordmann") -> dict:
    return {"name": name, "email": email, "has_consented": "on", "website": ""}


@override_settings(EVENT_REGISTRATION_RATE_LIMIT=0)
def test_thirty_posts_for_one_address_give_one_email(client, event):
    statuses = {client.post(form_url(event), data()).status_code for _ in range(30)}
    assert statuses == {302}
    assert Registration.objects.filter(event=event).count() == 1
    assert len(mail.outbox) == 1


@override_settings(EVENT_REGISTRATION_RATE_LIMIT=0)
def test_the_owner_gets_their_link_again_after_an_hour(client, event):
    client.post(form_url(event), data())
    OutboxMessage.objects.update(
        created_at=OutboxMessage.objects.get().created_at - datetime.timedelta(minutes=61)
    )
    client.post(form_url(event), data(name="Nokon Andre"))
    _first, second = mail.outbox
    registration = Registration.objects.get()
    assert second.to == ["kari@example.org"]
    assert f"/pamelding/{registration.pk}/" in second.body
    assert "Hei Kari Nordmann" in second.body


def test_a_registered_address_gets_the_same_check_your_email_answer(client, event):
    client.post(form_url(event), data())
    response = client.post(form_url(event), data(name="Ein nyfiken"), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sjekk e-posten din" in html
    assert "kari@example.org" not in html
    assert "Kari Nordmann" not in html
    assert "alt påmeld" not in html


def test_with_double_opt_in_new_and_known_addresses_get_identical_answers(client, calendar):
    event = EventPageFactory(parent=calendar, capacity=5, requires_opt_in=True)
    new = client.post(form_url(event), data())
    known = client.post(form_url(event), data())
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    assert client.get(new["Location"]).content == client.get(known["Location"]).content


def test_a_new_registration_is_told_to_check_the_email(client, event):
    response = client.post(form_url(event), data(), follow=True)
    assert "Sjekk e-posten din" in response.content.decode()


@pytest.mark.parametrize("backend", [REFUSING, TIMING_OUT])
def test_a_failing_mail_server_still_gives_the_receipt_with_the_personal_link(client, event, backend):
    with override_settings(EMAIL_BACKEND=backend):
        response = client.post(form_url(event), data())
        assert response.status_code == 302
        registration = Registration.objects.get()
        assert f"/pamelding/{registration.pk}/" in response["Location"]
        receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert "Kari Nordmann" in receipt.content.decode()
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 1
    assert message.last_error


@override_settings(SITE_BASE_URL="https://distriktssenteret.no")
def test_links_in_emails_use_the_site_base_url(client, event):
    client.post(form_url(event), data())
    body = mail.outbox[0].body
    assert "https://distriktssenteret.no/pamelding/" in body
    assert f"https://distriktssenteret.no{event.url}" in body
    assert "localhost" not in body
