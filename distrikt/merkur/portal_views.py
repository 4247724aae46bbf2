"""The merchant's side of an application: start, fill in (checks as they type), attach,
save as draft, submit, follow the case, ask for payment, report, appeal a decision.
An application the user may not see (or, for the merchant's actions, is not their own) answers 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import eligibility, statements, workflow
from .forms import (
    ActualCostFormSet,
    AppealForm,
    ApplicationForm,
    ApplicationStartForm,
    AttachmentForm,
    BudgetLineFormSet,
    FinalReportForm,
    MessageForm,
    PaymentRequestForm,
    StatementForm,
    StatementRequestForm,
)
from .letters import decision_letter_pdf, letter_file_name
from .models import (
    ActualCost,
    Application,
    ApplicationStatus,
    Attachment,
    BudgetLineKind,
    Decision,
    FinalReport,
    PaymentRequest,
    is_advisor,
)
from .tasks import prefill_enterprise
from .views import merkur_login_required


def visible_application(request: HttpRequest, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.visible_to(request.user).select_related(
            "scheme", "shop__municipality", "appeal_of"
        ),
        pk=pk,
    )


def own_application(request: HttpRequest, pk: int) -> Application:
    """One of the user's own applications (what a merchant acts on); anything else is 404."""
    return get_object_or_404(
        Application.objects.owned_by(request.user).select_related("scheme", "shop", "assigned_advisor"), pk=pk
    )


@merkur_login_required
def application_list(request: HttpRequest) -> HttpResponse:
    if is_advisor(request.user):
        return redirect("merkur:case_queue")
    applications = Application.objects.visible_to(request.user).select_related("scheme", "shop", "appeal_of")
    return render(request, "merkur/application_list.html", {"applications": applications})


@merkur_login_required
def application_start(request: HttpRequest) -> HttpResponse:
    form = ApplicationStartForm(request.POST or None, user=request.user, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            application = workflow.start_application(
                request.user, form.cleaned_data["scheme"], form.cleaned_data["shop"], timezone.localdate()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            transaction.on_commit(lambda: prefill_enterprise.enqueue(application.pk))
            return redirect("merkur:application_edit", pk=application.pk)
    return render(
        request, "merkur/application_start.html", {"form": form}, status=400 if form.is_bound else 200
    )


def _facts_from_form(application: Application, form: ApplicationForm, budget_lines) -> eligibility.Facts:
    """What the checks read from unsaved input: the valid fields, the rest as saved."""
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    saved = eligibility.facts_for(application)
    total_cost = saved.total_cost
    if budget_lines.is_bound and budget_lines.is_valid():
        total_cost = sum(
            line["amount"]
            for line in budget_lines.cleaned_data
            if line and not line.get("DELETE") and line.get("kind") == BudgetLineKind.COST
        )
    values = {
        name: data.get(name, getattr(saved, name))
        for name in ("turnover", "households", "distance_km", "fuel_litres", "requested_amount")
    }
    return eligibility.Facts(
        **values,
        has_no_road_link=data.get("has_no_road_link", saved.has_no_road_link),
        service_functions=len(data["extra_services"])
        if "extra_services" in data
        else saved.service_functions,
        total_cost=total_cost,
        other_scheme_ids_this_year=saved.other_scheme_ids_this_year,
    )


def _edit_page(
    request,
    application,
    form,
    budget_lines,
    checks=None,
    status=200,
    attachment_form=None,
    statement_form=None,
) -> HttpResponse:
    checks = checks if checks is not None else eligibility.check_application(application)
    return render(
        request,
        "merkur/application_form.html",
        {
            "application": application,
            "form": form,
            "budget_lines": budget_lines,
            "checks": checks,
            "checks_summary": eligibility.summary(checks),
            "attachment_form": attachment_form or AttachmentForm(),
            "statement_form": statement_form
            or StatementRequestForm(initial={"email": application.statement_email}),
            "attachments": application.attachments.defer("content"),
        },
        status=status,
    )


@merkur_login_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill in the application; "save" keeps a draft, "submit" sends it, "autosave" answers 204."""
    application = visible_application(request, pk)
    is_own = application.shop.merchants.filter(pk=request.user.pk).exists()
    if not application.is_editable_by_merchant or not is_own:
        return redirect("merkur:application_detail", pk=application.pk)
    form = ApplicationForm(request.POST or None, instance=application)
    budget_lines = BudgetLineFormSet(request.POST or None, instance=application, prefix="budget")
    if request.method != "POST":
        return _edit_page(request, application, form, budget_lines)
    action = request.POST.get("action", "save")
    is_valid = form.is_valid() & budget_lines.is_valid()
    if action == "check":
        checks = eligibility.check(application.scheme, _facts_from_form(application, form, budget_lines))
        return render(
            request,
            "merkur/includes/eligibility_checks.html",
            {"checks": checks, "checks_summary": eligibility.summary(checks)},
        )
    if action == "autosave":
        if not form.is_valid():
            return HttpResponse(status=400)
        try:
            workflow.save_draft(application, request.user, form, None)
        except ValidationError:
            return HttpResponse(status=409)
        return HttpResponse(status=204)
    if not is_valid:
        return _edit_page(request, application, form, budget_lines, status=400)
    try:
        workflow.save_draft(application, request.user, form, budget_lines)
        if action == "submit":
            workflow.submit_application(application, request.user)
            messages.success(request, _("Søknaden er send inn. Du får melding når han er handsama."))
            return redirect("merkur:application_detail", pk=application.pk)
    except ValidationError as error:
        form.add_error(None, error)
        return _edit_page(request, application, form, budget_lines, status=400)
    messages.success(request, _("Utkastet er lagra."))
    return redirect("merkur:application_edit", pk=application.pk)


@merkur_login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            workflow.add_attachment(
                application, request.user, form.cleaned_data["file"], form.cleaned_data["description"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Vedlegget er lagt til."))
            return redirect("merkur:application_edit", pk=application.pk)
    return _edit_page(
        request,
        application,
        ApplicationForm(instance=application),
        BudgetLineFormSet(instance=application, prefix="budget"),
        status=400,
        attachment_form=form,
    )


@merkur_login_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, application=application)
    response = HttpResponse(bytes(attachment.content), content_type=attachment.content_type)
    response["Content-Disposition"] = f'attachment; filename="merkur-vedlegg-{attachment.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@merkur_login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Status, messages, decisions and history of one application (merchant and advisor)."""
    application = visible_application(request, pk)
    message_form = MessageForm(request.POST or None)
    if request.method == "POST" and message_form.is_valid():
        workflow.send_message(application, request.user, message_form.cleaned_data["text"])
        messages.success(request, _("Meldinga er send."))
        return redirect("merkur:application_detail", pk=application.pk)
    checks = eligibility.check_application(application)
    today = timezone.localdate()
    is_own = Application.objects.owned_by(request.user).filter(pk=application.pk).exists()
    decisions = list(application.decisions.prefetch_related("appeals"))
    is_appealable = not application.is_appeal
    for decision in decisions:
        is_appealed = any(appeal.status != ApplicationStatus.WITHDRAWN for appeal in decision.appeals.all())
        decision.is_open_for_appeal = (
            is_own and is_appealable and not is_appealed and today <= decision.appeal_deadline
        )
        decision.is_past_appeal_deadline = is_own and is_appealable and today > decision.appeal_deadline
    return render(
        request,
        "merkur/application_detail.html",
        {
            "application": application,
            "checks": checks,
            "checks_summary": eligibility.summary(checks),
            "case_messages": application.messages.select_related("sender"),
            "decisions": decisions,
            "is_own": is_own,
            "case_url_name": "merkur:application_detail",
            "events": application.events.select_related("actor"),
            "attachments": application.attachments.defer("content"),
            "payment_requests": PaymentRequest.objects.filter(application=application).with_details(),
            "final_report": FinalReport.objects.filter(application=application).first(),
            "may_request_payment": is_own and workflow.payment_request_refusal(application, today) is None,
            "may_report": is_own and workflow.final_report_refusal(application, today) is None,
            "message_form": message_form,
            "may_withdraw": workflow.can_transition(application.status, ApplicationStatus.WITHDRAWN),
        },
        status=400 if message_form.is_bound else 200,
    )


def _add_service_error(form, error: ValidationError, fields: dict[str, str]) -> None:
    """Put the service's message on the field it is about (by its code), else on the form."""
    form.add_error(fields.get(getattr(error, "code", None) or ""), error)


@merkur_login_required
def payment_request(request: HttpRequest, pk: int) -> HttpResponse:
    """The merchant asks for payment of (part of) the grant, with what was done and what it cost."""
    application = own_application(request, pk)
    today = timezone.localdate()
    refusal = workflow.payment_request_refusal(application, today)
    form = PaymentRequestForm(request.POST or None, request.FILES or None)
    costs = ActualCostFormSet(request.POST or None, prefix="costs")
    # Both are validated (&, not and), so every error shows at once.
    if request.method == "POST" and refusal is None and (form.is_valid() & costs.is_valid()):
        payment = workflow.PaymentRequestInput(
            amount=form.cleaned_data["amount"],
            is_final=form.is_final,
            work_done=form.cleaned_data["work_done"],
            costs=tuple(
                workflow.ActualCostLine(description, amount) for description, amount in costs.lines()
            ),
            attachments=tuple(form.cleaned_data["attachments"]),
        )
        try:
            workflow.request_payment(application, request.user, payment, today)
        except ValidationError as error:
            _add_service_error(
                form, error, {"over_remaining": "amount", "amount": "amount", "work_done": "work_done"}
            )
        else:
            messages.success(
                request, _("Førespurnaden om utbetaling er send. Du får ei kvittering på e-post.")
            )
            return redirect("merkur:application_detail", pk=application.pk)
    return render(
        request,
        "merkur/payment_request_form.html",
        {
            "application": application,
            "form": form,
            "costs": costs,
            "refusal": refusal,
            "requestable": workflow.requestable_amount(application),
            "yearly_deadline": workflow.payment_request_deadline(today.year),
        },
        status=400 if request.method == "POST" else 200,
    )


@merkur_login_required
def final_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The merchant's final report; sending it moves the case to "reported"."""
    application = own_application(request, pk)
    today = timezone.localdate()
    refusal = workflow.final_report_refusal(application, today)
    spent = ActualCost.objects.filter(payment_request__application=application).aggregate(
        total=Sum("amount")
    )["total"]
    form = FinalReportForm(request.POST or None, initial={"actual_cost_total": spent or None})
    if request.method == "POST" and refusal is None and form.is_valid():
        report = workflow.FinalReportInput(**form.cleaned_data)
        try:
            workflow.submit_final_report(application, request.user, report, today)
        except ValidationError as error:
            _add_service_error(form, error, {"actual_cost_total": "actual_cost_total"})
        else:
            messages.success(request, _("Sluttrapporten er send. Du får ei kvittering på e-post."))
            return redirect("merkur:application_detail", pk=application.pk)
    return render(
        request,
        "merkur/final_report_form.html",
        {"application": application, "form": form, "refusal": refusal},
        status=400 if request.method == "POST" else 200,
    )


@merkur_login_required
def appeal(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    """«Klag på vedtaket»: within the appeal deadline the merchant appeals; after it, the page says so."""
    application = own_application(request, pk)
    decision = get_object_or_404(Decision, pk=decision_pk, application=application)
    today = timezone.localdate()
    existing = decision.appeals.exclude(status=ApplicationStatus.WITHDRAWN).first()
    is_final = not workflow.is_appealable(decision)
    is_late = today > decision.appeal_deadline
    form = AppealForm(request.POST or None)
    if request.method == "POST" and not is_final and not is_late and existing is None and form.is_valid():
        try:
            lodged = workflow.lodge_appeal(decision, request.user, form.cleaned_data["reasons"], today)
        except ValidationError as error:
            _add_service_error(form, error, {"reasons": "reasons"})
        else:
            messages.success(request, _("Klaga er send. Ho er registrert som ei eiga sak."))
            return redirect("merkur:application_detail", pk=lodged.pk)
    return render(
        request,
        "merkur/appeal_form.html",
        {
            "application": application,
            "decision": decision,
            "form": form,
            "is_late": is_late,
            "is_final": is_final,
            "existing_appeal": existing,
        },
        status=400 if request.method == "POST" else 200,
    )


@merkur_login_required
@require_POST
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    try:
        workflow.withdraw_application(application, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Søknaden er trekt."))
    return redirect("merkur:application_detail", pk=application.pk)


@merkur_login_required
def decision_letter(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    decision = get_object_or_404(Decision, pk=decision_pk, application=application)
    response = HttpResponse(decision_letter_pdf(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{letter_file_name(decision)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@merkur_login_required
@require_POST
def statement_request(request: HttpRequest, pk: int) -> HttpResponse:
    """The merchant asks the municipality for its statement by a signed link."""
    application = visible_application(request, pk)
    form = StatementRequestForm(request.POST)
    if form.is_valid():
        try:
            statements.request_statement(
                application, request.user, form.cleaned_data["email"], request.build_absolute_uri("/")
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kommunen har fått lenkja til skjemaet for fråsegna."))
            return redirect("merkur:application_edit", pk=application.pk)
    return _edit_page(
        request,
        application,
        ApplicationForm(instance=application),
        BudgetLineFormSet(instance=application, prefix="budget"),
        status=400,
        statement_form=form,
    )


def municipality_statement(request: HttpRequest, token: str) -> HttpResponse:
    """The municipality writes its statement without logging in; the signed link decides access."""
    application = statements.application_for_token(token)
    if application is None:
        return render(request, "merkur/statement_link_invalid.html", status=404)
    form = StatementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            statements.receive_statement(application, form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            return render(request, "merkur/statement_thanks.html", {"application": application})
    response = render(
        request,
        "merkur/statement_form.html",
        {"application": application, "form": form},
        status=400 if form.is_bound else 200,
    )
    response["Cache-Control"] = "private, no-store"
    return response
