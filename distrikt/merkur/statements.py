"""The municipality's statement (kommunen si fråsegn), asked for by a signed, expiring link.

The merchant names the municipality's post address; the platform e-mails a link signed
with django.core.signing (salted, time-limited). The municipality writes its statement in
a form without logging in, and it lands in the case. A link works once.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from distrikt.core.outbox import queue_mail

from .models import Application, CaseMessage
from .workflow import ensure_merchant_may_edit

SALT = "merkur.municipality-statement"


def statement_token(application: Application) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(application.pk))


def application_for_token(token: str) -> Application | None:
    """The application the link is for, or None when it is forged, expired or already used."""
    max_age = datetime.timedelta(days=settings.MERKUR_STATEMENT_LINK_DAYS)
    try:
        pk = int(signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age))
    except (signing.BadSignature, ValueError):
        return None
    return (
        Application.objects.filter(pk=pk, statement_received_at__isnull=True)
        .select_related("shop", "scheme")
        .first()
    )


def request_statement(application: Application, user, email: str, base_url: str) -> None:
    """Store the municipality's address and send it the link (after commit, through the outbox)."""
    ensure_merchant_may_edit(application, user)
    if not email:
        raise ValidationError(_("Skriv e-postadressa til kommunen."))
    link = base_url.rstrip("/") + reverse(
        "merkur:municipality_statement", args=[statement_token(application)]
    )
    with transaction.atomic():
        Application.objects.filter(pk=application.pk).update(
            statement_email=email, statement_requested_at=timezone.now()
        )
        queue_mail(
            email,
            _("Merkur: fråsegn frå kommunen om søknad frå %(shop)s") % {"shop": application.shop.name},
            render_to_string(
                "merkur/email/statement_request.txt",
                {"application": application, "link": link, "days": settings.MERKUR_STATEMENT_LINK_DAYS},
            ),
            related=application,
        )


def receive_statement(application: Application, text: str) -> bool:
    """Store the statement once; a second use of the same link changes nothing."""
    if not text.strip():
        raise ValidationError(_("Skriv fråsegna."))
    with transaction.atomic():
        stored = Application.objects.filter(pk=application.pk, statement_received_at__isnull=True).update(
            municipality_statement=text.strip(), statement_received_at=timezone.now()
        )
        if stored:
            CaseMessage.objects.create(
                application=application, sender=None, text=_("Fråsegna frå kommunen er motteken.")
            )
    return bool(stored)
