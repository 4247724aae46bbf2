"""Decision letters: the PDF (core.pdf, with the letterhead) and the e-mail that carries it."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from django_tasks import task

from distrikt.core.outbox import queue_mail
from distrikt.core.pdf import PDF_CONTENT_TYPE, render_pdf

from .models import Decision, Shop


def decision_letter_pdf(decision: Decision, *, language: str = "nn", pdf_variant: str | None = None) -> bytes:
    """The decision letter with the reasons and the right to appeal (PDF/A for the archive)."""
    return render_pdf(
        "merkur/pdf/decision_letter.html",
        {"decision": decision, "application": decision.application, "title": _("Vedtak")},
        language=language,
        pdf_variant=pdf_variant,
    )


def letter_file_name(decision: Decision) -> str:
    return f"vedtak-merkur-{decision.application_id}-{decision.pk}.pdf"


def recipients(decision: Decision) -> list[str]:
    return recipients_for_shop(decision.application.shop)


def recipients_for_shop(shop: Shop) -> list[str]:
    """The shop's contact address and the merchants linked to the shop."""
    addresses = [shop.contact_email] if shop.contact_email else []
    addresses += [user.email for user in shop.merchants.all() if user.email]
    return sorted(set(addresses))


@task()
def send_decision_letter(decision_id: int) -> bool:
    """Make the letter and queue it by e-mail (runs after the decision is committed)."""
    decision = Decision.objects.select_related("application__shop", "application__scheme").get(pk=decision_id)
    to = recipients(decision)
    if not to:
        return False
    with translation.override("nn"):
        pdf = decision_letter_pdf(decision)
        context = {"decision": decision, "application": decision.application}
        queue_mail(
            to,
            _("Vedtak om tilskot frå Merkur: %(scheme)s") % {"scheme": decision.application.scheme.name},
            render_to_string("merkur/email/decision.txt", context),
            attachments=[(letter_file_name(decision), pdf, PDF_CONTENT_TYPE)],
            related=decision.application,
            dedupe_key=f"merkur-decision:{decision.pk}",
        )
    return True
