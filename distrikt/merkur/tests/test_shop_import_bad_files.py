"""Import files that once gave a 500 or kept a worker busy get a clear message instead."""

import io
import re
import time
import zipfile

import openpyxl
import pytest

from distrikt.merkur import importers
from distrikt.merkur.factories import ShopFactory, valid_organisation_number
from distrikt.merkur.importers import check_shop_file, import_shops
from distrikt.merkur.models import Shop
from distrikt.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

HEADER = "namn,organisasjonsnummer,kommunenummer"


@pytest.fixture
def municipality():
    return MunicipalityFactory(code="9101", name="Importvik")


def workbook_bytes(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite_member(content: bytes, member: str, change) -> bytes:
    """The same xlsx with one of its XML parts changed."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == member:
                data = change(data.decode()).encode()
            target.writestr(item, data)
    return buffer.getvalue()


def test_a_csv_field_longer_than_the_csv_limit_is_a_file_error(municipality, advisor):
    content = f"{HEADER}\n{'x' * 140_000},{valid_organisation_number(1)},9101\n".encode()
    report = import_shops("butikkar.csv", content, advisor)
    assert report.file_errors
    assert "eit felt er for langt" in report.file_errors[0]
    assert not Shop.objects.exists()


def test_a_workbook_without_sheets_is_a_file_error(municipality, advisor):
    content = workbook_bytes([["namn"]])
    content = rewrite_member(content, "xl/workbook.xml", lambda xml: re.sub(r"<sheet [^>]*/>", "", xml))
    report = check_shop_file("butikkar.xlsx", content)
    assert report.file_errors
    assert not report.valid_forms


def test_a_sheet_that_declares_a_huge_size_is_read_within_the_limits(municipality, advisor, settings):
    settings.MERKUR_IMPORT_MAX_COLUMNS = 5
    content = workbook_bytes(
        [
            ["namn", "organisasjonsnummer", "kommunenummer"],
            ["Stor dimensjon (demo)", valid_organisation_number(3), "9101"],
        ]
    )
    content = rewrite_member(
        content,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml),
    )
    assert len(content) < 10_000
    started = time.perf_counter()
    rows = importers.read_rows("butikkar.xlsx", content)
    assert time.perf_counter() - started < 2
    assert rows == [
        {
            "namn": "Stor dimensjon (demo)",
            "organisasjonsnummer": valid_organisation_number(3),
            "kommunenummer": "9101",
        }
    ]


def test_columns_past_the_limit_are_not_read(municipality, settings):
    settings.MERKUR_IMPORT_MAX_COLUMNS = 3
    content = workbook_bytes(
        [["namn", "organisasjonsnummer", "kommunenummer", "adresse"], ["A", "1", "9101", "Vegen 1"]]
    )
    (row,) = importers.read_rows("butikkar.xlsx", content)
    assert "adresse" not in row


def test_a_file_with_more_rows_than_allowed_is_refused(municipality, settings):
    settings.MERKUR_IMPORT_MAX_ROWS = 3
    lines = [f"Butikk {n} (demo),{valid_organisation_number(n)},9101" for n in range(1, 6)]
    report = check_shop_file("butikkar.csv", "\n".join([HEADER, *lines]).encode())
    assert report.file_errors == ["Fila har fleire enn 3 rader. Del ho opp i fleire filer."]


def test_a_second_import_of_the_same_file_at_once_gets_a_message_and_saves_nothing(
    municipality, advisor, monkeypatch
):
    content = "\n".join(
        [
            HEADER,
            f"Fyrste (demo),{valid_organisation_number(1)},9101",
            f"Andre (demo),{valid_organisation_number(3)},9101",
        ]
    ).encode()
    checked = importers.validate_rows

    def validate_then_other_advisor_saves(rows, progress=None):
        report = checked(rows, progress)
        # The other advisor's import of the same file commits between our check and our save.
        ShopFactory(
            name="Andre (demo)", organisation_number=valid_organisation_number(3), municipality=municipality
        )
        return report

    monkeypatch.setattr(importers, "validate_rows", validate_then_other_advisor_saves)
    report = import_shops("butikkar.csv", content, advisor)
    assert report.imported == 0
    assert "vart lagde inn av nokon andre" in report.file_errors[0]
    assert list(Shop.objects.values_list("name", flat=True)) == ["Andre (demo)"]
