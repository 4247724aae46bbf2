"""Interface language by URL prefix; the page's own text keeps its written standard."""

import re

import pytest

from distrikt.core.models import StandardPage

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(("prefix", "language"), [("", "nn"), ("/nb", "nb"), ("/en", "en")])
def test_interface_language_follows_the_url_prefix(client, bundled_site, prefix, language):
    response = client.get(f"{prefix}/om-oss/")
    assert response.status_code == 200
    assert html_lang(response) == language


def test_language_switch_keeps_the_reader_on_the_same_page(client, bundled_site):
    response = client.get("/om-oss/tilsette/")
    switch = {item["code"]: item["url"] for item in response.context["language_switch"]}
    assert switch == {
        "nn": "/om-oss/tilsette/",
        "nb": "/nb/om-oss/tilsette/",
        "en": "/en/om-oss/tilsette/",
    }
    english = client.get(switch["en"])
    assert english.status_code == 200
    assert english.context["page"].pk == response.context["page"].pk
    back = {item["code"]: item["url"] for item in english.context["language_switch"]}
    assert back["nn"] == "/om-oss/tilsette/"


def test_language_switch_keeps_the_query_string(client, bundled_site):
    response = client.get("/om-oss/tilsette/?q=holmli")
    switch = {item["code"]: item["url"] for item in response.context["language_switch"]}
    assert switch["nb"] == "/nb/om-oss/tilsette/?q=holmli"


def test_page_content_keeps_its_written_standard_in_another_interface_language(client, bundled_site):
    page = StandardPage.objects.get(slug="om-oss")
    page.language = "nb"
    page.save_revision().publish()
    response = client.get("/en/om-oss/")
    body = response.content.decode()
    assert html_lang(response) == "en"
    assert '<article class="page-container article" lang="nb">' in body


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/finst-ikkje/", "nn", "Fann ikkje sida"),
        ("/nb/finst-ikkje/", "nb", "Fant ikke siden"),
        ("/en/finst-ikkje/", "en", "Page not found"),
    ],
)
def test_not_found_page_speaks_the_requested_language(client, bundled_site, path, language, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert html_lang(response) == language
    assert heading in response.content.decode()


def test_server_error_page_is_plain_and_in_nynorsk(client, bundled_site):
    from django.test import RequestFactory
    from django.utils import translation

    from distrikt.core.views import server_error

    with translation.override("nn"):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Noko gjekk gale" in response.content.decode()
