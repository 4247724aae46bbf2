"""Background work of the knowledge bank: reminders of due follow-ups and research, newsletter
digests, and the PDFs of guides."""

from django_tasks import task

from . import newsletter
from .follow_up_reminders import send_follow_up_reminders
from .guide_pdf_rendering import generate_guide_pdf
from .research_reminders import send_research_due_reminders


@task()
def remind_example_follow_ups() -> int:
    """Remind editors of practical examples that are due a follow-up; returns the number queued."""
    return send_follow_up_reminders()


@task()
def remind_research_due_dates() -> int:
    """Remind responsible staff of commissioned research due within RESEARCH_REMINDER_DAYS."""
    return send_research_due_reminders()


@task()
def send_newsletter_digests() -> int:
    """Queue the digest of every subscription that is due; how many were queued."""
    return newsletter.send_due_digests()


@task()
def generate_guide_pdf_task(pdf_id: int) -> int:
    """Make the PDF of one guide revision (see `guide_pdfs`); returns the row's id."""
    return generate_guide_pdf(pdf_id)
