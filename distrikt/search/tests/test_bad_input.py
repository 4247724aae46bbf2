"""The search page and API answer sensibly whatever they are sent."""

import pytest

from distrikt.knowledge.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "kommune " * 2_000,
    "%%% ### !!! ???",
    "'; DROP TABLE search_searchterm; --",
    '" OR 1=1 --',
    "<script>alert('x')</script>",
    "<b>fet</b>",
    "\x00\x01",
    "🙂🙂",
    "og i på",  # nothing but stopwords: searched for as they are, and found nowhere
    "\x88\U000f8756©\U000c03b9èR$i\uefb2?(",  # found by the API fuzzer
]


@pytest.fixture
def page(home_page):
    return ArticlePageFactory(title="Kommunar og kommuner", lead="Tekst om kommunen.")


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_the_search_page_never_fails(client, page, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "<b>fet</b>" not in content


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_the_api_never_fails(client, page, query):
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    assert response.json()["total"] >= 0


def test_sql_in_a_query_is_just_text(client, page):
    client.get("/sok/", {"q": "'; DROP TABLE search_searchterm; --"})
    titles = [hit["title"] for hit in client.get("/api/v1/search", {"q": "kommunar"}).json()["results"]]
    assert "Kommunar og kommuner" in titles


def test_an_empty_query_asks_for_words(client, page):
    assert "Skriv inn det du leitar etter" in client.get("/sok/").content.decode()
    symbols = client.get("/sok/", {"q": "%%%"}).content.decode()
    assert "ingen ord vi kan leite etter" in symbols


def test_unknown_type_filters_and_pages_are_handled(client, page):
    data = client.get("/api/v1/search", {"q": "kommune", "type": "zzz", "tema": "nope", "page": "999"}).json()
    assert data["total"] >= 1
    assert data["page"] == data["page_count"]
    assert set(data["ignored_filters"]) >= {"type"}
    response = client.get("/sok/", {"q": "kommune", "page": "-5"})
    assert response.status_code == 200
    assert response.context["results"].page_number == 1


def test_an_html_query_is_escaped_in_the_page(client, page):
    content = client.get("/sok/", {"q": "<script>alert('x')</script>"}).content.decode()
    assert "&lt;script&gt;" in content
