"""The home page tells every reader what the centre is, in the reader's language, and the
about section has an English version an international reader can go on to."""

import html as html_lib
import re

from django.core.management import call_command

import pytest

from distrikt.core.management.commands.setup_site_pages import HOME_LEAD, HOME_LEAD_EN, HOME_LEAD_NB
from distrikt.core.models import HomePage, StandardPage
from distrikt.core.tests.english_chrome import english_chrome_text, find_nynorsk, nynorsk_phrases

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site):
    call_command("setup_site_pages", verbosity=0)
    call_command("load_organisation", verbosity=0)
    return site


def lead_paragraph(html: str) -> tuple[str, str]:
    match = re.search(r'<p class="lead" lang="(\w+)">(.*?)</p>', html, re.S)
    assert match is not None
    return match.group(1), html_lib.unescape(match.group(2))


@pytest.mark.parametrize(
    ("prefix", "language", "text"),
    [("", "nn", HOME_LEAD), ("/nb", "nb", HOME_LEAD_NB), ("/en", "en", HOME_LEAD_EN)],
)
def test_the_home_page_introduces_the_centre_in_the_readers_language(client, pages, prefix, language, text):
    html = client.get(f"{prefix}/").content.decode()
    assert lead_paragraph(html) == (language, text)


def test_the_english_introduction_says_what_the_centre_is_in_english(client, pages):
    html = client.get("/en/").content.decode()
    language, text = lead_paragraph(html)
    assert language == "en"
    assert "centre of expertise for rural and regional development" in text
    assert find_nynorsk(text, nynorsk_phrases()) == []
    # With the introduction in English, the page does not claim to be Norwegian only.
    assert "only available in Norwegian" not in html
    assert 'href="/en/about/"' in html


def test_the_about_section_links_to_its_english_version(client, pages):
    english = StandardPage.objects.get(slug="about")
    assert english.live and english.language == "en"
    assert StandardPage.objects.get(slug="om-oss").english_version_id == english.pk
    html = client.get("/en/om-oss/").content.decode()
    assert 'href="/en/about/"' in html
    page = client.get("/en/about/").content.decode()
    assert ">About Distriktssenteret</h1>" in page
    assert "<title>About Distriktssenteret – Distriktssenteret (Norway)</title>" in page
    body = page.split("<main", 1)[1]
    assert find_nynorsk(english_chrome_text(body), nynorsk_phrases()) == []


def test_a_home_page_without_an_english_introduction_says_it_is_norwegian(client, pages):
    HomePage.objects.update(lead_en="")
    html = client.get("/en/").content.decode()
    assert lead_paragraph(html)[0] == "nn"
    assert "Norwegian" in html


def test_loading_again_keeps_editors_texts_and_makes_no_second_page(pages):
    home = HomePage.objects.get()
    home.lead_en = "An editor's own introduction."
    home.save_revision().publish()
    call_command("setup_site_pages", verbosity=0)
    call_command("load_organisation", verbosity=0)
    assert HomePage.objects.get().lead_en == "An editor's own introduction."
    assert StandardPage.objects.filter(slug="about").count() == 1
