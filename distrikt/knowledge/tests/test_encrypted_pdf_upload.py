"""An encrypted PDF, even with an encryption pypdf cannot read, gets a clear message, not a 500."""

import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from pypdf import PdfWriter

from distrikt.knowledge.validators import validate_pdf_file


def encrypted_pdf(user_password: str = "") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password, "eigar", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"/V 2", b"/V 9"),  # an encryption version pypdf does not implement
        (b"/Filter /Standard", b"/Filter /Ukjend"),  # a security handler pypdf does not know
    ],
)
def test_a_pdf_with_an_unsupported_encryption_is_refused_with_a_message(old, new):
    content = encrypted_pdf()
    assert old in content
    with pytest.raises(ValidationError) as error:
        validate_pdf_file(SimpleUploadedFile("kryptert.pdf", content.replace(old, new, 1)))
    assert error.value.code == "encrypted_pdf"
    assert "kryptert" in error.value.messages[0]


def test_a_pdf_that_needs_a_password_is_refused_with_a_message():
    with pytest.raises(ValidationError) as error:
        validate_pdf_file(SimpleUploadedFile("passord.pdf", encrypted_pdf(user_password="hemmeleg")))
    assert error.value.code == "encrypted_pdf"


def test_a_pdf_encrypted_without_a_user_password_is_accepted():
    validate_pdf_file(SimpleUploadedFile("open.pdf", encrypted_pdf()))
