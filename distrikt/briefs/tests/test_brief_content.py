"""The brief's PDF and workbook hold the key figures, the trend and a source on every figure."""

import io

from django.utils import translation

import pytest
from openpyxl import load_workbook

from distrikt.briefs.content import build_content, resolve_area
from distrikt.briefs.documents import brief_pdf, brief_workbook

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def county_content(language="nn"):
    with translation.override(language):
        area = resolve_area("county", "77")
        return build_content(area, 2024, 2025)


def test_the_key_figures_are_the_sums_of_the_municipalities(county_data):
    content = county_content()
    figures = {figure.label: figure.value for figure in content.key_figures}
    assert figures["Folketal 1. januar 2025"] == 1800 + 8400
    # (10 200 − 10 000) / 10 000: 2020 is left out because only one municipality has it.
    assert figures["Endring i folketalet 2015–2025"] == 2.0
    assert figures["Kommunar i sentralitetsklasse 5–6"] == 1
    assert figures["Prioriterte kommunar (plattforma sin regel)"] == 2
    assert figures["Merkur-butikkar i drift"] == 1
    assert figures["Innbyggjarar over 10 km frå næraste butikk"] == 25.0
    assert figures["Kunnskapsprodukt i perioden"] == 1
    assert figures["Arrangement i perioden"] == 1
    assert [row[0] for row in content.population.rows] == [2015, 2025]


def test_every_key_figure_has_a_source_and_merkur_figures_are_marked_demo(county_data):
    content = county_content()
    for figure in content.key_figures:
        assert figure.source.name and figure.source.vintage, figure.label
    demo = {figure.label for figure in content.key_figures if figure.is_demo}
    assert demo == {"Merkur-butikkar i drift", "Innbyggjarar over 10 km frå næraste butikk"}


def test_the_pdf_text_holds_the_key_figures_the_sources_and_the_rule(county_data):
    text = pdf_text(brief_pdf(county_content()))
    flat = " ".join(text.split())
    assert "Kunnskapsgrunnlag: Prøvefylke 2024–2025" in flat
    assert "10 200" in flat or "10200" in flat
    assert "Fjellbygd" in flat
    assert "Statistisk sentralbyrå, tabell 07459, tal for 2015–2025" in flat
    assert "Merkur-registeret" in flat and "(demo)" in flat
    assert "plattforma sin eigen regel" in flat
    assert "Korleis Fjellbygd held på ungdomen" in flat
    assert "Artikkel om eit anna fylke" not in flat
    assert "Distriktskonferansen i Fjellbygd" in flat
    assert "ikkje lasta inn" in flat  # no components of population change loaded


def test_the_pdf_draws_the_population_chart_as_svg(county_data):
    content = county_content()
    assert content.population_chart is not None
    from distrikt.briefs.documents import brief_html

    html = brief_html(content)
    assert "chart__line" in html
    assert "<style>.chart__grid" in html  # WeasyPrint styles an SVG only from inside it


def test_the_brief_is_in_bokmaal_when_asked(county_data):
    flat = " ".join(pdf_text(brief_pdf(county_content("nb"))).split())
    assert "Kunnskapsgrunnlag: Prøvefylke" in flat
    assert "Kilder" in flat


def test_the_workbook_has_a_sheet_per_table_with_the_same_figures(county_data):
    workbook = load_workbook(io.BytesIO(brief_workbook(county_content())))
    assert workbook.sheetnames[0] == "Nøkkeltal"
    assert workbook.sheetnames[-1] == "Kjelder"
    assert "Folketal" in workbook.sheetnames
    key = {row[0]: row[1] for row in workbook["Nøkkeltal"].iter_rows(min_row=2, values_only=True)}
    assert key["Folketal 1. januar 2025"] == 10200
    population = list(workbook["Folketal"].iter_rows(min_row=2, max_row=3, values_only=True))
    assert population == [(2015, 10000, None), (2025, 10200, 200)]
    remote_sheet = next(
        name for name in workbook.sheetnames if name.startswith("Kommunar i sentralitetsklasse")
    )
    remote = list(workbook[remote_sheet].iter_rows(min_row=2, max_row=2, values_only=True))
    assert remote[0][:5] == ("7701", "Fjellbygd", "Prøvefylke", 1800, 6)
    sources = [row[0] for row in workbook["Kjelder"].iter_rows(min_row=2, values_only=True)]
    assert "Statistisk sentralbyrå" in sources


def test_an_area_without_data_says_so(county):
    with translation.override("nn"):
        content = build_content(resolve_area("county", "77"), 2024, 2025)
    assert not content.has_data
    flat = " ".join(pdf_text(brief_pdf(content)).split())
    assert "Det finst ikkje data for dette området" in flat
    workbook = load_workbook(io.BytesIO(brief_workbook(content)))
    first = next(workbook["Nøkkeltal"].iter_rows(min_row=2, values_only=True))
    assert first[0] == "Det finst ikkje data for dette området."


def test_an_unknown_area_is_none(db):
    assert resolve_area("county", "99") is None
    assert resolve_area("region", "finst-ikkje") is None
    assert resolve_area("planet", "") is None
