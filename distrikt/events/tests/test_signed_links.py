"""Signed links open one registration only and cannot be guessed, altered or reused."""

import pytest

from distrikt.events.factories import RegistrationFactory
from distrikt.events.models import Registration, RegistrationStatus
from distrikt.events.tokens import make_token, registration_for_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_registrations(event):
    return RegistrationFactory(event=event), RegistrationFactory(event=event)


def test_token_opens_its_own_registration(two_registrations):
    first, _second = two_registrations
    assert registration_for_token(first.pk, make_token(first)) == first


def test_token_cannot_be_used_for_another_registration(client, two_registrations):
    first, second = two_registrations
    token = make_token(first)
    assert registration_for_token(second.pk, token) is None
    assert client.get(f"/pamelding/{second.pk}/{token}/").status_code == 404


def test_altered_token_is_refused(client, two_registrations):
    first, _second = two_registrations
    token = make_token(first)
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert registration_for_token(first.pk, tampered) is None
    assert client.get(f"/pamelding/{first.pk}/{tampered}/").status_code == 404
    assert client.get(f"/pamelding/{first.pk}/gjetta/").status_code == 404


def test_token_stops_working_when_the_secret_changes(two_registrations):
    first, _second = two_registrations
    token = make_token(first)
    first.secret = "ny-hemmelegheit"
    first.save()
    assert registration_for_token(first.pk, token) is None


def test_person_can_cancel_through_the_link(client, two_registrations):
    first, _second = two_registrations
    url = f"/pamelding/{first.pk}/{make_token(first)}/avmeld/"
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED


def test_person_can_delete_their_registration_through_the_link(client, two_registrations):
    first, second = two_registrations
    url = f"/pamelding/{first.pk}/{make_token(first)}/slett/"
    response = client.post(url)
    assert response.status_code == 200
    assert not Registration.objects.filter(pk=first.pk).exists()
    assert Registration.objects.filter(pk=second.pk).exists()


def test_personal_page_is_never_cached(client, two_registrations):
    first, _second = two_registrations
    response = client.get(f"/pamelding/{first.pk}/{make_token(first)}/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_personal_page_shows_streaming_link_only_with_a_seat(client, event):
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING)
    confirmed_html = client.get(f"/pamelding/{confirmed.pk}/{make_token(confirmed)}/").content.decode()
    waiting_html = client.get(f"/pamelding/{waiting.pk}/{make_token(waiting)}/").content.decode()
    assert event.online_url in confirmed_html
    assert event.online_url not in waiting_html
