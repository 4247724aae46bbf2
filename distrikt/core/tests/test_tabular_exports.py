"""The shared export writer: formulas never run, control characters never break a file,
numbers stay numbers, and CSV opens in Norwegian Excel."""

import csv
import datetime
import io
from decimal import Decimal

from django.test import RequestFactory
from django.utils import translation

import openpyxl
import pytest

from distrikt.core import exports

EVIL = '=HYPERLINK("http://evil","x")'


def table(*rows):
    return exports.Table("Prøve", ["Namn", "Tal"], list(rows))


def read_csv(content: bytes, delimiter: str) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def read_xlsx(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize("text", [EVIL, "+47 123", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_looks_like_a_formula_gets_a_quote_in_csv(text):
    rows = read_csv(exports.csv_bytes(table([text, 1])), ";")
    assert rows[1][0] == "'" + text


@pytest.mark.parametrize("text", [EVIL, "+47 123", "-5", "@SUM(A1)", "\tx"])
def test_text_that_looks_like_a_formula_is_a_string_cell_in_xlsx(text):
    cell = read_xlsx(exports.xlsx_bytes([table([text, 1])]))["A2"]
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix


def test_real_negative_numbers_are_not_prefixed():
    content = exports.csv_bytes(table(["a", -5], ["b", Decimal("-1.25")], ["c", -0.5]))
    assert [row[1] for row in read_csv(content, ";")[1:]] == ["-5", "-1,25", "-0,5"]
    sheet = read_xlsx(exports.xlsx_bytes([table(["a", -5])]))
    assert sheet["B2"].value == -5
    assert sheet["B2"].data_type == "n"


def test_control_characters_are_removed_from_both_formats():
    rows = read_csv(exports.csv_bytes(table(["Anna\x07 Aasen\x00", 1])), ";")
    assert rows[1][0] == "Anna Aasen"
    sheet = read_xlsx(exports.xlsx_bytes([table(["Anna\x07 Aasen", 1])]))
    assert sheet["A2"].value == "Anna Aasen"


def test_integral_numbers_are_written_as_integers():
    content = exports.csv_bytes(table(["a", 23826.0], ["b", Decimal("100.00")], ["c", 7]))
    assert [row[1] for row in read_csv(content, ";")[1:]] == ["23826", "100", "7"]
    sheet = read_xlsx(exports.xlsx_bytes([table(["a", 23826.0], ["b", Decimal("12.50")])]))
    assert sheet["B2"].value == 23826
    assert isinstance(sheet["B2"].value, int)
    assert sheet["B3"].value == 12.5


def test_booleans_none_and_dates():
    rows = [
        ["ja", True],
        ["nei", False],
        ["tom", None],
        ["dato", datetime.date(2024, 5, 17)],
        ["tid", datetime.datetime(2024, 5, 17, 10, 30, tzinfo=datetime.UTC)],
    ]
    with translation.override("nn"):
        norwegian = read_csv(exports.csv_bytes(table(*rows)), ";")
    assert [row[1] for row in norwegian[1:]] == ["Ja", "Nei", "", "2024-05-17", "2024-05-17 12:30"]
    machine = read_csv(exports.csv_bytes(table(*rows), exports.MACHINE), ",")
    assert [row[1] for row in machine[1:3]] == ["1", "0"]
    sheet = read_xlsx(exports.xlsx_bytes([table(*rows)]))
    assert sheet["B2"].value == "Ja"
    assert sheet["B4"].value is None
    assert sheet["B5"].value == datetime.datetime(2024, 5, 17)
    assert sheet["B6"].value == datetime.datetime(2024, 5, 17, 12, 30)


def test_the_header_row_comes_first_and_is_bold():
    sheet = read_xlsx(exports.xlsx_bytes([table(["a", 1])]))
    assert [cell.value for cell in sheet[1]] == ["Namn", "Tal"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"


@pytest.mark.parametrize(
    ("language", "query", "delimiter", "number"),
    [
        ("nn", "", ";", "1,5"),
        ("nb", "", ";", "1,5"),
        ("en", "", ",", "1.5"),
        ("nn", "?sep=comma", ",", "1.5"),
        ("en", "?sep=semicolon", ";", "1,5"),
    ],
)
def test_the_csv_dialect_follows_the_language_unless_asked(language, query, delimiter, number):
    request = RequestFactory().get(f"/x.csv{query}")
    with translation.override(language):
        dialect = exports.csv_dialect_for(request)
        rows = read_csv(exports.csv_bytes(table(["a", 1.5]), dialect), delimiter)
    assert rows[1] == ["a", number]


def test_sheet_titles_are_made_acceptable_to_excel():
    content = exports.xlsx_bytes(
        [exports.Table("Per fylke: [alle]/?", ["a"], []), exports.Table("Per fylke: [alle]/?", ["a"], [])]
    )
    titles = openpyxl.load_workbook(io.BytesIO(content)).sheetnames
    assert titles == ["Per fylke- -alle---", "Per fylke- -alle--- (2)"]


def test_the_download_has_a_safe_file_name_and_content_type():
    response = exports.export_response([table(["a", 1])], "csv", 'Måløy "data"/../x', is_personal=True)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="maaloy-data-x.csv"'
    assert response["Cache-Control"] == "no-store, private"
    xlsx = exports.export_response([table(["a", 1])], "xlsx", "b")
    assert xlsx["Content-Type"] == exports.XLSX_CONTENT_TYPE
    with pytest.raises(ValueError):
        exports.export_response([table(["a", 1])], "pdf", "b")
