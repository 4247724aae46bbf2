"""Site-wide search covers pages, staff and municipalities, with types, filters, promotions."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from distrikt.core.models import StandardPage
from distrikt.knowledge.factories import (
    ArticlePageFactory,
    FilmPageFactory,
    PracticalExamplePageFactory,
)
from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.organisation.factories import KnowledgeAreaFactory, PersonFactory
from distrikt.search.indexer import rebuild

pytestmark = pytest.mark.django_db


def test_pages_people_and_municipalities_are_found_with_their_type(client, home_page):
    about = StandardPage(title="Om Fjellheim-prosjektet", slug="om-fjellheim")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    ArticlePageFactory(title="Fjellheim-artikkel")
    PersonFactory(name="Kari Fjellheim", job_title="Rådgivar")
    MunicipalityFactory(name="Fjellheim", code="9876")
    data = client.get("/api/v1/search", {"q": "fjellheim"}).json()
    types = {hit["title"]: hit["type"] for hit in data["results"]}
    assert types == {
        "Om Fjellheim-prosjektet": "page",
        "Fjellheim-artikkel": "article",
        "Kari Fjellheim": "person",
        "Fjellheim": "municipality",
    }
    assert data["total"] == 4
    assert all({"title", "url", "snippet", "language", "date"} <= hit.keys() for hit in data["results"])
    assert client.get("/api/v1/search", {"q": "9876"}).json()["results"][0]["title"] == "Fjellheim"


def test_type_and_theme_filters_narrow_the_search(client, home_page):
    area = KnowledgeAreaFactory(slug="filter-tema")
    ArticlePageFactory(title="Tilskot artikkel", knowledge_areas=[area])
    FilmPageFactory(title="Tilskot film")
    PracticalExamplePageFactory(title="Tilskot døme")
    by_type = client.get("/api/v1/search", {"q": "tilskot", "type": "film"}).json()
    assert [hit["title"] for hit in by_type["results"]] == ["Tilskot film"]
    by_theme = client.get("/sok/", {"q": "tilskudd", "tema": "filter-tema"})
    assert [hit.title for hit in by_theme.context["results"].hits] == ["Tilskot artikkel"]


def test_results_are_paginated(client, home_page):
    for number in range(23):
        ArticlePageFactory(title=f"Sidetal {number}", slug=f"sidetal-{number}")
    first = client.get("/api/v1/search", {"q": "sidetal"}).json()
    second = client.get("/api/v1/search", {"q": "sidetal", "page": 2}).json()
    assert first["total"] == 23 and first["page_count"] == 2
    assert len(first["results"]) == 20 and len(second["results"]) == 3
    content = client.get("/sok/", {"q": "sidetal"}).content.decode()
    assert 'rel="next"' in content


def test_unpublished_pages_leave_the_index(client, home_page):
    page = ArticlePageFactory(title="Forsvinn snart")
    page.unpublish()
    assert client.get("/api/v1/search", {"q": "forsvinn"}).json()["total"] == 0


def test_promoted_pages_come_first_and_queries_are_counted(client, home_page):
    pinned = ArticlePageFactory(title="Viktig side")
    SearchPromotion.objects.create(query=Query.get("støtte"), page=pinned, sort_order=0)
    content = client.get("/sok/", {"q": "støtte"}).content.decode()
    assert "Tilrådd" in content and "Viktig side" in content
    assert Query.get("støtte").hits >= 1


def test_rebuild_gives_the_same_answers(client, home_page):
    ArticlePageFactory(title="Kommunane samarbeider")
    rebuild()
    before = client.get("/api/v1/search", {"q": "kommuner"}).json()
    rebuild()
    assert client.get("/api/v1/search", {"q": "kommuner"}).json() == before


def test_autocomplete_suggests_titles(client, home_page):
    ArticlePageFactory(title="Nærbutikken i sentrum")
    data = client.get("/api/v1/search/autocomplete", {"q": "nærb"}).json()
    assert data[0]["title"] == "Nærbutikken i sentrum"
    assert client.get("/sok/forslag/", {"q": "sentrum"}).json()["results"]
    assert client.get("/api/v1/search/autocomplete", {"q": "n"}).json() == []
