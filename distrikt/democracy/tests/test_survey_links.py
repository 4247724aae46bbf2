"""The survey's magic link: who may ask, tampering, expiry, reuse and the rate limit."""

import datetime
import re
from unittest import mock

from django.core import signing
from django.test import override_settings
from django.utils import timezone

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.democracy import services
from distrikt.democracy.models import MunicipalEmailDomain, SurveyLink

pytestmark = pytest.mark.django_db

ASK = "/lokaldemokrati/skjema/"


def ask(client, municipality, email):
    return client.post(ASK, {"municipality": municipality.pk, "email": email})


def token_from_mail() -> str:
    body = OutboxMessage.objects.latest("pk").body
    return re.search(r"/opne/([^/\s]+)/", body).group(1)


def test_an_address_at_the_municipality_domain_gets_a_single_link_by_mail(client, places):
    response = ask(client, places["steinkjer"], "Ola.Nordmann@Steinkjer.kommune.no")
    assert response.status_code == 302
    link = SurveyLink.objects.get()
    assert link.email == "ola.nordmann@steinkjer.kommune.no"
    message = OutboxMessage.objects.get()
    assert message.to == ["ola.nordmann@steinkjer.kommune.no"]
    assert "/lokaldemokrati/skjema/opne/" in message.body


def test_an_address_elsewhere_is_refused_and_the_form_keeps_it(client, places):
    response = ask(client, places["steinkjer"], "ola@gmail.com")
    assert response.status_code == 400
    html = response.content.decode()
    assert "@steinkjer.kommune.no" in html
    assert 'value="ola@gmail.com"' in html
    assert not SurveyLink.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_neighbouring_municipality_domain_is_refused(client, places):
    assert ask(client, places["steinkjer"], "ola@namsos.kommune.no").status_code == 400


def test_registered_domains_replace_the_default(client, places):
    MunicipalEmailDomain.objects.create(municipality=places["narvik"], domain="Narvik.Kommune.NO")
    MunicipalEmailDomain.objects.create(municipality=places["narvik"], domain="ofoten.no")
    assert ask(client, places["narvik"], "kari@ofoten.no").status_code == 302
    assert ask(client, places["narvik"], "kari@narvik.kommune.no").status_code == 302


@override_settings(DEMOCRACY_LINK_RATE_LIMIT=2, DEMOCRACY_LINK_RATE_WINDOW=3600)
def test_asking_too_often_is_refused(client, places):
    for _ in range(2):
        assert ask(client, places["steinkjer"], "ola@steinkjer.kommune.no").status_code == 302
    response = ask(client, places["steinkjer"], "ola@steinkjer.kommune.no")
    assert response.status_code == 429
    assert "mange lenkjer" in response.content.decode()
    assert SurveyLink.objects.count() == 2


def test_opening_a_link_lets_the_session_fill_in_the_survey(client, places):
    ask(client, places["steinkjer"], "ola@steinkjer.kommune.no")
    token = token_from_mail()
    # Looking at the link (a mail scanner, a preview) does not use it up.
    assert client.get(f"{ASK}opne/{token}/").status_code == 200
    assert client.get(f"{ASK}opne/{token}/").status_code == 200
    response = client.post(f"{ASK}opne/{token}/")
    assert response.status_code == 302
    page = client.get("/lokaldemokrati/skjema/ordningar/")
    assert page.status_code == 200
    assert "Ordningar i Steinkjer" in page.content.decode()


def test_a_link_works_only_once(client, places):
    ask(client, places["steinkjer"], "ola@steinkjer.kommune.no")
    token = token_from_mail()
    assert client.post(f"{ASK}opne/{token}/").status_code == 302
    other = client.__class__()
    response = other.post(f"{ASK}opne/{token}/")
    assert response.status_code == 410
    assert "alt brukt" in response.content.decode()


@pytest.mark.parametrize("change", ["flip", "truncate", "other-salt"])
def test_a_tampered_link_is_refused(client, places, change):
    ask(client, places["steinkjer"], "ola@steinkjer.kommune.no")
    token = token_from_mail()
    if change == "flip":
        token = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    elif change == "truncate":
        token = token[:-5]
    else:
        link = SurveyLink.objects.get()
        token = signing.dumps({"l": link.pk, "n": link.nonce}, salt="another.purpose", compress=True)
    response = client.post(f"{ASK}opne/{token}/")
    assert response.status_code == 410
    assert "ikkje gyldig" in response.content.decode()
    assert SurveyLink.objects.get().used_at is None


def test_a_link_with_a_forged_nonce_is_refused(places):
    link = services.request_link(places["steinkjer"], "ola@steinkjer.kommune.no", "https://x/TOKEN/")
    forged = signing.dumps({"l": link.pk, "n": "0" * 32}, salt=services.SALT, compress=True)
    assert services.check_token(forged) == (None, services.LinkProblem.INVALID)


def test_an_old_link_has_expired(client, places):
    ask(client, places["steinkjer"], "ola@steinkjer.kommune.no")
    token = token_from_mail()
    later = timezone.now().timestamp() + 49 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(f"{ASK}opne/{token}/")
    assert response.status_code == 410
    assert "gått ut" in response.content.decode()


def test_a_link_row_older_than_the_limit_has_expired_even_with_a_fresh_signature(places):
    link = services.request_link(places["steinkjer"], "ola@steinkjer.kommune.no", "https://x/TOKEN/")
    SurveyLink.objects.filter(pk=link.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    assert services.check_token(services.make_token(link)) == (None, services.LinkProblem.EXPIRED)


def test_without_an_opened_link_the_survey_sends_you_to_ask_for_one(client, places):
    response = client.get("/lokaldemokrati/skjema/ordningar/")
    assert response.status_code == 302
    assert response["Location"].endswith(ASK)


def test_retention_forgets_old_links(places):
    link = services.request_link(places["steinkjer"], "ola@steinkjer.kommune.no", "https://x/TOKEN/")
    SurveyLink.objects.filter(pk=link.pk).update(created_at=timezone.now() - datetime.timedelta(days=100))
    assert services.forget_survey_addresses(timezone.now()) == 1
    assert not SurveyLink.objects.exists()
