"""Making the PDF of one guide revision (runs in a task): render, store, record the outcome."""

import logging

from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone

from distrikt.core.exports import safe_filename
from distrikt.core.pdf import render_pdf

from .models import GuidePdf, GuidePdfStatus

logger = logging.getLogger(__name__)

TEMPLATE = "knowledge/pdf/guide.html"


def generate_guide_pdf(pdf_id: int) -> int:
    """Render the PDF of the row's revision and store it; a row no longer queued is left alone.

    Moving the row from queued to running is one conditional UPDATE, so two workers handed
    the same row never both render it.
    """
    started = GuidePdf.objects.filter(pk=pdf_id, status=GuidePdfStatus.QUEUED).update(
        status=GuidePdfStatus.RUNNING, attempts=F("attempts") + 1
    )
    if not started:
        return pdf_id
    pdf = GuidePdf.objects.select_related("revision").get(pk=pdf_id)
    try:
        # The revision the row is keyed on, not whatever the page holds by now.
        page = pdf.revision.as_object()
        content = render_pdf(TEMPLATE, {"page": page, "step_list": page.step_list()}, language=pdf.language)
        name = safe_filename(f"{page.slug} {pdf.revision_id} {pdf.language}.pdf")
        pdf.file.save(name, ContentFile(content), save=False)
        pdf.status = GuidePdfStatus.DONE
        pdf.error = ""
        pdf.finished_at = timezone.now()
        pdf.save(update_fields=["file", "status", "error", "finished_at"])
    except Exception as error:
        logger.exception("The PDF of guide %s (revision %s) failed", pdf.page_id, pdf.revision_id)
        GuidePdf.objects.filter(pk=pdf_id).update(
            status=GuidePdfStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    return pdf_id
