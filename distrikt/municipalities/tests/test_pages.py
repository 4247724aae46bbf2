from datetime import date
from io import BytesIO

from django.core.management import call_command

import pytest
from openpyxl import load_workbook

from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.municipalities.models import Municipality
from distrikt.municipalities.profile_sections import (
    ProfileSection,
    _providers,
    register_profile_section,
)


def test_every_municipality_profile_renders(register, client):
    for municipality in Municipality.objects.current():
        response = client.get(f"/kommunar/{municipality.slug}/")
        assert response.status_code == 200, municipality.slug
        assert municipality.name in response.content.decode()


def test_the_profile_shows_key_figures_charts_tables_and_similar_municipalities(register, client):
    html = client.get("/kommunar/5006-steinkjer/").content.decode()
    assert "<h1" in html and html.count("<h1") == 1
    assert "24\xa0007" in html or "24 007" in html
    assert 'role="img"' in html and "<caption>" in html
    assert "Klasse 4 (indeks 721)" in html
    assert "ikkje publisert" in html
    assert "/kommunar/5006-steinkjer/data/folketal.csv" in html
    assert html.count('class="ds-link" href="/kommunar/') >= 5


def test_an_old_code_redirects_to_its_successor(register, client):
    response = client.get("/kommunar/1702-steinkjer/")
    assert response.status_code == 301
    assert response["Location"] == "/kommunar/5006-steinkjer/"
    assert client.get("/nb/kommunar/1702/")["Location"] == "/nb/kommunar/5006-steinkjer/"
    assert client.get("/kommunar/5006/")["Location"] == "/kommunar/5006-steinkjer/"


def test_a_split_code_offers_its_successors(register, client):
    response = client.get("/kommunar/1507-alesund/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/kommunar/1508-alesund/" in html and "/kommunar/1580-haram/" in html


def test_an_unknown_code_is_a_404_with_suggestions_by_name(register, client):
    response = client.get("/kommunar/9999-steinkjer/")
    assert response.status_code == 404
    assert "/kommunar/5006-steinkjer/" in response.content.decode()


def test_downloads_give_the_same_numbers_as_csv_and_excel(register, client):
    csv_text = client.get("/kommunar/5006-steinkjer/data/folketal.csv").content.decode("utf-8-sig")
    assert "5006;Steinkjer;2026;24007;Nei" in csv_text
    response = client.get("/kommunar/5006-steinkjer/data/folketal.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[-1] == ("5006", "Steinkjer", 2026, 24007, "Nei")
    assert isinstance(rows[-1][3], int)
    assert client.get("/kommunar/5006-steinkjer/data/folketal.pdf").status_code == 404


def test_the_overview_filters_sorts_and_colours_the_map(register, client):
    response = client.get("/kommunar/?fylke=50&klasse=6&sorter=folketal&retning=fallande")
    municipalities = response.context["municipalities"]
    assert municipalities
    assert all(m.county.code == "50" and m.centrality_class == 6 for m in municipalities)
    populations = [m.population for m in municipalities]
    assert populations == sorted(populations, reverse=True)
    html = response.content.decode()
    assert "<path d=" in html and 'aria-sort="descending"' in html
    small = client.get("/kommunar/?storleik=under-2000&prioritert=ja").context["municipalities"]
    assert small and all(m.population < 2000 and m.is_priority for m in small)


def test_an_invalid_index_range_keeps_the_input_and_says_why(register, client):
    response = client.get("/kommunar/?indeks_fra=80&indeks_til=20")
    assert response.status_code == 200
    assert response.context["form"].errors["indeks_til"]


def test_county_and_region_pages_summarise_their_municipalities(register, client):
    response = client.get("/fylke/50-trondelag/")
    assert response.status_code == 200
    assert len(response.context["municipalities"]) == 38
    assert response.context["population_total"] > 400_000
    assert client.get("/fylke/").status_code == 200
    region = client.get("/kommunar/regionar/ba-91-steinkjer/")
    assert region.status_code == 200
    assert "Inderøy" in region.content.decode()


def test_the_index_page_shows_missing_components_and_the_simplified_variant_on_request(register, client):
    default = client.get("/kommunar/distriktsindeksen/")
    assert default.context["edition"].rows == []
    assert "blir ikkje publisert" in default.content.decode()
    simplified = client.get("/kommunar/distriktsindeksen/?aar=2026&metode=2022&forenkla=on")
    assert len(simplified.context["rows"]) == 350
    assert "Forenkla variant" in simplified.content.decode()
    custom = client.get(
        "/kommunar/distriktsindeksen/?aar=2026&metode=2022&forenkla=on"
        "&vekt_sentralitet=100&vekt_folketalsvekst=0"
    )
    assert custom.context["used_weights"][0][1] == pytest.approx(100)
    assert (
        custom.context["rows"][0]["municipality"].code != simplified.context["rows"][0]["municipality"].code
    )
    invalid = client.get("/kommunar/distriktsindeksen/?vekt_sentralitet=0&vekt_folketalsvekst=0")
    assert invalid.context["form"].errors


@pytest.mark.django_db
def test_sections_from_other_apps_render_in_the_reserved_space(client, monkeypatch):
    municipality = MunicipalityFactory(code="9301", slug="9301-testkommune", valid_from=date(2024, 1, 1))
    monkeypatch.setattr("distrikt.municipalities.profile_sections._providers", list(_providers))

    def provider(target):
        return ProfileSection(
            title="Kunnskap frå testappen",
            template="components/breadcrumbs.html",
            context={},
        )

    register_profile_section(provider)
    html = client.get("/kommunar/9301-testkommune/").content.decode()
    assert "Kunnskap frå testappen" in html
    assert municipality.name in html


def test_the_loader_runs_inside_load_bundled_data(db):
    call_command("load_bundled_data", verbosity=0)
    assert Municipality.objects.current().count() == 357


def test_a_published_index_can_colour_the_map_and_filter_the_table(register, client):
    from distrikt.municipalities.models import DistrictIndexScore

    for rank, code in enumerate(("5006", "5001"), start=1):
        DistrictIndexScore.objects.create(
            municipality=Municipality.objects.current().get(code=code),
            year=2025,
            method="2022",
            value=20.0 * rank,
            rank=rank,
            components={},
        )
    response = client.get("/kommunar/?kart=distriktsindeks&indeks_fra=10&indeks_til=30")
    assert [m.code for m in response.context["municipalities"]] == ["5006"]
    assert "Kart: Distriktsindeks" in response.content.decode()


def test_downloads_for_machines_use_commas_and_decimal_points(register, client):
    response = client.get("/kommunar/5006-steinkjer/data/folketal.csv?sep=comma")
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "5006,Steinkjer,2026,24007,0" in response.content.decode("utf-8-sig")
    english = client.get("/en/kommunar/5006-steinkjer/data/folketal.csv").content.decode("utf-8-sig")
    assert "5006,Steinkjer,2026,24007,No" in english


@pytest.mark.django_db
def test_a_profile_has_the_same_breadcrumbs_as_a_page_ending_with_the_municipality(client):
    MunicipalityFactory(
        code="9302", name="Prøvekommune", slug="9302-provekommune", valid_from=date(2024, 1, 1)
    )
    body = client.get("/nb/kommunar/9302-provekommune/").content.decode()
    start = body.index('class="ds-breadcrumbs')
    trail = body[start : body.index("</nav>", start)]
    assert 'href="/nb/">Distriktssenteret<' in trail
    assert (
        trail.index(">Distriktssenteret<")
        < trail.index('href="/nb/kommunar/"')
        < trail.index(">Prøvekommune<")
    )
    assert 'href="/nb/kommunar/9302-provekommune/" aria-current="page">Prøvekommune<' in trail
