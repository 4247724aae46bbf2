"""Import of shops: a validation report per row, all-or-nothing unless asked otherwise."""

import io

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

import openpyxl
import pytest

from distrikt.merkur.factories import ChainFactory, valid_organisation_number
from distrikt.merkur.importers import check_shop_file, import_shops
from distrikt.merkur.models import Shop
from distrikt.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

HEADER = "namn,organisasjonsnummer,kommunenummer,kjede,breiddegrad,lengdegrad,medlem_sidan"


@pytest.fixture
def municipality():
    return MunicipalityFactory(code="9101", name="Importvik")


@pytest.fixture
def chain():
    return ChainFactory(name="Joker", slug="joker")


def csv_file(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode("utf-8")


def good_row(number: int, name: str = "Butikk") -> str:
    return f"{name} {number} (demo),{valid_organisation_number(number)},9101,Joker,63.1,10.2,2019-05-01"


def test_a_clean_file_imports_every_row(municipality, chain, advisor):
    report = import_shops("butikkar.csv", csv_file(good_row(1), good_row(3)), advisor)
    assert report.imported == 2
    shop = Shop.objects.get(name="Butikk 1 (demo)")
    assert shop.chain == chain
    assert shop.municipality == municipality
    assert str(shop.member_since) == "2019-05-01"


def test_one_bad_row_means_nothing_is_written(municipality, chain, advisor):
    content = csv_file(
        good_row(1),
        "Feil nummer,123456789,9101,Joker,63.1,10.2,",
        f"Feil kommune,{valid_organisation_number(5)},0000,Joker,,,",
        good_row(7),
    )
    report = import_shops("butikkar.csv", content, advisor)
    assert report.imported == 0
    assert not Shop.objects.exists()
    assert [error.row_number for error in report.errors] == [3, 4]
    assert "kontrollsifferet" in " ".join(report.errors[0].messages)
    assert "0000" in " ".join(report.errors[1].messages)
    assert len(report.valid_forms) == 2


def test_the_valid_rows_can_be_imported_when_the_user_asks(municipality, chain, advisor):
    content = csv_file(good_row(1), "Feil nummer,123456789,9101,Joker,,,", good_row(3))
    report = import_shops("butikkar.csv", content, advisor, import_valid_rows=True)
    assert report.imported == 2
    assert Shop.objects.count() == 2
    assert len(report.errors) == 1


def test_duplicates_in_the_file_and_unknown_chains_are_reported(municipality, chain, advisor):
    number = valid_organisation_number(1)
    content = csv_file(
        f"A (demo),{number},9101,Joker,,,",
        f"B (demo),{number},9101,Joker,,,",
        f"C (demo),{valid_organisation_number(3)},9101,Ukjend kjede,,,",
        f"D (demo),{valid_organisation_number(5)},9101,,95,10,",
    )
    report = check_shop_file("butikkar.csv", content)
    messages = {error.row_number: " ".join(error.messages) for error in report.errors}
    assert "rad 2" in messages[3]
    assert "Ukjend kjede" in messages[4]
    assert "Breiddegraden" in messages[5]


def test_an_existing_organisation_number_is_reported(municipality, chain, advisor):
    import_shops("a.csv", csv_file(good_row(1)), advisor)
    report = import_shops("b.csv", csv_file(good_row(1, "Ny")), advisor)
    assert report.imported == 0
    assert report.errors
    assert Shop.objects.count() == 1


def test_an_excel_file_with_numeric_cells_is_read(municipality, chain, advisor):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Namn", "Organisasjonsnummer", "Kommunenummer", "Tilsette"])
    sheet.append(["Excelbutikken (demo)", int(valid_organisation_number(9)), 9101, 4])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_shops("butikkar.xlsx", buffer.getvalue(), advisor)
    assert report.imported == 1
    assert Shop.objects.get().employees == 4


def test_missing_columns_are_a_file_error(municipality, advisor):
    report = import_shops("butikkar.csv", b"namn,adresse\nA,B\n", advisor)
    assert report.file_errors
    assert "organisasjonsnummer" in report.file_errors[0]
    assert not Shop.objects.exists()


def test_semicolon_csv_with_decimal_commas_is_read(municipality, chain, advisor):
    content = (
        "namn;organisasjonsnummer;kommunenummer;breiddegrad;lengdegrad\n"
        f"Semikolon (demo);{valid_organisation_number(11)};9101;63,5;10,25\n"
    ).encode()
    report = import_shops("butikkar.csv", content, advisor)
    assert report.imported == 1
    assert Shop.objects.get().latitude == 63.5


def test_merchants_may_not_import(municipality, merchant):
    with pytest.raises(PermissionDenied):
        import_shops("butikkar.csv", csv_file(good_row(1)), merchant)


def test_the_upload_form_refuses_other_file_types(client, advisor):
    client.force_login(advisor)
    upload = SimpleUploadedFile("butikkar.pdf", b"%PDF-1.4", "application/pdf")
    response = client.post("/merkur-register/import/", {"file": upload})
    assert response.status_code == 400
    assert "Excel-fil (.xlsx) eller ei CSV-fil" in response.content.decode()


def test_the_upload_form_refuses_a_fake_excel_file(client, advisor):
    client.force_login(advisor)
    upload = SimpleUploadedFile("butikkar.xlsx", b"not a zip file", "application/zip")
    response = client.post("/merkur-register/import/", {"file": upload})
    assert "ser ikkje ut som ei Excel-fil" in response.content.decode()


def test_the_upload_form_refuses_large_files(client, advisor, settings):
    settings.MERKUR_IMPORT_MAX_BYTES = 1024 * 1024
    client.force_login(advisor)
    upload = SimpleUploadedFile("butikkar.csv", b"x" * (1024 * 1024 + 1), "text/csv")
    response = client.post("/merkur-register/import/", {"file": upload})
    assert "for stor" in response.content.decode()


def test_the_import_page_shows_the_validation_report(
    client, municipality, chain, advisor, django_capture_on_commit_callbacks
):
    client.force_login(advisor)
    upload = SimpleUploadedFile("butikkar.csv", csv_file(good_row(1), "Feil,123,9101,,,,"), "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/merkur-register/import/", {"file": upload})
    content = client.get(response["Location"]).content.decode()
    assert "Ingenting er lagra" in content
    assert "ni siffer" in content
    assert not Shop.objects.exists()


def test_the_upload_form_refuses_a_binary_file_named_csv(client, advisor):
    client.force_login(advisor)
    upload = SimpleUploadedFile("butikkar.csv", b"namn\x00\x01\x02", "text/csv")
    response = client.post("/merkur-register/import/", {"file": upload})
    assert response.status_code == 400
    assert "ser ikkje ut som ei CSV-fil" in response.content.decode()
