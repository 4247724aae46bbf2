"""The statistics against the hand-counted register in conftest.py.

Current municipalities: Steinkjer, Namsos (Trøndelag); Grong; Narvik, Grane (Nordland).
Counted: Steinkjer (2 active) and Grong (1 active, own budget). Narvik's is dissolved
and Grane's unpublished, so they do not count. 2 of 5 municipalities.
"""

import io

import pytest
from openpyxl import load_workbook

from distrikt.democracy.statistics import compute_statistics

pytestmark = pytest.mark.django_db


def rows(share_rows):
    return [(row.label, row.municipalities, row.with_arrangement, row.percent) for row in share_rows]


def test_the_national_share(register):
    total = compute_statistics().total
    assert (total.municipalities, total.with_arrangement, total.percent) == (5, 2, 40.0)


def test_the_share_by_county(register):
    assert rows(compute_statistics().by_county) == [
        ("Nordland", 2, 0, 0.0),
        ("Trøndelag", 3, 2, 66.7),
    ]


def test_the_share_by_centrality_class(register):
    assert rows(compute_statistics().by_centrality) == [
        ("Sentralitetsklasse 4", 3, 1, 33.3),
        ("Sentralitetsklasse 6", 2, 1, 50.0),
    ]


def test_the_share_by_size_band(register):
    assert rows(compute_statistics().by_size) == [
        ("0–1 999 innbyggjarar", 1, 0, 0.0),
        ("2 000–4 999 innbyggjarar", 1, 1, 100.0),
        ("10 000–19 999 innbyggjarar", 1, 0, 0.0),
        ("20 000–49 999 innbyggjarar", 2, 1, 50.0),
    ]


def test_the_kinds_of_mandate(register):
    mandates = {row.label: row.value for row in compute_statistics().by_mandate}
    assert mandates == {
        "Rådgjevande (uttale og innspel)": 2,
        "Avgjerdsmakt på delegerte område": 1,
        "Med eige budsjett": 1,
    }


def test_the_page_shows_charts_and_tables(client, register):
    html = client.get("/lokaldemokrati/statistikk/").content.decode()
    assert 'id="chart-county-title"' in html
    assert "66,7" in html


def test_the_excel_export_has_a_sheet_per_breakdown(client, register):
    response = client.get("/lokaldemokrati/statistikk/naerdemokratiske-ordningar.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Fylke", "Sentralitet", "Storleik", "Mandat", "Type"]
    assert [cell.value for cell in workbook["Fylke"][3]] == ["Trøndelag", 3, 2, 66.7]


def test_the_csv_export_holds_every_share(client, register):
    text = client.get("/lokaldemokrati/statistikk/naerdemokratiske-ordningar.csv?sep=comma").content.decode(
        "utf-8-sig"
    )
    assert "Fylke,Trøndelag,3,2,66.7" in text
    assert "Heile landet,Heile landet,5,2,40" in text


def test_an_unknown_export_format_is_not_found(client, register):
    assert client.get("/lokaldemokrati/statistikk/naerdemokratiske-ordningar.pdf").status_code == 404


@pytest.mark.parametrize("prefix", ["", "/nb", "/en"])
def test_the_register_lists_published_entries_only(client, register, prefix):
    response = client.get(f"{prefix}/lokaldemokrati/ordningar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ogndal lokalutval" in html and "Harran grendeutval" in html
    assert "Trofors lokalutval" not in html


def test_the_profile_shows_the_municipalitys_arrangements(client, register):
    html = client.get("/kommunar/steinkjer/").content.decode()
    assert "Nærdemokratiske ordningar" in html and "Beitstad bygdeutval" in html


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [
        ("", "Statistikk over nærdemokratiske ordningar"),
        ("/nb", "Statistikk over nærdemokratiske ordninger"),
        ("/en", "Statistics on local democracy arrangements"),
    ],
)
def test_the_statistics_page_speaks_the_interface_language(client, register, prefix, heading):
    assert heading in client.get(f"{prefix}/lokaldemokrati/statistikk/").content.decode()
