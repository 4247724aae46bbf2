"""Checks on uploaded documents and on publication identifiers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
from stdnum import isbn, issn
from stdnum.no import orgnr

DEFAULT_MAX_PDF_BYTES = 25 * 1024 * 1024


def max_pdf_bytes() -> int:
    return getattr(settings, "KNOWLEDGE_MAX_PDF_BYTES", DEFAULT_MAX_PDF_BYTES)


def validate_pdf_file(uploaded) -> None:
    """Accept a file only when it really is a PDF (signature and structure) and not too large."""
    limit = max_pdf_bytes()
    if uploaded.size is not None and uploaded.size > limit:
        raise ValidationError(
            _("Fila er for stor. Største tillatne storleik er %(limit)s MB."),
            params={"limit": limit // (1024 * 1024)},
            code="too_large",
        )
    uploaded.seek(0)
    head = uploaded.read(5)
    uploaded.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("Fila er ikkje ein PDF. Last opp eit PDF-dokument."), code="not_pdf")
    try:
        PdfReader(uploaded, strict=False).pages[0]
    except (NotImplementedError, DependencyError, FileNotDecryptedError) as error:
        # Encrypted with a password, or with a method pypdf cannot read (an unknown /V or
        # /Filter in /Encrypt, AES without the crypto library): readers could not open it either.
        raise ValidationError(
            _(
                "PDF-en er kryptert eller passordverna. Lagra han utan passord og kryptering, og last han opp på nytt."
            ),
            code="encrypted_pdf",
        ) from error
    except (PyPdfError, IndexError, ValueError, KeyError, TypeError, OSError) as error:
        raise ValidationError(
            _("Fila ser ut som ein PDF, men kan ikkje lesast. Last opp ein heil PDF."),
            code="broken_pdf",
        ) from error
    finally:
        uploaded.seek(0)


def validate_isbn(value: str) -> None:
    if value and not isbn.is_valid(value):
        raise ValidationError(_("Dette er ikkje eit gyldig ISBN."), code="isbn")


def validate_issn(value: str) -> None:
    if value and not issn.is_valid(value):
        raise ValidationError(_("Dette er ikkje eit gyldig ISSN."), code="issn")


def validate_organisation_number(value: str) -> None:
    """A Norwegian organisation number (Einingsregisteret): nine digits with a valid check digit."""
    if not value:
        return
    digits = orgnr.compact(value)
    if len(digits) != 9 or not digits.isdigit():
        raise ValidationError(_("Organisasjonsnummeret må ha nøyaktig ni siffer."), code="orgnr_length")
    if not orgnr.is_valid(digits):
        raise ValidationError(
            _("Organisasjonsnummeret er ikkje gyldig: kontrollsifferet stemmer ikkje."), code="orgnr_checksum"
        )
