"""The newsletter: double opt-in, RFC 8058 one-click unsubscribe, digests per theme, retention."""

import datetime

from django.test import Client, override_settings
from django.utils import timezone

import pytest

from distrikt.core import retention
from distrikt.core.models import HomePage, OutboxMessage
from distrikt.events.factories import EventIndexPageFactory, EventPageFactory
from distrikt.knowledge import newsletter
from distrikt.knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory, NewsPageFactory
from distrikt.knowledge.models import DigestFrequency, NewsletterSubscription
from distrikt.organisation.factories import KnowledgeAreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(site):
    return (
        KnowledgeAreaFactory(slug="lokaldemokrati", name="Lokaldemokrati", name_en="Local democracy"),
        KnowledgeAreaFactory(slug="merkur", name="Merkur"),
    )


def sign_up(client, areas, email="lesar@example.org", prefix="", **changes):
    data = {"email": email, "areas": [area.pk for area in areas], "frequency": "weekly", "website": ""}
    data.update(changes)
    return client.post(f"{prefix}/nyheitsbrev/", data)


def confirmed(email, areas, frequency=DigestFrequency.WEEKLY, confirmed_at=None, language="nn"):
    subscription = NewsletterSubscription.objects.create(
        email=email, frequency=frequency, language=language, confirmed_at=confirmed_at or timezone.now()
    )
    subscription.knowledge_areas.set(areas)
    return subscription


@pytest.mark.parametrize("prefix", ["", "/nb", "/en"])
def test_sign_up_page_renders_in_every_language(client, areas, prefix):
    response = client.get(f"{prefix}/nyheitsbrev/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'type="checkbox"' in body and 'value="weekly"' in body
    assert ("Local democracy" in body) == (prefix == "/en")


def test_sign_up_stores_an_unconfirmed_subscription_and_mails_the_link(client, areas):
    response = sign_up(client, areas)
    assert response.status_code == 302 and response["Location"] == "/nyheitsbrev/sjekk-e-posten/"
    subscription = NewsletterSubscription.objects.get()
    assert subscription.confirmed_at is None and not subscription.is_active
    assert set(subscription.knowledge_areas.values_list("slug", flat=True)) == {"lokaldemokrati", "merkur"}
    mail = OutboxMessage.objects.get()
    assert mail.to == ["lesar@example.org"]
    assert f"http://testserver/nyheitsbrev/stadfest/{subscription.token}/" in mail.body
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_invalid_sign_up_keeps_the_input_and_names_the_problem(client, areas):
    response = sign_up(client, [areas[1]], email="feil-adresse", frequency="")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="feil-adresse"' in body
    assert f'value="{areas[1].pk}" id="id_areas_1" checked' in body or "checked" in body
    assert "Skriv ei gyldig e-postadresse" in body
    assert "Vel kor ofte du vil ha nyheitsbrevet." in body
    assert not NewsletterSubscription.objects.exists()


def test_sign_up_without_themes_is_refused(client, areas):
    response = sign_up(client, [])
    assert response.status_code == 400
    assert "Vel minst eitt tema." in response.content.decode()


def test_honeypot_and_rate_limit_stop_sign_ups(client, areas):
    with override_settings(NEWSLETTER_RATE_LIMIT=2):
        # The bot's attempt is counted too.
        assert sign_up(client, areas, website="spam").status_code == 302
        assert not NewsletterSubscription.objects.exists()
        assert sign_up(client, areas, email="a@example.org").status_code == 302
        assert sign_up(client, areas, email="b@example.org").status_code == 429
    assert list(NewsletterSubscription.objects.values_list("email", flat=True)) == ["a@example.org"]


def test_opening_the_link_does_not_confirm_but_the_button_does(client, areas):
    sign_up(client, areas)
    subscription = NewsletterSubscription.objects.get()
    url = f"/nyheitsbrev/stadfest/{subscription.token}/"
    assert client.get(url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    response = client.post(url)
    assert response.status_code == 200 and "Påmeldinga er stadfesta" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_active


def test_unknown_token_is_not_found(client, areas):
    assert client.get("/nyheitsbrev/stadfest/finst-ikkje/").status_code == 404
    assert client.post("/nyheitsbrev/avmeld/finst-ikkje/").status_code == 404


def test_signing_up_a_confirmed_address_again_changes_nothing(client, areas):
    subscription = confirmed("lesar@example.org", [areas[0]])
    sign_up(client, [areas[1]], email="LESAR@example.org", frequency="monthly")
    subscription.refresh_from_db()
    assert subscription.is_active and subscription.frequency == DigestFrequency.WEEKLY
    assert list(subscription.knowledge_areas.values_list("slug", flat=True)) == ["lokaldemokrati"]
    assert "får alt nyheitsbrevet" in OutboxMessage.objects.get().subject


def test_one_click_unsubscribe_works_without_a_csrf_token(areas):
    subscription = confirmed("lesar@example.org", areas)
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        f"/nyheitsbrev/avmeld/{subscription.token}/",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None and not subscription.is_active
    # Again (mail programs retry): still fine.
    assert strict.post(f"/nyheitsbrev/avmeld/{subscription.token}/").status_code == 200


def test_the_unsubscribe_link_itself_only_shows_a_button(client, areas):
    subscription = confirmed("lesar@example.org", areas)
    body = client.get(f"/nyheitsbrev/avmeld/{subscription.token}/").content.decode()
    assert f'action="/nyheitsbrev/avmeld/{subscription.token}/"' in body
    subscription.refresh_from_db()
    assert subscription.is_active


@pytest.fixture
def content(areas):
    lokaldemokrati, merkur = areas
    KnowledgeIndexPageFactory()
    today = timezone.localdate()
    ArticlePageFactory(title="Ny artikkel om innbyggjarmøte", knowledge_areas=[lokaldemokrati], date=today)
    ArticlePageFactory(
        title="Gammal artikkel", knowledge_areas=[lokaldemokrati], date=today - datetime.timedelta(days=40)
    )
    ArticlePageFactory(title="Artikkel om butikkar", knowledge_areas=[merkur], date=today)
    NewsPageFactory(title="Nyheit om lokaldemokrati", knowledge_areas=[lokaldemokrati], date=today)
    calendar = EventIndexPageFactory(parent=HomePage.objects.get())
    for title, days in (("Seminar om ungdomsråd", 3), ("Konferanse langt fram", 90)):
        event = EventPageFactory(
            parent=calendar,
            title=title,
            start=timezone.now() + datetime.timedelta(days=days),
            end=timezone.now() + datetime.timedelta(days=days, hours=2),
        )
        event.knowledge_areas.set([lokaldemokrati])
        event.save_revision().publish()
    return areas


def test_digest_holds_what_is_new_in_the_chosen_themes_and_coming_events(content):
    lokaldemokrati, _merkur = content
    subscription = confirmed(
        "lesar@example.org", [lokaldemokrati], confirmed_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert newsletter.send_due_digests() == 1
    mail = OutboxMessage.objects.get()
    assert "Ny artikkel om innbyggjarmøte" in mail.body
    assert "Nyheit om lokaldemokrati" in mail.body
    assert "Seminar om ungdomsråd" in mail.body
    assert "Gammal artikkel" not in mail.body  # older than the last digest
    assert "Artikkel om butikkar" not in mail.body  # a theme not chosen
    assert "Konferanse langt fram" not in mail.body  # after the next digest
    assert "http://testserver/" in mail.body
    assert mail.headers == {
        "List-Unsubscribe": f"<http://testserver/nyheitsbrev/avmeld/{subscription.token}/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert f"/nyheitsbrev/avmeld/{subscription.token}/" in mail.body
    subscription.refresh_from_db()
    assert subscription.last_sent_at is not None
    # Not due again until next week.
    assert newsletter.send_due_digests() == 0


def test_monthly_digests_wait_a_month_and_unconfirmed_get_none(content):
    lokaldemokrati, _merkur = content
    confirmed(
        "manadleg@example.org",
        [lokaldemokrati],
        frequency=DigestFrequency.MONTHLY,
        confirmed_at=timezone.now() - datetime.timedelta(days=8),
    )
    NewsletterSubscription.objects.create(email="ustadfesta@example.org", frequency=DigestFrequency.WEEKLY)
    assert newsletter.send_due_digests() == 0
    assert newsletter.send_due_digests(now=timezone.now() + datetime.timedelta(days=21)) == 1


def test_digest_is_in_the_subscribers_language(content):
    lokaldemokrati, _merkur = content
    confirmed(
        "reader@example.org",
        [lokaldemokrati],
        confirmed_at=timezone.now() - datetime.timedelta(days=8),
        language="en",
    )
    newsletter.send_due_digests()
    mail = OutboxMessage.objects.get()
    assert "Local democracy" in mail.body
    assert "/en/nyheitsbrev/avmeld/" in mail.body


def test_the_command_sends_the_digests(content, capsys):
    from django.core.management import call_command

    lokaldemokrati, _merkur = content
    confirmed("lesar@example.org", [lokaldemokrati], confirmed_at=timezone.now() - datetime.timedelta(days=8))
    call_command("send_newsletter_digests")
    assert "Queued 1 newsletter digest(s)." in capsys.readouterr().out


def test_retention_deletes_unconfirmed_and_unsubscribed_addresses(areas):
    now = timezone.now()
    stale = NewsletterSubscription.objects.create(email="gammal@example.org")
    NewsletterSubscription.objects.filter(pk=stale.pk).update(created_at=now - datetime.timedelta(days=8))
    NewsletterSubscription.objects.create(email="fersk@example.org")
    gone = confirmed("avmeld@example.org", areas)
    gone.unsubscribed_at = now - datetime.timedelta(days=31)
    gone.save()
    confirmed("aktiv@example.org", areas)
    with override_settings(NEWSLETTER_UNCONFIRMED_DAYS=7, NEWSLETTER_UNSUBSCRIBED_DAYS=30):
        counts = retention.apply_retention(
            only=["knowledge.newsletter_unconfirmed", "knowledge.newsletter_unsubscribed"]
        )
    assert counts == {"knowledge.newsletter_unconfirmed": 1, "knowledge.newsletter_unsubscribed": 1}
    assert set(NewsletterSubscription.objects.values_list("email", flat=True)) == {
        "fersk@example.org",
        "aktiv@example.org",
    }
