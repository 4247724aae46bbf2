"""The comparison page, its downloads and its bad-input answers, against the bundled figures."""

import csv
import io
from io import BytesIO

from openpyxl import load_workbook

from distrikt.municipalities.aggregates import national_aggregates
from distrikt.municipalities.comparison import build_comparison, select_municipalities, select_with_similar
from distrikt.municipalities.models import Municipality, Observation
from distrikt.municipalities.services import similar_municipalities

EIGHT = ["5006", "1833", "3101", "4601", "5501", "1804", "3403", "4204"]


def query(codes):
    return "&".join(f"k={code}" for code in codes)


def test_every_value_on_the_comparison_is_the_stored_observation(register):
    selection = select_municipalities(EIGHT)
    comparison = build_comparison(selection.municipalities)
    expected = {
        (code, municipality_id, year): value
        for code, municipality_id, year, value in Observation.objects.filter(
            municipality__code__in=EIGHT, municipality__valid_to__isnull=True, value__isnull=False
        ).values_list("indicator__code", "municipality_id", "year", "value")
    }
    seen = {}
    for item in comparison.indicators:
        for row in item.rows:
            for municipality, cell in zip(comparison.municipalities, row.municipalities, strict=True):
                if cell is not None:
                    seen[(item.indicator.code, municipality.pk, row.year)] = cell.value
    assert seen == expected
    assert len(seen) > 100


def test_county_and_national_columns_are_the_sums_of_their_municipalities(register):
    comparison = build_comparison(select_municipalities(["5006", "1833"]).municipalities)
    population = next(item for item in comparison.indicators if item.indicator.code == "folketal")
    latest = population.latest
    trondelag = comparison.counties.index(next(c for c in comparison.counties if c.code == "50"))
    stored = Observation.objects.filter(
        indicator__code="folketal",
        year=latest.year,
        municipality__county__code="50",
        municipality__valid_to__isnull=True,
        is_estimate=False,
    ).values_list("value", flat=True)
    assert latest.counties[trondelag] == sum(stored)
    assert latest.national == sum(
        Observation.objects.filter(
            indicator__code="folketal", year=latest.year, municipality__valid_to__isnull=True
        ).values_list("value", flat=True)
    )
    assert national_aggregates()["folketal"].years[latest.year].value == latest.national


def test_the_page_shows_eight_municipalities_with_charts_tables_and_downloads(register, client):
    response = client.get(f"/kommunar/samanlikn/?{query(EIGHT)}")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for municipality in Municipality.objects.current().filter(code__in=EIGHT):
        assert municipality.name in html
    assert 'role="img"' in html and "<caption>" in html
    assert "chart__series--7" in html
    assert "/kommunar/samanlikn/data.csv?" in html and "/kommunar/samanlikn/data.xlsx?" in html
    assert "Trøndelag" in html and "Heile landet" in html
    # Adding is full at eight; every municipality has a removal link without it.
    assert 'id="compare-add"' not in html
    assert f'href="?{query([code for code in sorted(EIGHT) if code != "5006"])}"' in html.replace(
        "&amp;", "&"
    )


def test_the_latest_population_is_printed_for_each_municipality(register, client):
    html = client.get("/kommunar/samanlikn/?k=5006&k=1833").content.decode()
    assert "24\xa0007" in html or "24 007" in html
    assert "25\xa0844" in html or "25 844" in html


def test_municipalities_can_be_added_with_a_plain_get_form(register, client):
    html = client.get("/kommunar/samanlikn/?k=5006&k=1833").content.decode()
    assert 'method="get"' in html
    assert '<input type="hidden" name="k" value="1833">' in html
    assert '<input type="hidden" name="k" value="5006">' in html
    assert '<select class="ds-input" name="k" id="compare-add">' in html
    response = client.get("/kommunar/samanlikn/?k=1833&k=5006&k=")
    assert response.status_code == 200
    assert "Desse kodane" not in response.content.decode()


def test_the_order_of_the_codes_does_not_change_the_page(register, client):
    first = client.get("/kommunar/samanlikn/?k=5006&k=1833").content
    second = client.get("/kommunar/samanlikn/?k=1833&k=5006").content
    assert first == second


def test_my_municipality_and_the_five_most_similar(register, client):
    steinkjer = Municipality.objects.current().get(code="5006")
    similar = [item.municipality.code for item in similar_municipalities(steinkjer)]
    selection = select_with_similar("5006")
    assert selection.codes == ["5006", *similar]
    html = client.get("/kommunar/samanlikn/?eigen=5006").content.decode()
    assert "dei fem kommunane som liknar mest" in html
    for code in similar:
        assert f"({code})" in html


def test_unknown_and_repeated_codes_are_named_and_the_rest_is_shown(register, client):
    response = client.get("/kommunar/samanlikn/?k=5006&k=1833&k=5006&k=9999&k=%3Cb%3E")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ikkje kommunenummer for ein kommune i dag" in html
    assert "9999" in html and "&lt;b&gt;" in html and "<b>" not in html
    assert "meir enn éin gong" in html
    assert "Siste tal" in html and "Steinkjer" in html and "Rana" in html


def test_more_than_eight_is_refused_with_a_message(register, client):
    response = client.get(f"/kommunar/samanlikn/?{query([*EIGHT, '1508'])}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "høgst 8" in html
    assert "Siste tal" not in html
    assert client.get(f"/kommunar/samanlikn/data.csv?{query([*EIGHT, '1508'])}").status_code == 302


def test_fewer_than_two_gives_a_page_to_pick_from(register, client):
    for url in ("/kommunar/samanlikn/", "/kommunar/samanlikn/?k=5006", "/kommunar/samanlikn/?k=abcd"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Vel minst 2 kommunar" in html
        assert 'name="eigen"' in html and 'id="compare-add"' in html
        assert "Siste tal" not in html


def test_the_page_is_in_bokmal_and_english_under_their_prefixes(register, client):
    nb = client.get("/nb/kommunar/samanlikn/?k=5006&k=1833").content.decode()
    en = client.get("/en/kommunar/samanlikn/?k=5006&k=1833").content.decode()
    assert "Sammenlign kommuner" in nb and "Folkemengde 1. januar" in nb
    assert "Compare municipalities" in en and "Population on 1 January" in en
    assert "Whole country" in en and "Heile landet" not in en


def test_the_comparison_downloads_as_csv_and_excel_with_the_same_numbers(register, client):
    response = client.get("/kommunar/samanlikn/data.csv?k=5006&k=1833")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[4:6] == ["1833 Rana", "5006 Steinkjer"]
    population_2026 = next(row for row in rows if row[0] == "folketal" and row[3] == "2026")
    assert population_2026[4:6] == ["25844", "24007"]
    workbook = load_workbook(BytesIO(client.get("/kommunar/samanlikn/data.xlsx?k=5006&k=1833").content))
    assert workbook.sheetnames == ["Samanlikning", "Kjelder og metode"]
    sheet_rows = list(workbook["Samanlikning"].iter_rows(values_only=True))
    excel_2026 = next(row for row in sheet_rows if row[0] == "folketal" and row[3] == 2026)
    assert excel_2026[4:6] == (25844, 24007)
    assert any(
        row[3] == "Statistisk sentralbyrå"
        for row in workbook["Kjelder og metode"].iter_rows(values_only=True)
    )


def test_the_overview_download_follows_the_filters(register, client):
    response = client.get("/kommunar/data.csv?fylke=50&sorter=folketal&retning=fallande")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    expected = Municipality.objects.current().filter(county__code="50").order_by("-population", "code")
    assert [row[0] for row in rows[1:]] == [municipality.code for municipality in expected]
    assert rows[1][1].startswith("Trondheim")
    assert client.get("/kommunar/data.csv?indeks_fra=90&indeks_til=10").status_code in (200, 400)
    assert client.get("/kommunar/data.csv?klasse=9").status_code == 400
    assert client.get("/kommunar/data.pdf").status_code == 404
    html = client.get("/kommunar/?fylke=50").content.decode()
    assert "/kommunar/data.xlsx?fylke=50" in html


def test_a_county_downloads_its_municipalities_and_aggregates(register, client):
    workbook = load_workbook(BytesIO(client.get("/fylke/50-trondelag/data.xlsx").content))
    municipalities, aggregates = (list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets)
    assert len(municipalities) - 1 == Municipality.objects.current().filter(county__code="50").count()
    population = next(row for row in aggregates if row[0] == "folketal")
    assert population[4] == sum(row[4] for row in municipalities[1:])
    assert population[5] == "sum av kommunane"


def test_every_distriktsindeks_edition_downloads_and_the_simplified_one_is_labelled(register, client):
    response = client.get("/kommunar/distriktsindeksen/data.csv?aar=2026&metode=2022&forenkla=on")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Rang", "Kommunenummer", "Kommune", "Fylke", "Indeks"]
    assert rows[1][0] == "1"
    assert "Forenkla variant" in rows[1][-1]
    assert len(rows) > 300
    workbook = load_workbook(
        BytesIO(client.get("/kommunar/distriktsindeksen/data.xlsx?aar=2026&metode=2018&forenkla=on").content)
    )
    assert workbook.sheetnames[1] == "Grunnlag og vekter"
    # An edition that cannot be published sends the reader to the page that says why.
    response = client.get("/kommunar/distriktsindeksen/data.csv?aar=2026&metode=2022")
    assert response.status_code == 302
    assert response["Location"].startswith("/kommunar/distriktsindeksen/?")
    page = client.get("/kommunar/distriktsindeksen/?aar=2026&metode=2022&forenkla=on").content.decode()
    assert "/kommunar/distriktsindeksen/data.csv?" in page


def test_own_values_keep_their_precision_and_means_get_one_decimal(register, client):
    html = client.get("/kommunar/samanlikn/?k=5006&k=1833").content.decode()
    steinkjer = Municipality.objects.current().get(code="5006")
    assert f"<td>{steinkjer.centrality_index}</td>" in html
    assert "<td>721,0</td>" not in html
