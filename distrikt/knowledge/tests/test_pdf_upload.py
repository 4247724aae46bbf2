"""Publications take only real PDFs within the size limit; identifiers are validated."""

import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

import pytest
from pypdf import PdfWriter

from distrikt.knowledge.factories import (
    KnowledgeIndexPageFactory,
    PublicationPageFactory,
)
from distrikt.knowledge.models import PublicationPage
from distrikt.knowledge.validators import (
    validate_isbn,
    validate_issn,
    validate_pdf_file,
)

pytestmark = pytest.mark.django_db


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_real_pdf_is_accepted():
    validate_pdf_file(SimpleUploadedFile("rapport.pdf", pdf_bytes()))


def test_a_file_that_is_not_a_pdf_is_rejected_whatever_its_name():
    with pytest.raises(ValidationError) as error:
        validate_pdf_file(SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf"))
    assert error.value.code == "not_pdf"


def test_a_truncated_pdf_is_rejected():
    with pytest.raises(ValidationError) as error:
        validate_pdf_file(SimpleUploadedFile("rapport.pdf", b"%PDF-1.7\n garbage"))
    assert error.value.code == "broken_pdf"


@override_settings(KNOWLEDGE_MAX_PDF_BYTES=1024 * 1024)
def test_an_oversized_pdf_is_rejected():
    big = pdf_bytes() + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as error:
        validate_pdf_file(SimpleUploadedFile("stor.pdf", big))
    assert error.value.code == "too_large"


def test_isbn_and_issn_are_checked():
    validate_isbn("978-0-306-40615-7")
    validate_issn("0378-5955")
    with pytest.raises(ValidationError):
        validate_isbn("978-0-306-40615-8")
    with pytest.raises(ValidationError):
        validate_issn("0378-5956")


def _add_form_data(title: str, upload) -> dict:
    return {
        "title": title,
        "slug": "ny-rapport",
        "lead": "Ingressen som skal bli ståande.",
        "date": "2025-01-01",
        "kind": "report",
        "language": "nn",
        "body-count": "0",
        "related-count": "0",
        "pdf_upload": upload,
    }


def test_the_editor_form_rejects_a_non_pdf_and_keeps_what_was_typed(editor_client, home_page):
    index = KnowledgeIndexPageFactory()
    url = f"/admin/pages/add/knowledge/publicationpage/{index.pk}/"
    response = editor_client.post(
        url,
        _add_form_data("Min rapport", SimpleUploadedFile("x.pdf", b"<html>nei</html>")),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fila er ikkje ein PDF" in content
    assert "Ingressen som skal bli ståande." in content
    assert not PublicationPage.objects.filter(title="Min rapport").exists()


def test_the_editor_form_files_a_real_pdf_and_links_it(editor_client, home_page):
    index = KnowledgeIndexPageFactory()
    url = f"/admin/pages/add/knowledge/publicationpage/{index.pk}/"
    response = editor_client.post(
        url, _add_form_data("Rapport med PDF", SimpleUploadedFile("r.pdf", pdf_bytes()))
    )
    assert response.status_code == 302
    page = PublicationPage.objects.get(title="Rapport med PDF")
    assert page.document is not None
    assert page.document.file_size > 0


def test_downloads_are_counted(client, home_page):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(title="r", file=SimpleUploadedFile("r.pdf", pdf_bytes()))
    page = PublicationPageFactory(document=document)
    response = client.get(page.url + "last-ned/")
    assert response.status_code == 302
    client.get(page.url + "last-ned/")
    page.refresh_from_db()
    assert page.download_count == 2
