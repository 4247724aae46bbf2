"""Checks on application attachments: PDF or image by content (not by name), and size.

What a file is comes from the shared check in `core.uploads`; the size limit and the
messages are Merkur's.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from distrikt.core.uploads import PDF_SIGNATURE, image_type, pdf_problem

PDF_TYPE = "application/pdf"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    file_name: str
    content_type: str
    content: bytes


def max_attachment_bytes() -> int:
    return getattr(settings, "MERKUR_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def _content_type(content: bytes) -> str | None:
    """The real type of the bytes: a PDF that parses or a JPEG/PNG that Pillow verifies."""
    if content.startswith(PDF_SIGNATURE):
        return PDF_TYPE if pdf_problem(io.BytesIO(content)) is None else None
    return image_type(content)


def check_attachment(upload: UploadedFile) -> CheckedFile:
    """Read and check an upload; raises a ValidationError with a Nynorsk message."""
    limit = max_attachment_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("Fila er for stor. Største tillatne storleik er %(size)s MB.")
            % {"size": limit // (1024 * 1024)},
            code="too_large",
        )
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise ValidationError(
            _("Fila er for stor. Største tillatne storleik er %(size)s MB.")
            % {"size": limit // (1024 * 1024)},
            code="too_large",
        )
    content_type = _content_type(content)
    if content_type is None:
        raise ValidationError(
            _("Fila er ikkje ein PDF eller eit bilete (JPEG eller PNG), eller ho er øydelagd."),
            code="wrong_type",
        )
    name = (upload.name or "vedlegg").rsplit("/", 1)[-1][:200]
    return CheckedFile(file_name=name, content_type=content_type, content=content)
