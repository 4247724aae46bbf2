"""Reminding the responsible staff member before a commissioned research project is due."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from distrikt.core.outbox import queue_mail

from .models import ResearchCommission


def reminder_lead_days() -> int:
    return settings.RESEARCH_REMINDER_DAYS


def send_research_due_reminders(today: datetime.date | None = None) -> int:
    """One e-mail per commission and due date to the responsible person; returns how many."""
    today = today or timezone.localdate()
    sent = 0
    due = ResearchCommission.objects.due_for_reminder(today, reminder_lead_days()).select_related(
        "responsible"
    )
    for commission in due:
        email = commission.responsible.email if commission.responsible else ""
        if not email:
            continue
        with transaction.atomic():
            claimed = (
                ResearchCommission.objects.filter(pk=commission.pk)
                .exclude(reminded_for_due_on=commission.due_on)
                .update(reminded_for_due_on=commission.due_on)
            )
            if not claimed:
                continue
            with translation.override("nn"):
                queue_mail(
                    email,
                    _("FoU-oppdraget «%(title)s» har frist %(date)s")
                    % {"title": commission.title, "date": commission.due_on},
                    _(
                        "Oppdraget «%(title)s» hos %(institution)s skal leverast %(date)s. Sjekk med institusjonen "
                        "at det held, og oppdater status i FoU-registeret."
                    )
                    % {
                        "title": commission.title,
                        "institution": commission.institution,
                        "date": commission.due_on,
                    },
                    related=commission,
                )
        sent += 1
    return sent
