"""The advisors' side: the case queue with filters, and one case with its actions.

Each action is a small form posted to ``case_action``; the view parses it and calls one
service in ``workflow.py``, which checks permission and writes the audit log.
"""

import logging
from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from distrikt.core.filtering import filter_list

from . import archive, eligibility, workflow
from .forms import (
    AssignForm,
    CaseQueueFilterForm,
    ConflictForm,
    DecisionForm,
    InformationRequestForm,
    NoteForm,
    PaymentForm,
    PaymentRequestRefusalForm,
)
from .models import Application, ApplicationStatus, FinalReport, PaymentRequest, is_advisor
from .views import merkur_login_required

QUEUE_PAGE_SIZE = 50
ARCHIVE_EXPORTS_SHOWN = 5

logger = logging.getLogger(__name__)


def _require_advisor(request: HttpRequest) -> None:
    if not is_advisor(request.user):
        raise PermissionDenied


@merkur_login_required
def case_queue(request: HttpRequest) -> HttpResponse:
    _require_advisor(request)
    form = CaseQueueFilterForm(request.GET or None)
    listing = filter_list(
        request,
        form,
        lambda data: form.filter(Application.objects.for_queue_rows(), data),
        per_page=QUEUE_PAGE_SIZE,
        count=form.count,
    )
    return render(
        request,
        "merkur/case_queue.html",
        {
            "form": form,
            "listing": listing,
            "page_obj": listing.page_obj,
            "filter_query": listing.query_string,
        },
    )


def _payment_form(application: Application, data=None) -> PaymentForm:
    """The payment form, set to the oldest open request of the merchant when there is one."""
    if data is not None:
        return PaymentForm(data, application=application)
    oldest = PaymentRequest.objects.filter(application=application).open().first()
    if oldest is None:
        return PaymentForm(application=application, initial={"amount": application.remaining_amount or None})
    return PaymentForm(
        application=application,
        initial={
            "payment_request": oldest.pk,
            "amount": min(oldest.amount, application.remaining_amount),
            "is_final": oldest.is_final,
        },
    )


def _case_context(request: HttpRequest, application: Application, **forms) -> dict:
    checks = eligibility.check_application(application)
    status = application.status
    return {
        "application": application,
        "checks": checks,
        "checks_summary": eligibility.summary(checks),
        "events": application.events.select_related("actor"),
        "notes": application.notes.select_related("author"),
        "case_messages": application.messages.select_related("sender"),
        "decisions": application.decisions.select_related("decided_by").prefetch_related("appeals"),
        "case_url_name": "merkur:case_detail",
        "payments": application.payments.select_related("registered_by"),
        "payment_requests": PaymentRequest.objects.filter(application=application).with_details(),
        "final_report": FinalReport.objects.filter(application=application)
        .select_related("submitted_by")
        .first(),
        "conflicts": application.conflicts.select_related("advisor"),
        "attachments": application.attachments.defer("content"),
        "may_archive": application.submitted_at is not None,
        "archive_exports": application.archive_exports.select_related("user")[:ARCHIVE_EXPORTS_SHOWN],
        "has_conflict": workflow.has_conflict(application, request.user),
        "may_decide": workflow.may_decide(application, request.user)
        and status == ApplicationStatus.UNDER_ASSESSMENT,
        "may_start": status == ApplicationStatus.SUBMITTED,
        "may_request": status == ApplicationStatus.UNDER_ASSESSMENT,
        "may_pay": application.granted_amount is not None
        and application.remaining_amount > 0
        and workflow.can_transition(status, ApplicationStatus.PARTIALLY_PAID),
        "may_close": workflow.can_transition(status, ApplicationStatus.CLOSED),
        "assign_form": forms.get("assign")
        or AssignForm(initial={"advisor": application.assigned_advisor_id}),
        "note_form": forms.get("note") or NoteForm(),
        "request_form": forms.get("request") or InformationRequestForm(),
        "conflict_form": forms.get("conflict") or ConflictForm(),
        "decision_form": forms.get("decide") or DecisionForm(),
        "payment_form": forms.get("pay") or _payment_form(application),
        "may_refuse_request": PaymentRequest.objects.filter(application=application).open().exists(),
        "refusal_form": forms.get("refuse_request") or PaymentRequestRefusalForm(application=application),
    }


@merkur_login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_advisor(request)
    application = get_object_or_404(Application.objects.for_queue().select_related("appeal_of"), pk=pk)
    return render(request, "merkur/case_detail.html", _case_context(request, application))


@merkur_login_required
def case_archive_package(request: HttpRequest, pk: int) -> HttpResponse:
    """The case's archive package (ZIP: Noark 5-style XML, its schema and the documents)."""
    _require_advisor(request)
    # A draft is the merchant's own business, not yet a case with documents to archive.
    application = get_object_or_404(Application.objects.exclude(submitted_at=None), pk=pk)
    try:
        package = archive.export_archive_package(application, request.user)
    except archive.ArchivePackageInvalid:
        logger.exception("The archive package of case %s is not valid against its schema", application.pk)
        messages.error(
            request,
            str(
                _(
                    "Arkivpakka vart ikkje laga fordi ho ikkje er gyldig etter skjemaet sitt. "
                    "Feilen er logga. Ta kontakt med dei som driftar nettstaden."
                )
            ),
        )
        return redirect("merkur:case_detail", pk=application.pk)
    response = FileResponse(
        package.file, as_attachment=True, filename=package.file_name, content_type=archive.ZIP_CONTENT_TYPE
    )
    response["Cache-Control"] = "no-store, private"
    return response


# Each action: its form class and the service call with the form's cleaned data.
ACTIONS: dict[str, tuple[type, Callable]] = {
    "assign": (AssignForm, lambda app, user, data: workflow.assign_case_officer(app, data["advisor"], user)),
    "note": (NoteForm, lambda app, user, data: workflow.add_note(app, user, data["text"])),
    "request": (
        InformationRequestForm,
        lambda app, user, data: workflow.request_more_information(app, user, data["text"], data["answer_by"]),
    ),
    "conflict": (
        ConflictForm,
        lambda app, user, data: workflow.declare_conflict(app, user, data["explanation"]),
    ),
    "decide": (
        DecisionForm,
        lambda app, user, data: workflow.record_decision(
            app,
            user,
            workflow.DecisionInput(
                outcome=data["outcome"],
                justification=data["justification"],
                amount=data.get("amount"),
                conditions=data.get("conditions", ""),
                use_deadline=data.get("use_deadline"),
            ),
        ),
    ),
    "pay": (
        PaymentForm,
        lambda app, user, data: workflow.register_payment(
            app, user, data["amount"], is_final=data["is_final"], payment_request=data.get("payment_request")
        ),
    ),
    "refuse_request": (
        PaymentRequestRefusalForm,
        lambda app, user, data: workflow.refuse_payment_request(
            data["payment_request"], user, data["reason"]
        ),
    ),
}

DONE_MESSAGES = {
    "assign": _("Saka er tildelt."),
    "note": _("Notatet er lagra."),
    "request": _("Førespurnaden er send til kjøpmannen."),
    "conflict": _("Inhabiliteten er registrert. Du kan ikkje gjere vedtak i saka."),
    "decide": _("Vedtaket er gjort. Brevet blir sendt til kjøpmannen."),
    "pay": _("Utbetalinga er registrert."),
    "refuse_request": _("Førespurnaden om utbetaling er avslått. Kjøpmannen får melding på e-post."),
    "start": _("Saka er under handsaming."),
    "close": _("Saka er avslutta."),
}


@merkur_login_required
@require_POST
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    _require_advisor(request)
    application = get_object_or_404(Application.objects.for_queue(), pk=pk)
    if action in ("start", "close"):
        try:
            if action == "start":
                workflow.start_assessment(application, request.user)
            else:
                workflow.close_case(application, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(DONE_MESSAGES[action]))
        return redirect("merkur:case_detail", pk=application.pk)
    if action not in ACTIONS:
        raise Http404
    form_class, perform = ACTIONS[action]
    if action == "pay":
        form = _payment_form(application, request.POST)
    elif action == "refuse_request":
        form = PaymentRequestRefusalForm(request.POST, application=application)
    else:
        form = form_class(request.POST)
    if form.is_valid():
        try:
            perform(application, request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, str(DONE_MESSAGES[action]))
            return redirect("merkur:case_detail", pk=application.pk)
    application.refresh_from_db()
    return render(
        request, "merkur/case_detail.html", _case_context(request, application, **{action: form}), status=400
    )
