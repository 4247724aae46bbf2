"""Ordering guide PDFs: one row per published revision and language, enqueued once.

The row is the guard against duplicate work: it is created by one request only (a unique
constraint), and a failed or stalled row is put back in the queue by one conditional UPDATE,
so however many visitors ask at once, the task is enqueued once.
"""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import GuidePage, GuidePdf, GuidePdfStatus
from .tasks import generate_guide_pdf_task

logger = logging.getLogger(__name__)

# A row queued or running longer than this lost its task (a worker died): queue it again.
STALLED_AFTER = datetime.timedelta(minutes=15)


def order_pdf(page: GuidePage, language: str, revision_id: int | None = None) -> GuidePdf | None:
    """The PDF row of the page's live revision (or `revision_id`) in `language`, ordered if new.

    None when the page has no published revision.
    """
    revision_id = revision_id or page.live_revision_id
    if revision_id is None:
        return None
    pdf, created = GuidePdf.objects.get_or_create(page=page, revision_id=revision_id, language=language)
    if created:
        _enqueue_after_commit(pdf.pk)
    elif pdf.status in (GuidePdfStatus.QUEUED, GuidePdfStatus.RUNNING):
        _requeue_if_stalled(pdf)
    return pdf


def retry_pdf(pdf: GuidePdf) -> bool:
    """Queue a failed PDF again; False when it had not failed (someone else retried first)."""
    retried = GuidePdf.objects.filter(pk=pdf.pk, status=GuidePdfStatus.FAILED).update(
        status=GuidePdfStatus.QUEUED, error="", queued_at=timezone.now(), finished_at=None
    )
    if retried:
        _enqueue_after_commit(pdf.pk)
    return bool(retried)


def guide_published(page: GuidePage, revision_id: int) -> None:
    """Forget the PDFs of earlier revisions and order the new one in the guide's own language."""
    stale = GuidePdf.objects.filter(page=page).exclude(revision_id=revision_id)
    files = [str(pdf.file.name) for pdf in stale if pdf.file]
    stale.delete()
    if files:
        transaction.on_commit(partial(_delete_files, files))
    order_pdf(page, page.language or "nn", revision_id)


def _requeue_if_stalled(pdf: GuidePdf) -> None:
    now = timezone.now()
    requeued = GuidePdf.objects.filter(
        pk=pdf.pk,
        status__in=(GuidePdfStatus.QUEUED, GuidePdfStatus.RUNNING),
        queued_at__lt=now - STALLED_AFTER,
    ).update(status=GuidePdfStatus.QUEUED, queued_at=now)
    if requeued:
        logger.warning("The PDF of guide %s had stalled; queued again", pdf.page_id)
        _enqueue_after_commit(pdf.pk)


def _enqueue_after_commit(pdf_id: int) -> None:
    transaction.on_commit(partial(generate_guide_pdf_task.enqueue, pdf_id))


def _delete_files(names: list[str]) -> None:
    storage = GuidePdf._meta.get_field("file").storage
    for name in names:
        storage.delete(name)
