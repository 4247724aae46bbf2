"""The municipality's statement comes in through a signed, expiring, single-use link."""

import datetime
import re
from unittest import mock

from django.core import signing
from django.urls import reverse

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.merkur import statements
from distrikt.merkur.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(own_shop):
    return ApplicationFactory(shop=own_shop)


def request_link(client, merchant, draft) -> str:
    client.force_login(merchant)
    response = client.post(
        reverse("merkur:statement_request", args=[draft.pk]), {"email": "postmottak@kommune.example"}
    )
    assert response.status_code == 302
    message = OutboxMessage.objects.get(to=["postmottak@kommune.example"])
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_the_municipality_writes_its_statement_without_logging_in_and_it_lands_in_the_case(
    client, merchant, draft
):
    link = request_link(client, merchant, draft)
    client.logout()
    assert client.get(link).status_code == 200
    response = client.post(link, {"text": "Kommunen stør søknaden. Butikken er viktig for bygda."})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.municipality_statement == "Kommunen stør søknaden. Butikken er viktig for bygda."
    assert draft.statement_received_at is not None
    assert draft.statement_email == "postmottak@kommune.example"
    assert draft.messages.filter(text__contains="Fråsegna frå kommunen").exists()


def test_the_link_works_only_once(client, merchant, draft):
    link = request_link(client, merchant, draft)
    client.post(link, {"text": "Første fråsegn."})
    assert client.post(link, {"text": "Overskriven."}).status_code == 404
    draft.refresh_from_db()
    assert draft.municipality_statement == "Første fråsegn."


def test_a_forged_or_expired_link_is_refused(client, merchant, draft, settings):
    link = request_link(client, merchant, draft)
    assert client.get(link[:-3] + "abc/").status_code == 404
    other = ApplicationFactory(shop=draft.shop)
    forged = reverse(
        "merkur:municipality_statement", args=[signing.TimestampSigner(salt="anna").sign(str(other.pk))]
    )
    assert client.get(forged).status_code == 404
    later = datetime.datetime.now().timestamp() + (settings.MERKUR_STATEMENT_LINK_DAYS + 1) * 86400
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.get(link).status_code == 404


def test_an_empty_statement_keeps_the_form_with_a_message(client, merchant, draft):
    link = request_link(client, merchant, draft)
    response = client.post(link, {"text": "   "})
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.statement_received_at is None


def test_another_merchant_cannot_ask_for_a_statement_on_my_application(client, other_merchant, draft):
    client.force_login(other_merchant)
    response = client.post(
        reverse("merkur:statement_request", args=[draft.pk]), {"email": "x@kommune.example"}
    )
    assert response.status_code == 404
    assert statements.application_for_token("garbage") is None
