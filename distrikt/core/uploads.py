"""What an uploaded file really is, read from its content, never from its name.

Used by every upload of the site (knowledge-bank PDFs, Merkur application attachments);
each app words its own message around the answer.
"""

import io
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

PDF_SIGNATURE = b"%PDF-"
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def pdf_problem(stream: BinaryIO) -> str | None:
    """None for a readable PDF; else `not_pdf`, `encrypted_pdf` or `broken_pdf`.

    The stream is read from the start and left at the start.
    """
    stream.seek(0)
    try:
        if stream.read(len(PDF_SIGNATURE)) != PDF_SIGNATURE:
            return "not_pdf"
        stream.seek(0)
        PdfReader(stream, strict=False).pages[0]
    except (NotImplementedError, DependencyError, FileNotDecryptedError):
        # Encrypted with a password, or with a method pypdf cannot read (an unknown /V or
        # /Filter in /Encrypt, AES without the crypto library): readers could not open it either.
        return "encrypted_pdf"
    except (PyPdfError, IndexError, ValueError, KeyError, TypeError, OSError):
        return "broken_pdf"
    finally:
        stream.seek(0)
    return None


def image_type(content: bytes) -> str | None:
    """The MIME type of a JPEG or PNG that Pillow can verify; None for anything else."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return IMAGE_TYPES.get(image_format or "")
