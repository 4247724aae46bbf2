import io

import pytest
from pypdf import PdfReader

from distrikt.core.pdf import PDF_A_2B, PdfResourceRefused, local_resource, render_pdf


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_render_pdf_writes_the_template_text_and_the_letterhead():
    data = render_pdf(
        "core/pdf/test_document.html",
        {"title": "Kunnskapsgrunnlag for Nordland", "body": "Folketal 1. januar: 243 335"},
        language="nn",
    )
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Kunnskapsgrunnlag for Nordland" in text
    assert "243 335" in text
    assert "Distriktssenteret" in text


def test_the_fetcher_refuses_the_network():
    with pytest.raises(PdfResourceRefused):
        local_resource("https://example.org/tracker.png")


def test_an_external_image_does_not_stop_the_document():
    data = render_pdf(
        "core/pdf/test_document.html",
        {"title": "Vedtak", "body": "Tekst", "image": "https://example.org/x.png"},
        language="nb",
    )
    assert "Vedtak" in pdf_text(data)


def test_an_archive_pdf_declares_pdf_a_2b_in_its_metadata():
    data = render_pdf(
        "core/pdf/test_document.html",
        {"title": "Arkiv", "body": "Tekst"},
        language="nn",
        pdf_variant=PDF_A_2B,
    )
    metadata = PdfReader(io.BytesIO(data)).xmp_metadata
    assert metadata is not None
    xml = metadata.stream.get_data()
    assert b'pdfaid:part="2"' in xml
    assert b'pdfaid:conformance="B"' in xml
    plain = render_pdf("core/pdf/test_document.html", {"title": "Arkiv", "body": "Tekst"}, language="nn")
    plain_metadata = PdfReader(io.BytesIO(plain)).xmp_metadata
    assert plain_metadata is None or b"pdfaid" not in plain_metadata.stream.get_data()
