"""The register exports: a shop name can never become a live formula or break the file."""

import csv
import io

import openpyxl
import pytest

from distrikt.merkur.factories import ShopFactory, ShopKeyFiguresFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil","x")'


@pytest.fixture
def evil_shop(merchant):
    shop = ShopFactory(name=EVIL)
    shop.merchants.add(merchant)
    ShopKeyFiguresFactory(shop=shop, year=2023, turnover=23826, result=-1200)
    return shop


def csv_rows(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_a_shop_named_like_a_formula_is_text_in_the_excel_export(client, advisor, evil_shop):
    client.force_login(advisor)
    response = client.get("/merkur-register/excel/")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    cell = next(row[0] for row in workbook["Butikkar"].iter_rows(min_row=2) if row[0].value == EVIL)
    assert cell.data_type == "s"
    assert cell.quotePrefix
    figures = list(workbook["Nøkkeltal"].iter_rows(min_row=2, values_only=True))
    assert figures[0][1:5] == (EVIL, 2023, 23826, -1200)
    assert all(isinstance(value, int) for value in figures[0][2:5])


def test_a_shop_named_like_a_formula_is_quoted_in_the_csv_export(client, advisor, evil_shop):
    client.force_login(advisor)
    response = client.get("/merkur-register/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="merkur-butikkar.csv"'
    rows = csv_rows(response)
    assert rows[0][:2] == ["Namn", "Organisasjonsnummer"]
    assert [row[0] for row in rows[1:] if EVIL in row[0]] == ["'" + EVIL]


def test_a_control_character_in_a_shop_name_no_longer_breaks_the_exports(client, advisor, merchant):
    shop = ShopFactory(name="Bjølle\x07butikken")
    shop.merchants.add(merchant)
    client.force_login(advisor)
    excel = client.get("/merkur-register/excel/")
    assert excel.status_code == 200
    names = [
        row[0]
        for row in openpyxl.load_workbook(io.BytesIO(excel.content))["Butikkar"].iter_rows(
            min_row=2, values_only=True
        )
    ]
    assert "Bjøllebutikken" in names
    assert "Bjøllebutikken" in [row[0] for row in csv_rows(client.get("/merkur-register/csv/"))]


def test_machines_get_commas_and_decimal_points(client, advisor, evil_shop):
    client.force_login(advisor)
    response = client.get("/merkur-register/csv/?sep=comma")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    shop_row = next(row for row in rows if EVIL in row[0])
    assert shop_row[8:10] == ["63", "11"]
    assert shop_row[16] == "1"


def test_the_dashboard_export_writes_counts_as_integers(client, evil_shop):
    response = client.get("/merkur-register/statistikk/excel/")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    counts = [row[1] for row in workbook["Per fylke"].iter_rows(min_row=2, values_only=True)]
    assert counts and all(isinstance(count, int) for count in counts)
