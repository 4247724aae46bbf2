"""E-mails about what the merchant sends after a grant: a receipt to the shop's merchants
and a notice to the case's advisor, queued through the outbox in the caller's transaction.

Links start with SITE_BASE_URL (the public address), never with the request's host.
The receipt is written in the language the merchant uses; the advisor's notice in Nynorsk.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from distrikt.core.outbox import queue_mail

from .letters import recipients_for_shop
from .models import Application, FinalReport, PaymentRequest, PaymentRequestRefusal

STAFF_LANGUAGE = "nn"


def site_root_url() -> str:
    """The public address every e-mail link starts with."""
    return (getattr(settings, "SITE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    return site_root_url() + path


def _send_receipt_and_notice(
    application: Application,
    key: str,
    template: str,
    receipt_subject: str,
    notice_subject: str,
    context: dict,
) -> None:
    receipt_to = recipients_for_shop(application.shop)
    if receipt_to:
        queue_mail(
            receipt_to,
            receipt_subject,
            render_to_string(
                f"merkur/email/{template}_receipt.txt",
                {
                    **context,
                    "link": absolute_url(reverse("merkur:application_detail", args=[application.pk])),
                },
            ),
            related=application,
            dedupe_key=f"{key}:receipt",
        )
    advisor = application.assigned_advisor
    if advisor is None or not advisor.email:
        return
    with translation.override(STAFF_LANGUAGE):
        queue_mail(
            advisor.email,
            str(notice_subject),
            render_to_string(
                f"merkur/email/{template}_notice.txt",
                {**context, "link": absolute_url(reverse("merkur:case_detail", args=[application.pk]))},
            ),
            related=application,
            dedupe_key=f"{key}:notice",
        )


def payment_request_sent(payment_request: PaymentRequest) -> None:
    """Receipt to the merchant, notice to the assigned advisor."""
    application = payment_request.application
    context = {"application": application, "payment_request": payment_request}
    with translation.override(STAFF_LANGUAGE):
        notice_subject = _("Merkur: førespurnad om utbetaling i sak %(case)s") % {"case": application.pk}
    _send_receipt_and_notice(
        application,
        f"merkur-payment-request:{payment_request.pk}",
        "payment_request",
        _("Kvittering: førespurnad om utbetaling frå Merkur"),
        notice_subject,
        context,
    )


def final_report_sent(report: FinalReport) -> None:
    """Receipt to the merchant, notice to the assigned advisor."""
    application = report.application
    context = {"application": application, "report": report}
    with translation.override(STAFF_LANGUAGE):
        notice_subject = _("Merkur: sluttrapport i sak %(case)s") % {"case": application.pk}
    _send_receipt_and_notice(
        application,
        f"merkur-final-report:{report.pk}",
        "final_report",
        _("Kvittering: sluttrapport til Merkur"),
        notice_subject,
        context,
    )


def payment_request_refused(refusal: PaymentRequestRefusal) -> None:
    """Tell the shop's merchants that the advisor refused their payment request, and why.

    Written in Nynorsk, like the decision letters: the advisor's action has no merchant
    language to follow.
    """
    payment_request = refusal.payment_request
    application = payment_request.application
    to = recipients_for_shop(application.shop)
    if not to:
        return
    with translation.override(STAFF_LANGUAGE):
        queue_mail(
            to,
            _("Førespurnaden om utbetaling frå Merkur er avslått"),
            render_to_string(
                "merkur/email/payment_request_refused.txt",
                {
                    "application": application,
                    "payment_request": payment_request,
                    "refusal": refusal,
                    "link": absolute_url(reverse("merkur:application_detail", args=[application.pk])),
                },
            ),
            related=application,
            dedupe_key=f"merkur-payment-request-refused:{refusal.pk}",
        )
