"""Every kind of thing on the site is found, labelled by type, demo content marked;
other apps can add sources; facets, sort by date and «Meinte du …?» on /sok/."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

import pytest

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory
from distrikt.knowledge.factories import ArticlePageFactory
from distrikt.merkur.factories import ShopFactory
from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory, RegionFactory
from distrikt.organisation.factories import OfficeFactory
from distrikt.search import engine, sources
from distrikt.search.indexer import rebuild

pytestmark = pytest.mark.django_db


def found(query: str, **params) -> list[tuple[str, str]]:
    return [(hit.result_type, hit.title) for hit in engine.search({"q": query, **params}).hits]


def test_registers_and_places_are_found_with_their_type(home_page):
    county = CountyFactory(name="Fjordfylket", code="77")
    municipality = MunicipalityFactory(
        name="Fjordvik-Vuotna",
        code="7701",
        county=county,
        alternative_names=[{"name": "Fjordvik", "language": "nn"}, {"name": "Vuotna", "language": "se"}],
    )
    RegionFactory(name="Fjordregionen")
    OfficeFactory(name="Kontoret på Fjordvik", municipality=municipality)
    ShopFactory(name="Fjordbutikken (demo)", municipality=municipality, contact_email="hemmeleg@example.org")
    rebuild()
    assert ("county", "Fjordfylket") in found("fjordfylket")
    assert ("municipality", "Fjordvik-Vuotna") in found("vuotna")
    assert ("municipality", "Fjordvik-Vuotna") in found("7701")
    assert ("region", "Fjordregionen") in found("fjordregionen")
    assert ("shop", "Fjordbutikken (demo)") in found("fjordbutikken")
    assert found("hemmeleg") == []
    hit = next(hit for hit in engine.search({"q": "fjordbutikken"}).hits if hit.result_type == "shop")
    assert hit.is_demo and hit.type_label == "Merkur-butikk"


def test_the_district_index_overview_is_found(home_page):
    rebuild()
    assert ("overview", "Distriktsindeksen") in found("distriktsindeks")


def test_saving_a_shop_indexes_it_and_deleting_it_drops_it(home_page):
    shop = ShopFactory(name="Signalbutikken (demo)")
    assert ("shop", "Signalbutikken (demo)") in found("signalbutikken")
    shop.delete()
    assert found("signalbutikken") == []


def test_demo_content_is_marked_in_results_and_autocomplete(client, home_page):
    ArticlePageFactory(title="Demoartikkel om bygder", is_demo=True)
    data = client.get("/api/v1/search", {"q": "demoartikkel"}).json()
    assert data["results"][0]["is_demo"] is True
    suggestions = client.get("/api/v1/search/autocomplete", {"q": "demoart"}).json()
    assert suggestions[0]["is_demo"] is True
    assert "Demo" in client.get("/sok/", {"q": "demoartikkel"}).content.decode()


def test_upcoming_events_come_before_past_ones(home_page):
    calendar = EventIndexPageFactory(parent=home_page)
    now = timezone.now()
    EventPageFactory(
        parent=calendar,
        title="Gamal bygdesamling",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=29),
    )
    EventPageFactory(parent=calendar, title="Ny bygdesamling")
    rebuild()
    titles = [title for kind, title in found("bygdesamling") if kind == "event"]
    assert titles == ["Ny bygdesamling", "Gamal bygdesamling"]


def test_another_app_can_register_a_source_without_importing_search(home_page):
    programme = SimpleNamespace(
        name="programme",
        label="Program",
        model=None,
        items=lambda: ["byregion"],
        document=lambda item: {
            "key": item,
            "title": "Byregionprogrammet",
            "url": "/program/byregion/",
            "text": "",
        },
    )
    sources.register(programme)
    try:
        rebuild()
        hits = engine.search({"q": "byregionprogram"}).hits
        assert [(hit.result_type, hit.type_label) for hit in hits] == [("programme", "Program")]
    finally:
        sources.unregister("programme")


def test_a_source_missing_a_part_is_refused():
    with pytest.raises(TypeError):
        sources.register(SimpleNamespace(name="broken", label="x"))


def test_facets_count_type_year_and_language_and_filter(client, home_page):
    ArticlePageFactory(title="Fasettord nynorsk", language="nn", date=datetime.date(2021, 5, 1))
    ArticlePageFactory(title="Fasettord bokmål", language="nb", date=datetime.date(2023, 5, 1))
    results = engine.search({"q": "fasettord"})
    facets = {facet.key: {option.value: option.count for option in facet.options} for facet in results.facets}
    assert facets["type"] == {"article": 2}
    assert facets["sprak"] == {"nn": 1, "nb": 1}
    assert facets["ar"] == {"2021": 1, "2023": 1}
    assert [hit.title for hit in engine.search({"q": "fasettord", "sprak": "nb"}).hits] == [
        "Fasettord bokmål"
    ]
    assert [hit.title for hit in engine.search({"q": "fasettord", "ar": "2021"}).hits] == [
        "Fasettord nynorsk"
    ]
    newest = engine.search({"q": "fasettord", "sort": "dato"}).hits
    assert [hit.title for hit in newest] == ["Fasettord bokmål", "Fasettord nynorsk"]
    page = client.get("/sok/", {"q": "fasettord", "sprak": "zz"}).content.decode()
    assert 'name="sprak"' in page and 'name="sort"' in page


def test_one_typo_is_corrected_and_offered_as_meinte_du(client, home_page):
    ArticlePageFactory(title="Kommuneplanen for bygda")
    results = engine.search({"q": "kommuneplsnen"})
    assert results.corrected_query == "kommuneplanen"
    assert [hit.title for hit in results.hits] == ["Kommuneplanen for bygda"]
    assert "Meinte du" in client.get("/sok/", {"q": "kommuneplsnen"}).content.decode()


def test_a_compound_is_found_by_its_parts_below_an_exact_match(home_page):
    ArticlePageFactory(title="Klimatilpassing i praksis")
    ArticlePageFactory(title="Klima og vêr")
    assert [title for _kind, title in found("klima")] == ["Klima og vêr", "Klimatilpassing i praksis"]
    ArticlePageFactory(title="Ein nærbutikk i bygda")
    assert ("article", "Ein nærbutikk i bygda") in found("butikk")
