"""A case's archive package: Noark 5-style XML valid against the XSD that ships with it,
every document's checksum and size right, personal names screened in the public titles,
advisors only, every download logged, and an invalid package never handed out."""

import datetime
import hashlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

import pytest
import xmlschema
from pypdf import PdfReader

from distrikt.merkur import archive, workflow
from distrikt.merkur.attachments import CheckedFile
from distrikt.merkur.factories import ApplicationFactory, ShopFactory
from distrikt.merkur.models import ApplicationStatus, ArchiveExport, BudgetLine, BudgetLineKind, CaseEvent
from distrikt.merkur.tests.test_merchant_portal import minimal_pdf, png_bytes

pytestmark = pytest.mark.django_db

NS = {"m": archive.NAMESPACE}


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def is_pdf_a_2b(data: bytes) -> bool:
    metadata = PdfReader(io.BytesIO(data)).xmp_metadata
    if metadata is None:
        return False
    xml = metadata.stream.get_data()
    return b'pdfaid:part="2"' in xml and b'pdfaid:conformance="B"' in xml


@pytest.fixture
def decided_case(merchant, advisor, own_shop):
    """A granted case with two attachments, the municipality's statement, an information
    request with the merchant's answer, and a decision."""
    merchant.first_name, merchant.last_name = "Kari", "Nordmann"
    merchant.save()
    advisor.first_name, advisor.last_name = "Rune", "Rådgivar"
    advisor.save()
    application = ApplicationFactory(
        shop=own_shop,
        created_by=merchant,
        enterprise_name="Karis butikk AS",
        distance_km=Decimal("14.5"),
        project_description="Demo: nye kjøledisker og betre inngangsparti.",
        municipality_statement="Kommunen stør søknaden. Butikken er viktig for bygda.",
        statement_received_at=timezone.now(),
    )
    BudgetLine.objects.create(
        application=application, kind=BudgetLineKind.COST, description="Kjøledisk", amount=400_000
    )
    BudgetLine.objects.create(
        application=application, kind=BudgetLineKind.FINANCING, description="Eigne midlar", amount=100_000
    )
    workflow.add_attachment(
        application, merchant, CheckedFile("tilbod kjøledisk.pdf", "application/pdf", minimal_pdf()), "Tilbod"
    )
    workflow.add_attachment(application, merchant, CheckedFile("butikken.png", "image/png", png_bytes()))
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    workflow.request_more_information(
        application, advisor, "Legg ved tilbodet på montering.", datetime.date(2027, 1, 15)
    )
    workflow.send_message(application, merchant, "Montering er med i tilbodet.")
    workflow.submit_application(application, merchant)
    workflow.start_assessment(application, advisor)
    workflow.record_decision(
        application,
        advisor,
        workflow.DecisionInput(
            outcome="grant",
            amount=250_000,
            use_deadline=datetime.date(2027, 12, 1),
            justification="Butikken oppfyller krava til avstand og marknad.",
        ),
    )
    application.refresh_from_db()
    return application


def first_submission(application):
    return (
        CaseEvent.objects.filter(application=application, to_status=ApplicationStatus.SUBMITTED)
        .order_by("at")
        .first()
        .at
    )


def open_package(package: archive.ArchivePackage) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(package.file.read()))


def metadata(bundle: zipfile.ZipFile) -> ET.Element:
    return ET.fromstring(bundle.read(archive.XML_NAME))  # noqa: S314 - the package we just built


def test_every_file_in_the_package_matches_its_checksum_and_the_xml_is_valid(decided_case, advisor):
    package = archive.build_archive_package(decided_case, made_by=advisor)
    bundle = open_package(package)
    # Valid against the schema that ships inside the package, not only the one in the repository.
    shipped_schema = xmlschema.XMLSchema(io.BytesIO(bundle.read(archive.XSD_NAME)))
    shipped_schema.validate(io.BytesIO(bundle.read(archive.XML_NAME)))
    root = metadata(bundle)
    objects = root.findall(".//m:dokumentobjekt", NS)
    referenced = set()
    for file_object in objects:
        path = file_object.findtext("m:referanseDokumentfil", namespaces=NS)
        content = bundle.read(path)
        assert hashlib.sha256(content).hexdigest() == file_object.findtext("m:sjekksum", namespaces=NS)
        assert file_object.findtext("m:sjekksumAlgoritme", namespaces=NS) == "SHA256"
        assert len(content) == int(file_object.findtext("m:filstoerrelse", namespaces=NS))
        referenced.add(path)
    # Application, two attachments, statement, request, answer, decision letter.
    assert len(objects) == 7 == package.document_count
    assert set(bundle.namelist()) == {archive.XML_NAME, archive.XSD_NAME} | referenced
    assert all(path.startswith("dokument/") for path in referenced)
    assert bundle.testzip() is None
    # The package's own checksum (the one the download log keeps) is of the whole file.
    package.file.seek(0)
    whole = package.file.read()
    assert hashlib.sha256(whole).hexdigest() == package.sha256
    assert len(whole) == package.size


def test_the_case_folder_carries_the_case_facts(decided_case, advisor):
    root = metadata(open_package(archive.build_archive_package(decided_case, made_by=advisor)))
    folder = root.find("m:arkivdel/m:saksmappe", NS)
    assert folder.findtext("m:mappeID", namespaces=NS) == f"2026/{decided_case.pk}"
    assert folder.findtext("m:saksaar", namespaces=NS) == "2026"
    assert folder.findtext("m:sakssekvensnummer", namespaces=NS) == str(decided_case.pk)
    assert (
        folder.findtext("m:saksdato", namespaces=NS)
        == timezone.localdate(first_submission(decided_case)).isoformat()
    )
    assert folder.findtext("m:saksstatus", namespaces=NS) == "Under behandling"
    assert folder.findtext("m:saksansvarlig", namespaces=NS) == "Rune Rådgivar"
    assert "Investeringsstøtte" in folder.findtext("m:tittel", namespaces=NS)
    facts = folder.find("m:merkurSak", NS)
    assert facts.find("m:ordning", NS).get("kode") == "investeringsstotte"
    assert facts.findtext("m:organisasjonsnummer", namespaces=NS) == decided_case.organisation_number
    assert facts.find("m:kommune", NS).get("nummer") == decided_case.shop.municipality.code
    assert facts.findtext("m:status", namespaces=NS) == ApplicationStatus.GRANTED
    assert facts.findtext("m:innvilgaBeloep", namespaces=NS) == "250000"
    assert facts.findtext("m:demodata", namespaces=NS) == "true"
    # The audit log travels with the case: submitted twice, decided once.
    to_statuses = [entry.findtext("m:tilStatus", namespaces=NS) for entry in facts.findall("m:hending", NS)]
    assert to_statuses.count(ApplicationStatus.SUBMITTED) == 2
    assert to_statuses[-1] == ApplicationStatus.GRANTED


def test_journalposts_follow_the_case_in_date_order_with_their_direction(decided_case, advisor):
    root = metadata(open_package(archive.build_archive_package(decided_case, made_by=advisor)))
    posts = root.findall(".//m:journalpost", NS)
    summary = [
        (
            post.findtext("m:journalpostnummer", namespaces=NS),
            post.findtext("m:tittel", namespaces=NS),
            post.findtext("m:journalposttype", namespaces=NS),
            post.findtext("m:journalstatus", namespaces=NS),
        )
        for post in posts
    ]
    # The statement was received before the application was submitted.
    assert [(number, type_) for number, _title, type_, _status in summary] == [
        ("1", "Inngående dokument"),
        ("2", "Inngående dokument"),
        ("3", "Utgående dokument"),
        ("4", "Inngående dokument"),
        ("5", "Utgående dokument"),
    ]
    titles = [title for _number, title, _type, _status in summary]
    assert titles[0].startswith("Fråsegn frå ")
    assert titles[1].startswith("Søknad om Investeringsstøtte")
    assert titles[2:] == ["Førespurnad om meir informasjon", "Melding frå kjøpmannen", "Vedtak om tilskot"]
    assert summary[4][3] == "Ekspedert"
    assert posts[4].find("m:sendtDato", NS) is not None
    assert posts[3].find("m:mottattDato", NS) is not None
    # The application is journalled when it first came in, though it was sent again later.
    first = timezone.localtime(first_submission(decided_case)).isoformat(timespec="seconds")
    assert posts[1].findtext("m:mottattDato", namespaces=NS) == first
    assert first_submission(decided_case) < decided_case.submitted_at
    year_and_case = root.findtext(".//m:saksmappe/m:mappeID", namespaces=NS)
    assert [post.findtext("m:registreringsID", namespaces=NS) for post in posts] == [
        f"{year_and_case}-{number}" for number in range(1, 6)
    ]
    # The attachments are vedlegg of the application, after its main document.
    application_post = posts[1]
    roles = [
        (
            description.findtext("m:tilknyttetRegistreringSom", namespaces=NS),
            description.findtext("m:dokumentnummer", namespaces=NS),
            description.findtext("m:tittel", namespaces=NS),
        )
        for description in application_post.findall("m:dokumentbeskrivelse", NS)
    ]
    assert roles[0][:2] == ("Hoveddokument", "1")
    assert roles[1:] == [("Vedlegg", "2", "Tilbod"), ("Vedlegg", "3", "butikken.png")]


def test_generated_documents_are_pdf_a_and_attachments_are_kept_as_uploaded(decided_case, advisor):
    bundle = open_package(archive.build_archive_package(decided_case, made_by=advisor))
    root = metadata(bundle)
    by_name = {
        file_object.findtext("m:filnavn", namespaces=NS): file_object
        for file_object in root.findall(".//m:dokumentobjekt", NS)
    }
    uploaded_pdf = by_name["tilbod kjøledisk.pdf"]
    assert bundle.read(uploaded_pdf.findtext("m:referanseDokumentfil", namespaces=NS)) == bytes(
        decided_case.attachments.get(file_name="tilbod kjøledisk.pdf").content
    )
    assert uploaded_pdf.findtext("m:format", namespaces=NS) == "PDF"
    # An upload's file dates from the upload; a generated one from the package.
    uploaded_at = decided_case.attachments.get(file_name="tilbod kjøledisk.pdf").uploaded_at
    assert uploaded_pdf.findtext("m:opprettetDato", namespaces=NS) == timezone.localtime(
        uploaded_at
    ).isoformat(timespec="seconds")
    assert by_name[f"vedtak-merkur-{decided_case.pk}-{decided_case.decisions.get().pk}.pdf"].findtext(
        "m:opprettetDato", namespaces=NS
    ) == root.findtext("m:opprettetDato", namespaces=NS)
    assert uploaded_pdf.findtext("m:variantformat", namespaces=NS) == "Produksjonsformat"
    image = by_name["butikken.png"]
    assert (image.findtext("m:format", namespaces=NS), image.findtext("m:variantformat", namespaces=NS)) == (
        "PNG",
        "Arkivformat",
    )
    generated = {
        name: bundle.read(file_object.findtext("m:referanseDokumentfil", namespaces=NS))
        for name, file_object in by_name.items()
        if file_object.findtext("m:format", namespaces=NS) == "PDF/A-2b"
    }
    assert len(generated) == 5
    assert all(is_pdf_a_2b(content) for content in generated.values())
    texts = {name.split("-")[0]: pdf_text(content) for name, content in generated.items()}
    assert "nye kjøledisker" in texts["soknad"]
    assert "Kjøledisk" in texts["soknad"]
    assert "Kommunen stør søknaden." in texts["fraasegn"]
    assert "Butikken oppfyller krava til avstand og marknad." in texts["vedtak"]
    assert "Rett til å klage" in texts["vedtak"]


def test_the_public_title_screens_the_names_of_the_people_in_the_case(merchant, advisor):
    merchant.first_name, merchant.last_name = "Kari", "Nordmann"
    merchant.save()
    shop = ShopFactory(name="Kari Nordmann Daglegvare (demo)", contact_name="Per Olsen")
    shop.merchants.add(merchant)
    application = ApplicationFactory(shop=shop, created_by=merchant)
    workflow.submit_application(application, merchant)
    root = metadata(open_package(archive.build_archive_package(application, made_by=advisor)))
    folder = root.find(".//m:saksmappe", NS)
    title = folder.findtext("m:tittel", namespaces=NS)
    public_title = folder.findtext("m:offentligTittel", namespaces=NS)
    assert "Kari Nordmann Daglegvare" in title
    assert "Kari" not in public_title
    assert "Nordmann" not in public_title
    assert "****** ****** Daglegvare" in public_title
    assert "Investeringsstøtte" in public_title
    for post in root.findall(".//m:journalpost", NS):
        assert "Nordmann" not in post.findtext("m:offentligTittel", namespaces=NS)
    # Words are screened whole: "Per" does not blank out "Perlebutikken".
    assert archive.screened_title("Perlebutikken til Per", {"per"}) == "Perlebutikken til ******"


def valid_xml(application, advisor) -> bytes:
    return open_package(archive.build_archive_package(application, made_by=advisor)).read(archive.XML_NAME)


def without_first(xml: bytes, name: str) -> bytes:
    return re.sub(rf"\s*<{name}>[^<]*</{name}>".encode(), b"", xml, count=1)


@pytest.mark.parametrize(
    ("element", "expected"),
    [("sjekksum", "sjekksumAlgoritme"), ("offentligTittel", "offentligTittel"), ("mappeID", "mappeID")],
)
def test_a_document_missing_a_required_element_fails_validation(decided_case, advisor, element, expected):
    xml = valid_xml(decided_case, advisor)
    assert archive.validation_errors(xml) == []
    broken = without_first(xml, element)
    assert broken != xml
    errors = archive.validation_errors(broken)
    assert errors
    assert any(expected in error for error in errors)
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        archive.archive_schema().validate(io.BytesIO(broken))


def test_a_wrong_checksum_format_or_a_file_outside_the_package_folder_fails_validation(decided_case, advisor):
    xml = valid_xml(decided_case, advisor)
    short_checksum = re.sub(rb"<sjekksum>[0-9a-f]{64}</sjekksum>", b"<sjekksum>abc</sjekksum>", xml, count=1)
    assert archive.validation_errors(short_checksum)
    escaping_path = re.sub(
        rb"<referanseDokumentfil>[^<]+</referanseDokumentfil>",
        b"<referanseDokumentfil>../../etc/passwd</referanseDokumentfil>",
        xml,
        count=1,
    )
    assert archive.validation_errors(escaping_path)
    duplicate_file = re.sub(
        rb"<referanseDokumentfil>[^<]+</referanseDokumentfil>",
        b"<referanseDokumentfil>dokument/001-x.pdf</referanseDokumentfil>",
        xml,
    )
    assert archive.validation_errors(duplicate_file)
    assert archive.validation_errors(b"<arkiv>not closed") != []


def test_the_builder_refuses_a_package_whose_xml_is_invalid(decided_case, advisor, monkeypatch):
    monkeypatch.setattr(archive, "screened_title", lambda title, names: "")
    with pytest.raises(archive.ArchivePackageInvalid, match="offentligTittel"):
        archive.build_archive_package(decided_case, made_by=advisor)


def test_the_same_case_keeps_its_system_ids_from_one_package_to_the_next(decided_case, advisor):
    def ids(root: ET.Element) -> list[str]:
        return [element.text for element in root.iter(f"{{{archive.NAMESPACE}}}systemID")]

    first = metadata(open_package(archive.build_archive_package(decided_case, made_by=advisor)))
    second = metadata(open_package(archive.build_archive_package(decided_case, made_by=advisor)))
    assert ids(first) == ids(second)
    assert len(set(ids(first))) == len(ids(first))


def test_an_appeal_package_names_the_case_it_appeals(merchant, advisor, own_shop):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    refusal = workflow.record_decision(
        application, advisor, workflow.DecisionInput(outcome="refusal", justification="For kort avstand.")
    )
    appeal = workflow.lodge_appeal(
        refusal, merchant, "Avstanden er 11 km.", timezone.localdate(refusal.decided_at)
    )
    root = metadata(open_package(archive.build_archive_package(appeal, made_by=advisor)))
    original = archive.folder_id(application)
    assert root.findtext(".//m:merkurSak/m:klagePaaSak", namespaces=NS) == original
    assert root.findtext(".//m:saksmappe/m:tittel", namespaces=NS).startswith("Klage på vedtak")


def test_a_closed_case_is_avsluttet_with_its_closing_date(decided_case, advisor):
    workflow.register_payment(decided_case, advisor, 250_000, is_final=True)
    decided_case.refresh_from_db()
    workflow.close_case(decided_case, advisor)
    root = metadata(open_package(archive.build_archive_package(decided_case, made_by=advisor)))
    folder = root.find(".//m:saksmappe", NS)
    assert folder.findtext("m:saksstatus", namespaces=NS) == "Avsluttet"
    assert folder.find("m:avsluttetDato", NS) is not None
    payments = folder.findall("m:merkurSak/m:utbetaling", NS)
    assert [
        (p.findtext("m:beloep", namespaces=NS), p.findtext("m:sluttutbetaling", namespaces=NS))
        for p in payments
    ] == [("250000", "true")]


def test_an_advisor_downloads_the_package_from_the_case_page_and_the_download_is_logged(
    client, decided_case, advisor
):
    client.force_login(advisor)
    page = client.get(reverse("merkur:case_detail", args=[decided_case.pk])).content.decode()
    url = reverse("merkur:case_archive_package", args=[decided_case.pk])
    assert f'href="{url}"' in page
    assert "Last ned arkivpakke" in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f'filename="merkur-sak-{decided_case.pk}-arkivpakke.zip"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    content = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(content)
    bundle = zipfile.ZipFile(io.BytesIO(content))
    assert archive.validation_errors(bundle.read(archive.XML_NAME)) == []
    log = ArchiveExport.objects.get()
    assert (log.application, log.user, log.document_count) == (decided_case, advisor, 7)
    assert log.sha256 == hashlib.sha256(content).hexdigest()
    assert log.size == len(content)
    page = client.get(reverse("merkur:case_detail", args=[decided_case.pk])).content.decode()
    assert log.sha256 in page


@pytest.mark.parametrize("who", ["merchant", "other_merchant"])
def test_merchants_cannot_download_an_archive_package(client, decided_case, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("merkur:case_archive_package", args=[decided_case.pk]))
    assert response.status_code == 403
    assert not ArchiveExport.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client, decided_case):
    response = client.get(reverse("merkur:case_archive_package", args=[decided_case.pk]))
    assert response.status_code == 302
    assert reverse("merkur:login") in response["Location"]
    assert not ArchiveExport.objects.exists()


def test_a_draft_has_no_archive_package(client, advisor, own_shop):
    draft = ApplicationFactory(shop=own_shop)
    client.force_login(advisor)
    assert client.get(reverse("merkur:case_archive_package", args=[draft.pk])).status_code == 404
    assert (
        "Last ned arkivpakke"
        not in client.get(reverse("merkur:case_detail", args=[draft.pk])).content.decode()
    )


def test_an_invalid_package_is_not_handed_out_and_the_advisor_is_told(
    client, decided_case, advisor, monkeypatch
):
    monkeypatch.setattr(archive, "screened_title", lambda title, names: "")
    client.force_login(advisor)
    response = client.get(reverse("merkur:case_archive_package", args=[decided_case.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("merkur:case_detail", args=[decided_case.pk])
    assert "Arkivpakka vart ikkje laga" in response.content.decode()
    assert not ArchiveExport.objects.exists()


def test_the_package_is_built_in_a_temporary_file_not_in_memory(decided_case, advisor):
    package = archive.build_archive_package(decided_case, made_by=advisor)
    assert package.file.fileno() >= 0
    assert package.file.tell() == 0
    package.file.close()


def test_the_shipped_schema_is_namespaced_and_documents_its_noark_basis():
    text = archive.SCHEMA_PATH.read_text(encoding="utf-8")
    assert f'targetNamespace="{archive.NAMESPACE}"' in text
    assert "Noark 5" in text
    assert archive.archive_schema().target_namespace == archive.NAMESPACE
