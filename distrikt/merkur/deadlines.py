"""The programme's yearly deadlines (settings, as month-day) and the lapse of unreported grants."""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from distrikt.core.outbox import queue_mail

from .letters import recipients_for_shop
from .models import Application, ApplicationStatus
from .workflow import application_deadline, lapse_grant, payment_request_deadline

__all__ = ["application_deadline", "lapse_overdue_grants", "payment_request_deadline", "send_lapse_notices"]

OPEN_GRANT_STATUSES = (ApplicationStatus.GRANTED, ApplicationStatus.PARTIALLY_PAID)


def _unreported_grants():
    # A grant paid in part after its final report is back in "partially paid" but is
    # reported all the same: it does not lapse.
    return Application.objects.filter(status__in=OPEN_GRANT_STATUSES, final_report__isnull=True)


def send_lapse_notices(today: datetime.date) -> int:
    """Tell merchants, once, that an unreported grant lapses soon."""
    horizon = today + datetime.timedelta(days=settings.MERKUR_LAPSE_NOTICE_DAYS)
    grants = (
        _unreported_grants()
        .filter(deadline__gte=today, deadline__lte=horizon)
        .select_related("shop", "scheme")
    )
    sent = 0
    for application in grants:
        to = recipients_for_shop(application.shop)
        if not to:
            continue
        with transaction.atomic():
            message = queue_mail(
                to,
                _("Tilskotet frå Merkur fell snart bort"),
                render_to_string("merkur/email/lapse_notice.txt", {"application": application}),
                related=application,
                dedupe_key=f"merkur-lapse-notice:{application.pk}:{application.deadline}",
                dedupe_window=datetime.timedelta(days=366),
            )
        sent += message is not None
    return sent


def lapse_overdue_grants(today: datetime.date) -> int:
    """Grants not reported by their deadline lapse (each logged in the case)."""
    overdue = _unreported_grants().filter(deadline__lt=today)
    count = 0
    for application in overdue:
        lapse_grant(application, today)
        count += 1
    return count
