"""The knowledge bank through the public API: the filtered list and one page's content."""

import pytest

from distrikt.knowledge.factories import ArticlePageFactory, FilmPageFactory
from distrikt.organisation.factories import KnowledgeAreaFactory

pytestmark = pytest.mark.django_db


def test_list_filters_and_counts_like_the_index_page(client, home_page):
    area = KnowledgeAreaFactory(slug="api-tema")
    ArticlePageFactory(title="Artikkel i API", knowledge_areas=[area])
    FilmPageFactory(title="Film i API")
    data = client.get("/api/v1/knowledge?type=film").json()
    assert data["count"] == 1
    assert data["results"][0]["title"] == "Film i API"
    assert data["results"][0]["type"] == "film"
    type_facet = next(f for f in data["facets"] if f["key"] == "type")
    assert {o["value"]: o["count"] for o in type_facet["options"]} == {
        "article": 1,
        "film": 1,
    }


def test_unknown_filters_and_pages_give_an_answer_not_an_error(client, home_page):
    ArticlePageFactory()
    data = client.get("/api/v1/knowledge?type=zzz&ar=19999&page=abc").json()
    assert data["count"] == 1
    assert len(data["ignored_filters"]) == 2


def test_a_page_is_readable_with_its_text(client, home_page):
    page = ArticlePageFactory(title="Les meg", body=[("paragraph", "<p>Heile teksten.</p>")])
    data = client.get(f"/api/v1/knowledge/{page.pk}").json()
    assert data["title"] == "Les meg"
    assert "Heile teksten." in data["body_text"]
    assert client.get("/api/v1/knowledge/999999").status_code == 404
