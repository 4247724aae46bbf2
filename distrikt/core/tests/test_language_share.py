"""The dashboard of Nynorsk and Bokmål shares counts words of published pages."""

import pytest

from distrikt.core.language_share import (
    build_language_share_report,
    count_words,
    text_of_page,
)
from distrikt.core.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_page(home_page):
    """The home page alone: the statement pages the site set-up makes would add their words."""
    for page in home_page.get_children():
        page.delete()
    return home_page.specific.__class__.objects.get(pk=home_page.pk)


def add_page(parent, slug: str, language: str, words: int, live: bool = True) -> StandardPage:
    page = StandardPage(
        title=slug,
        slug=slug,
        language=language,
        lead=" ".join(["ord"] * words),
        live=live,
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def test_words_are_counted_from_title_lead_and_body(home_page):
    page = add_page(home_page, "tekst", "nn", 5)
    page.body = [("paragraph", "<p>Tre ord her</p>")]
    page.save()
    text = text_of_page(page)
    assert count_words(text) == 1 + 5 + 3


def test_shares_are_counted_per_standard_and_unpublished_pages_are_left_out(home_page):
    home_page.lead = ""
    home_page.body = []
    home_page.title = "x"
    home_page.save_revision().publish()
    add_page(home_page, "nynorsk", "nn", 29)
    add_page(home_page, "bokmaal", "nb", 9)
    add_page(home_page, "utkast", "nb", 500, live=False)
    add_page(home_page, "english", "en", 100)
    report = build_language_share_report()
    # home page title "x" (1 word, nn) + title words (1 each) + lead words
    assert report.total.words["nn"] == 1 + 30
    assert report.total.words["nb"] == 10
    assert report.total.nynorsk_share == pytest.approx(31 / 41)
    assert report.total.bokmaal_share == pytest.approx(10 / 41)
    assert report.total.is_within_law is False


def test_a_balanced_site_is_within_the_law(home_page):
    add_page(home_page, "a", "nn", 99)
    add_page(home_page, "b", "nb", 99)
    report = build_language_share_report()
    assert report.total.is_within_law is True
    assert {row.label for row in report.by_section} >= {"a", "b"}


def test_dashboard_is_for_editors_only(editor_client, home_page):
    from django.test import Client

    add_page(home_page, "a", "nn", 10)
    assert Client().get("/admin/language-share/").status_code == 302
    response = editor_client.get("/admin/language-share/")
    assert response.status_code == 200
    assert "25" in response.content.decode()


def test_only_declared_prose_is_counted_not_addresses_or_private_fields(home_page):
    page = add_page(home_page, "med-lenkje", "nn", 2)
    page.seo_title = "Skjult seo-tittel"
    page.search_description = "https://example.org/privat"
    page.save()
    text = text_of_page(page)
    assert "Skjult" not in text
    assert "example.org" not in text
    assert text == "med-lenkje ord ord"
