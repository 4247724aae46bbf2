"""The contact page: the form reaches the right office or area through the outbox, keeps
what was typed when it is wrong, stops bots and floods, and forgets after the retention time."""

import datetime

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from distrikt.core import retention
from distrikt.core.models import OutboxMessage, SiteSettings
from distrikt.organisation.models import ContactMessage, ContactPage, KnowledgeArea, Office

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_site(site):
    call_command("load_organisation", verbosity=0)
    return site


def valid_data(**changes) -> dict:
    data = {
        "to": "office:sogndal",
        "name": "Kari Nordmann",
        "email": "kari@kommune.no",
        "phone": "",
        "message": "Kan de halde eit føredrag for kommunestyret?",
        "website": "",
    }
    data.update(changes)
    return data


def test_contact_page_is_created_and_linked_in_the_footer(client, contact_site):
    assert ContactPage.objects.live().count() == 1
    assert SiteSettings.load().contact_page.slug == "kontakt"
    assert 'href="/kontakt/"' in client.get("/").content.decode()


@pytest.mark.parametrize("prefix", ["", "/nb", "/en"])
def test_contact_page_renders_in_every_language(client, contact_site, prefix):
    response = client.get(f"{prefix}/kontakt/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in body
    assert "Sogndal" in body
    assert ("Regionalt samarbeid" in body) or ("Regional cooperation" in body)
    assert "private" in response["Cache-Control"]


def test_a_valid_message_is_stored_and_queued_to_the_office(client, contact_site):
    Office.objects.filter(slug="sogndal").update(email="sogndal@example.org")
    response = client.post("/kontakt/", valid_data())
    assert response.status_code == 302 and response["Location"] == "/kontakt/?sendt=1"
    message = ContactMessage.objects.get()
    assert message.office.slug == "sogndal" and message.recipient == "sogndal@example.org"
    mail = OutboxMessage.objects.get(related_key=f"organisation.contactmessage:{message.pk}")
    assert mail.to == ["sogndal@example.org"]
    assert mail.reply_to == ["kari@kommune.no"]
    assert "Kan de halde eit føredrag" in mail.body and "Sogndal" in mail.subject
    assert "Takk, meldinga er send" in client.get("/kontakt/?sendt=1").content.decode()


def test_a_message_about_an_area_goes_to_its_address_or_the_main_one(client, contact_site):
    client.post("/kontakt/", valid_data(to="area:lokaldemokrati"))
    assert OutboxMessage.objects.get().to == [SiteSettings.load().organisation_email]
    KnowledgeArea.objects.filter(slug="merkur").update(contact_email="merkur@example.org")
    client.post("/kontakt/", valid_data(to="area:merkur", email="ola@butikk.no"))
    assert OutboxMessage.objects.order_by("-pk").first().to == ["merkur@example.org"]


def test_invalid_input_keeps_what_was_typed_and_says_what_is_wrong(client, contact_site):
    response = client.post("/kontakt/", valid_data(email="ikkje-ei-adresse", to=""))
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="Kari Nordmann"' in body
    assert "Kan de halde eit føredrag for kommunestyret?" in body
    assert 'value="ikkje-ei-adresse"' in body
    assert "Skriv ei gyldig e-postadresse" in body
    assert "Vel kontoret eller fagområdet du vil kontakte." in body
    assert 'aria-invalid="true"' in body
    assert not ContactMessage.objects.exists() and not OutboxMessage.objects.exists()


def test_unknown_recipient_and_overlong_message_are_refused(client, contact_site):
    assert client.post("/kontakt/", valid_data(to="office:finst-ikkje")).status_code == 400
    assert client.post("/kontakt/", valid_data(message="x" * 5001)).status_code == 400
    assert not ContactMessage.objects.exists()


def test_the_honeypot_stores_and_sends_nothing(client, contact_site):
    response = client.post("/kontakt/", valid_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not ContactMessage.objects.exists() and not OutboxMessage.objects.exists()


@override_settings(CONTACT_RATE_LIMIT=2, CONTACT_RATE_WINDOW=3600)
def test_too_many_messages_from_one_address_are_refused(client, contact_site):
    for number in range(2):
        assert client.post("/kontakt/", valid_data(name=f"Person {number}")).status_code == 302
    response = client.post("/kontakt/", valid_data(name="Person 3"))
    assert response.status_code == 429
    assert ContactMessage.objects.count() == 2
    assert 'value="Person 3"' in response.content.decode()


def test_retention_deletes_old_messages_and_their_mail(client, contact_site):
    client.post("/kontakt/", valid_data())
    client.post("/kontakt/", valid_data(name="Ny"))
    old = ContactMessage.objects.get(name="Kari Nordmann")
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    with override_settings(CONTACT_MESSAGE_RETENTION_DAYS=365):
        counts = retention.apply_retention(only=["organisation.contact_messages"])
    assert counts == {"organisation.contact_messages": 1}
    assert list(ContactMessage.objects.values_list("name", flat=True)) == ["Ny"]
    assert not OutboxMessage.objects.filter(related_key=f"organisation.contactmessage:{old.pk}").exists()


def test_empty_office_fields_are_hidden_from_the_public(client, contact_site):
    office = Office.objects.get(slug="steinkjer")
    office.phone = "74 00 00 00"
    office.save()
    for path in ("/kontakt/", "/om-oss/kontor/", "/en/kontakt/"):
        body = client.get(path).content.decode()
        assert "Ikkje registrert enno" not in body and "Not registered yet" not in body
        assert "Besøksadresse" not in body and "Visiting address" not in body
    assert "74 00 00 00" in client.get("/kontakt/").content.decode()
