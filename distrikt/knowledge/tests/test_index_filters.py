"""The knowledge index: filters that combine, counts per value, sorting, and bad input."""

import datetime

import pytest

from distrikt.knowledge.factories import (
    ArticlePageFactory,
    FilmPageFactory,
    KnowledgeIndexPageFactory,
    PracticalExamplePageFactory,
)
from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory
from distrikt.organisation.factories import KnowledgeAreaFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(home_page):
    index = KnowledgeIndexPageFactory()
    shops = KnowledgeAreaFactory(slug="butikk", name="Butikk")
    democracy = KnowledgeAreaFactory(slug="demokrati", name="Demokrati")
    mayors = TargetGroupFactory(slug="ordforarar-test", name="Ordførarar")
    county = CountyFactory(code="91", name="Testfylket")
    place = MunicipalityFactory(code="9101", name="Testvik", county=county)
    pages = {
        "shop_article": ArticlePageFactory(
            title="Butikk-artikkel",
            knowledge_areas=[shops],
            target_groups=[mayors],
            date=datetime.date(2024, 3, 1),
        ),
        "shop_example": PracticalExamplePageFactory(
            title="Butikk-døme",
            knowledge_areas=[shops],
            municipalities=[place],
            date=datetime.date(2025, 3, 1),
        ),
        "democracy_film": FilmPageFactory(
            title="Demokrati-film",
            knowledge_areas=[democracy],
            target_groups=[mayors],
            date=datetime.date(2025, 6, 1),
        ),
    }
    return index, pages


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [entry.title for entry in response.context["result"].page.object_list]


def counts(response, key: str) -> dict[str, int]:
    facet = next(f for f in response.context["result"].facets if f.key == key)
    return {option.value: option.count for option in facet.options}


def test_without_filters_everything_is_listed_newest_first(client, bank):
    index, _pages = bank
    assert titles(client.get(index.url)) == [
        "Demokrati-film",
        "Butikk-døme",
        "Butikk-artikkel",
    ]


def test_filters_combine(client, bank):
    index, _pages = bank
    response = client.get(index.url + "?tema=butikk&malgruppe=ordforarar-test")
    assert titles(response) == ["Butikk-artikkel"]
    assert titles(client.get(index.url + "?tema=butikk&ar=2025")) == ["Butikk-døme"]
    assert titles(client.get(index.url + "?fylke=91")) == ["Butikk-døme"]
    assert titles(client.get(index.url + "?kommune=9101&type=example")) == ["Butikk-døme"]


def test_counts_show_what_each_value_would_give_with_the_other_filters(client, bank):
    index, _pages = bank
    response = client.get(index.url + "?tema=butikk")
    assert counts(response, "type") == {"article": 1, "example": 1}
    assert counts(response, "tema") == {"butikk": 2, "demokrati": 1}
    assert counts(response, "ar") == {"2024": 1, "2025": 1}
    assert counts(response, "kommune") == {"9101": 1}


def test_unknown_filter_values_are_ignored_and_named(client, bank):
    index, _pages = bank
    response = client.get(index.url + "?tema=finst-ikkje&type=<script>&ar=abc&kommune=0000")
    assert len(titles(response)) == 3
    assert len(response.context["result"].ignored) == 4
    assert "<script>alert" not in response.content.decode()


def test_an_empty_result_says_so_and_offers_to_loosen_a_filter(client, bank):
    index, _pages = bank
    response = client.get(index.url + "?tema=demokrati&type=example")
    assert titles(response) == []
    content = response.content.decode()
    assert "Ikkje noko innhald passar" in content
    assert "tema=demokrati" in content  # the link that drops the type filter keeps the theme


def test_page_numbers_out_of_range_show_the_last_page(client, bank):
    index, _pages = bank
    for page in ("999", "-1", "abc", "9" * 50):
        assert len(titles(client.get(index.url + f"?page={page}"))) == 3


def test_search_within_the_bank_sorts_by_relevance(client, bank):
    index, _pages = bank
    response = client.get(index.url + "?q=butikk")
    assert set(titles(response)) == {"Butikk-artikkel", "Butikk-døme"}
    assert response.context["result"].sort == "relevance"
    newest = client.get(index.url + "?q=butikk&sort=newest")
    assert titles(newest) == ["Butikk-døme", "Butikk-artikkel"]


def test_webinars_from_other_apps_are_marked_upcoming_or_recorded(client, bank):
    from distrikt.knowledge.models import KnowledgeEntry

    index, pages = bank
    entry = KnowledgeEntry.objects.get(page_id=pages["democracy_film"].pk)
    entry.content_type = "webinar"
    entry.date = datetime.date.today() + datetime.timedelta(days=7)
    entry.save()
    content = client.get(index.url + "?type=webinar").content.decode()
    assert "Kjem" in content
    response = client.get(index.url)
    assert [e.title for e in response.context["upcoming_webinars"]] == ["Demokrati-film"]
    entry.date = datetime.date.today() - datetime.timedelta(days=7)
    entry.save()
    past = client.get(index.url + "?type=webinar")
    assert past.context["upcoming_webinars"] == []
    assert "Opptak" in past.content.decode()
