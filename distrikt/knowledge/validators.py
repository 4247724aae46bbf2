"""Checks on uploaded documents and on publication identifiers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdnum import isbn, issn

from distrikt.core.uploads import pdf_problem
from distrikt.core.validators import validate_organisation_number

__all__ = [
    "max_pdf_bytes",
    "validate_isbn",
    "validate_issn",
    "validate_organisation_number",
    "validate_pdf_file",
]

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
    problem = pdf_problem(uploaded)
    if problem == "not_pdf":
        raise ValidationError(_("Fila er ikkje ein PDF. Last opp eit PDF-dokument."), code="not_pdf")
    if problem == "encrypted_pdf":
        raise ValidationError(
            _(
                "PDF-en er kryptert eller passordverna. Lagra han utan passord og kryptering, og last han opp på nytt."
            ),
            code="encrypted_pdf",
        )
    if problem is not None:
        raise ValidationError(
            _("Fila ser ut som ein PDF, men kan ikkje lesast. Last opp ein heil PDF."),
            code="broken_pdf",
        )


def validate_isbn(value: str) -> None:
    if value and not isbn.is_valid(value):
        raise ValidationError(_("Dette er ikkje eit gyldig ISBN."), code="isbn")


def validate_issn(value: str) -> None:
    if value and not issn.is_valid(value):
        raise ValidationError(_("Dette er ikkje eit gyldig ISSN."), code="issn")
