"""Every PDF the platform writes (briefs, decision letters, printable guides) is made here.

Templates are ordinary Django HTML templates that extend ``core/pdf/base.html`` (the
centre's letterhead, page numbers, print typography). WeasyPrint turns them into PDF.

Rendering never goes to the network: the URL fetcher below serves ``/static/…`` and
``/media/…`` from local storage and ``data:`` URLs, and refuses everything else, so a
stray external image in an editor's text cannot stall a worker. Charts are the site's own
inline SVG (``core.charts``), which WeasyPrint draws as vectors.

Generating a PDF takes from a few hundred milliseconds to seconds: call it from a task
(django-tasks), not inside a request, unless the document is small and on demand.
"""

import logging
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

PDF_CONTENT_TYPE = "application/pdf"
# PDF/A-2b (ISO 19005-2, level B): the variant the National Archives accept for documents
# kept for the archive; fonts embedded, sRGB output intent, XMP metadata.
PDF_A_2B = "pdf/a-2b"


class PdfResourceRefused(ValueError):
    """A template asked for a resource outside the site's own static and media files."""


def _static_path(path: str) -> str | None:
    static_url = settings.STATIC_URL or "/static/"
    if not path.startswith(static_url):
        return None
    relative = path[len(static_url) :]
    found = finders.find(relative)
    if found:
        return str(found)
    static_root = getattr(settings, "STATIC_ROOT", None)
    if static_root:
        candidate = Path(static_root, relative).resolve()
        if candidate.is_file() and Path(static_root).resolve() in candidate.parents:
            return str(candidate)
    return None


def local_resource(url: str) -> tuple[bytes, str]:
    """The bytes and MIME type of a ``/static/`` or ``/media/`` URL; refuse anything else."""
    path = unquote(urlsplit(url).path)
    static_file = _static_path(path)
    if static_file:
        return Path(static_file).read_bytes(), _mime_type(static_file)
    media_url = settings.MEDIA_URL or "/media/"
    if path.startswith(media_url):
        name = path[len(media_url) :]
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                return handle.read(), _mime_type(name)
    logger.warning("PDF rendering refused a resource outside the site: %s", url)
    raise PdfResourceRefused(url)


def _mime_type(name: str) -> str:
    mime_type, _encoding = mimetypes.guess_type(name)
    return mime_type or "application/octet-stream"


def _local_fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalURLFetcher(URLFetcher):
        """WeasyPrint's fetcher, limited to ``data:`` URLs and the site's own files."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            data, mime_type = local_resource(url)
            return URLFetcherResponse(url, data, {"Content-Type": mime_type})

    return LocalURLFetcher(allowed_protocols=("data", "file"))


def html_to_pdf(html: str, *, pdf_variant: str | None = None) -> bytes:
    """Turn a complete HTML document into PDF bytes, with local resources only.

    ``pdf_variant`` is WeasyPrint's name of a PDF profile, e.g. ``PDF_A_2B`` for the archive.
    """
    from weasyprint import HTML

    # The base URL only anchors relative links; nothing is fetched from it.
    document = HTML(string=html, base_url="file:///", url_fetcher=_local_fetcher())
    return document.write_pdf(pdf_variant=pdf_variant)


def render_pdf(
    template_name: str,
    context: dict[str, Any],
    *,
    language: str | None = None,
    pdf_variant: str | None = None,
) -> bytes:
    """Render a template that extends ``core/pdf/base.html`` to PDF in ``language``."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        html = render_to_string(template_name, context)
    return html_to_pdf(html, pdf_variant=pdf_variant)
