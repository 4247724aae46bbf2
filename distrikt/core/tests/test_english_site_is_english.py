"""The English site speaks English: no Nynorsk interface text in the chrome of /en/ pages.

The Nynorsk catalogues are the list of interface texts. Every page of a representative set is
rendered in English, and any Nynorsk text that differs from its English translation and
appears outside content marked with its own language (`lang="nn"`) fails the test.
"""

import html as html_lib
import re

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from wagtail.models import Page

import pytest

from distrikt.core.tests.english_chrome import english_chrome_text, find_nynorsk, nynorsk_phrases

# The search word is an English place name, so a page that repeats it shows no Nynorsk.
PAGES = [
    "/en/",
    "/en/kommunar/",
    "/en/kommunar/5006-steinkjer/",
    "/en/fylke/",
    "/en/fylke/50-trondelag/",
    "/en/kommunar/distriktsindeksen/",
    "/en/kunnskap/",
    "/en/arrangement/",
    "/en/merkur/",
    "/en/merkur-register/",
    "/en/merkur-register/kart/",
    "/en/merkur-register/statistikk/",
    "/en/merkur-register/tilgjenge/",
    "/en/om-oss/tilsette/",
    "/en/sok/?q=Steinkjer",
    "/en/tilgjengelegheit/",
    "/en/personvern/",
    "/en/kontakt/",
    "/en/nyheiter/",
    "/en/nyheitsbrev/",
]


@pytest.fixture(scope="module")
def _bundled_site(django_db_setup, django_db_blocker):
    """The bundled data and the marked demo content, loaded once and rolled back after the module."""
    with django_db_blocker.unblock(), override_settings(ALLOW_DEMO_DATA=True):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_bundled_data", demo=True, verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def site_pages(_bundled_site, db):
    """The fixed pages, an event and a shop."""
    event = Page.objects.live().filter(url_path__contains="/arrangement/demo-").first()
    # The shop register is reached by name, so that core imports no feature app.
    shop = apps.get_model("merkur", "Shop").objects.order_by("pk").first()
    assert event is not None and shop is not None
    with translation.override("en"):
        event_url = event.get_url()
    return [*PAGES, event_url, f"/en/merkur-register/butikk/{shop.pk}/"]


def test_the_nynorsk_catalogue_gives_words_to_look_for():
    phrases = nynorsk_phrases()
    assert "Last ned som Excel" in phrases
    assert "Om oss" in phrases


def test_a_nynorsk_menu_is_caught_and_marked_content_is_not():
    phrases = nynorsk_phrases()
    leaked = '<html lang="en"><body><nav><a href="/en/om-oss/">Om oss</a></nav></body></html>'
    marked = '<html lang="en"><body><h1 lang="nn">Om oss</h1><p>About us</p></body></html>'
    assert find_nynorsk(english_chrome_text(leaked), phrases) == ["Om oss"]
    assert find_nynorsk(english_chrome_text(marked), phrases) == []


def test_english_pages_show_no_nynorsk_interface_text(site_pages, client):
    phrases = nynorsk_phrases()
    leaks = {}
    for url in site_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        # The document title and meta tags repeat the page's own title, which is content.
        body = html.split("</head>", 1)[-1]
        found = find_nynorsk(english_chrome_text(body), phrases)
        if found:
            leaks[url] = found
    assert leaks == {}


ENGLISH_SITE_NAME = "Distriktssenteret (Norway)"
# What a title says about a page title kept in Norwegian; the part before it is content.
MARKED_NORWEGIAN = re.compile(r"^(?P<content>.+) \(in Norwegian\)(?= – )")


def document_title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match is not None
    return html_lib.unescape(match.group(1)).strip()


def test_english_document_titles_are_english(site_pages, client):
    """The `<title>` is chrome too: English, apart from a page title marked as Norwegian."""
    phrases = nynorsk_phrases()
    wrong = {}
    for url in site_pages:
        title = document_title(client.get(url).content.decode())
        if url == "/en/":
            is_english_suffix = title.endswith(
                "Norwegian centre of expertise for rural and regional development"
            )
        else:
            is_english_suffix = title.endswith(f" – {ENGLISH_SITE_NAME}")
        chrome = MARKED_NORWEGIAN.sub("", title)
        found = find_nynorsk(chrome, phrases)
        if found or not is_english_suffix:
            wrong[url] = (title, found)
    assert wrong == {}


def test_english_titles_name_the_sections_and_mark_norwegian_pages(site_pages, client):
    titles = {url: document_title(client.get(url).content.decode()) for url in site_pages}
    assert (
        titles["/en/"]
        == "Distriktssenteret – Norwegian centre of expertise for rural and regional development"
    )
    assert titles["/en/kunnskap/"] == f"Knowledge – {ENGLISH_SITE_NAME}"
    assert titles["/en/om-oss/tilsette/"] == f"Tilsette (in Norwegian) – {ENGLISH_SITE_NAME}"
    assert titles["/en/kommunar/"] == f"Municipalities – {ENGLISH_SITE_NAME}"


def test_a_page_with_an_english_version_gives_its_english_title(site_pages, client):
    about = Page.objects.get(url_path__endswith="/om-oss/tilsette/").specific
    english = about.copy(update_attrs={"slug": "staff-in-english", "title": "Our staff"})
    about.english_version = english
    about.save()
    assert (
        document_title(client.get("/en/om-oss/tilsette/").content.decode())
        == f"Our staff – {ENGLISH_SITE_NAME}"
    )
    # Norwegian readers keep the page's own title.
    assert document_title(client.get("/om-oss/tilsette/").content.decode()) == "Tilsette – Distriktssenteret"
