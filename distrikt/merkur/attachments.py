"""Checks on application attachments: PDF or image by content (not by name), and size.

The knowledge bank has its own PDF check; feature apps do not import each other, so this
one is Merkur's, extended to the images merchants photograph with their phones.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
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
    if content.startswith(b"%PDF-"):
        try:
            PdfReader(io.BytesIO(content), strict=False).pages[0]
        except (PyPdfError, IndexError, ValueError, KeyError, TypeError, OSError, NotImplementedError):
            return None
        return PDF_TYPE
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return IMAGE_TYPES.get(image_format or "")


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
