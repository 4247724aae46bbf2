"""The accessibility and privacy statements: created by set-up, linked from every page's
footer, rendered in all three languages, periods read from the retention settings."""

from django.core.management import call_command
from django.test import override_settings

import pytest

from distrikt.core.models import (
    AccessibilityStatementPage,
    CriterionStatus,
    PrivacyStatementPage,
    SiteSettings,
)
from distrikt.core.wcag import CRITERIA

pytestmark = pytest.mark.django_db

LANGUAGES = ["", "/nb", "/en"]


def test_setup_creates_both_statements_once_and_links_them_in_settings(site):
    call_command("setup_site_pages", verbosity=0)
    assert AccessibilityStatementPage.objects.live().count() == 1
    assert PrivacyStatementPage.objects.live().count() == 1
    settings = SiteSettings.load()
    assert settings.accessibility_page.specific_class is AccessibilityStatementPage
    assert settings.privacy_page.specific_class is PrivacyStatementPage


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_footer_of_the_home_page_links_both_statements(client, site, prefix):
    body = client.get(f"{prefix}/").content.decode()
    assert f'href="{prefix}/tilgjengelegheit/"' in body
    assert f'href="{prefix}/personvern/"' in body


def test_the_law_counts_47_criteria():
    assert len(CRITERIA) == 47
    assert len({number for number, _level, _name in CRITERIA}) == 47
    assert not {"1.2.3", "1.2.4", "1.2.5"} & {number for number, _level, _name in CRITERIA}


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_accessibility_statement_renders_in_every_language(client, site, prefix):
    response = client.get(f"{prefix}/tilgjengelegheit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "1.4.10" in body and "4.1.3" in body
    assert "diskrimineringsnemnda.no" in body


def test_accessibility_statement_counts_what_is_not_met(client, site):
    statement = AccessibilityStatementPage.objects.get()
    statement.findings = [
        (
            "criterion",
            {"criterion": "1.4.3", "status": CriterionStatus.NOT_MET, "content": "Grå tekst", "reason": "x"},
        ),
        ("criterion", {"criterion": "2.4.7", "status": CriterionStatus.NOT_MET, "content": "", "reason": ""}),
        (
            "criterion",
            {"criterion": "1.2.2", "status": CriterionStatus.NOT_TESTED, "content": "", "reason": ""},
        ),
    ]
    statement.save_revision().publish()
    body = client.get("/tilgjengelegheit/").content.decode()
    assert "Det er brot på 2 av 47 krav i regelverket." in body
    assert "1 krav er ikkje testa enno." in body
    assert body.count("criterion--not_met") == 2
    assert "Grå tekst" in body
    # Every criterion not listed shows as met.
    assert body.count("criterion--met") == 44


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_privacy_statement_renders_in_every_language(client, site, prefix):
    assert client.get(f"{prefix}/personvern/").status_code == 200


def test_privacy_statement_reads_the_periods_from_the_settings(client, site):
    with override_settings(
        EVENT_REGISTRATION_RETENTION_DAYS=77,
        CONTACT_MESSAGE_RETENTION_DAYS=123,
        NEWSLETTER_UNCONFIRMED_DAYS=4,
        NEWSLETTER_UNSUBSCRIBED_DAYS=19,
        MAIL_RETENTION_DAYS=55,
    ):
        body = client.get("/personvern/").content.decode()
    for days in ("77 dagar", "123 dagar", "4 dagar", "19 dagar", "55 dagar"):
        assert f'<span class="retention-days">{days}</span>' in body
    for subject in ("Påmelde til arrangement", "Abonnentar på nyheitsbrevet", "kontaktskjemaet"):
        assert subject in body
    assert "Kjøpmenn i Merkur" in body and "Redaktørar og tilsette" in body


def test_english_privacy_statement_names_periods_in_english(client, site):
    body = client.get("/en/personvern/").content.decode()
    assert "How long we keep" in body
    assert " days</span>" in body
