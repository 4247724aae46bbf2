"""Generating a brief (runs in a task): content, PDF, workbook, with progress on the row."""

import logging
import time

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from distrikt.core.exports import safe_filename, xlsx_bytes
from distrikt.core.language_share import count_words
from distrikt.core.pdf import html_to_pdf

from .content import UnknownAreaError, build_content, resolve_area
from .documents import brief_html, brief_tables
from .models import Brief, BriefStatus

logger = logging.getLogger(__name__)


def _progress(brief: Brief, percent: int, step: str) -> None:
    Brief.objects.filter(pk=brief.pk).update(progress=percent, step=step)


def generate_brief(brief_id: int) -> Brief:
    """Build the content, render the PDF and the workbook, and store them on the brief."""
    brief = Brief.objects.get(pk=brief_id)
    if brief.status == BriefStatus.DONE:
        return brief
    started = time.perf_counter()
    Brief.objects.filter(pk=brief.pk).update(status=BriefStatus.RUNNING, progress=5, error="")
    try:
        with translation.override(brief.language):
            area = resolve_area(brief.area_kind, brief.area_key)
            if area is None:
                raise UnknownAreaError(f"{brief.area_kind}:{brief.area_key}")
            _progress(brief, 10, _("Hentar tal"))
            content = build_content(area, brief.year_from, brief.year_to)
            _progress(brief, 50, _("Lagar PDF"))
            html = brief_html(content)
            pdf = html_to_pdf(html)
            _progress(brief, 85, _("Lagar Excel-fil"))
            workbook = xlsx_bytes(brief_tables(content))
        stem = safe_filename(
            f"kunnskapsgrunnlag {brief.area_name} {brief.year_from}-{brief.year_to} {brief.language}"
        )
        brief.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        brief.workbook.save(f"{stem}.xlsx", ContentFile(workbook), save=False)
        brief.word_count = count_words(strip_tags(html))
        brief.has_data = content.has_data
        brief.status = BriefStatus.DONE
        brief.progress = 100
        brief.step = ""
        brief.finished_at = timezone.now()
        brief.seconds = round(time.perf_counter() - started, 2)
        brief.save()
    except Exception as error:
        logger.exception("Brief %s failed", brief.pk)
        Brief.objects.filter(pk=brief.pk).update(
            status=BriefStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    return brief
