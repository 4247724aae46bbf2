"""The grant case as a state machine: every change of an application's status is made here.

Each service takes the acting user, checks permission, runs in one transaction with the
application's row locked, moves the status by a conditional UPDATE (so two advisors acting
at once cannot both succeed) and writes an entry in the append-only audit log.

Decisions follow the Public Administration Act (forvaltningslova): every decision has
written reasons (§§ 24–25), tells of the right to appeal within three weeks (§§ 27, 29),
and an advisor who has declared a conflict of interest may not decide (§ 6).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notices
from .attachments import CheckedFile
from .letters import send_decision_letter
from .models import (
    ActualCost,
    Application,
    ApplicationStatus,
    Attachment,
    CaseEvent,
    CaseMessage,
    CaseNote,
    ConflictDeclaration,
    Decision,
    DecisionOutcome,
    FinalReport,
    Payment,
    PaymentRequest,
    PaymentRequestRefusal,
    Shop,
    ShopAccessibility,
    SupportScheme,
    is_advisor,
    is_manager,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.forms import BaseInlineFormSet, ModelForm

    from .enhetsregisteret import Enterprise

S = ApplicationStatus

# Allowed transitions: from each status, the statuses it may move to.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.UNDER_ASSESSMENT, S.WITHDRAWN}),
    S.UNDER_ASSESSMENT: frozenset({S.MORE_INFORMATION_REQUESTED, S.GRANTED, S.REFUSED, S.WITHDRAWN}),
    S.MORE_INFORMATION_REQUESTED: frozenset({S.SUBMITTED, S.WITHDRAWN, S.LAPSED}),
    S.GRANTED: frozenset({S.PARTIALLY_PAID, S.PAID, S.REPORTED, S.LAPSED, S.WITHDRAWN}),
    S.PARTIALLY_PAID: frozenset({S.PARTIALLY_PAID, S.PAID, S.REPORTED, S.LAPSED}),
    S.PAID: frozenset({S.REPORTED, S.CLOSED}),
    S.REPORTED: frozenset({S.PARTIALLY_PAID, S.PAID, S.CLOSED}),
    S.REFUSED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.LAPSED: frozenset(),
    S.WITHDRAWN: frozenset(),
}

APPEAL_WEEKS = 3


class TransitionNotAllowed(ValidationError):
    """The application is not (any longer) in a status that allows this step."""


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def _lock(application: Application) -> Application:
    """Re-read the application with its row locked (PostgreSQL) inside the transaction.

    The caller's instance gets the fresh values, so it never acts on a stale status.
    """
    locked = Application.objects.select_for_update().get(pk=application.pk)
    for field in Application._meta.concrete_fields:
        setattr(application, field.attname, getattr(locked, field.attname))
    return application


def _move(application: Application, to_status: str, actor, comment: str = "", **fields) -> Application:
    """Move the status by a conditional UPDATE and log it; fails if another change came first."""
    from_status = application.status
    if not can_transition(from_status, to_status):
        raise TransitionNotAllowed(
            _("Saka kan ikkje gå frå «%(from)s» til «%(to)s».")
            % {"from": S(from_status).label, "to": S(to_status).label},
            code="transition",
        )
    updated = Application.objects.filter(pk=application.pk, status=from_status).update(
        status=to_status, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise TransitionNotAllowed(
            _("Saka er endra av nokon andre i mellomtida. Last sida på nytt."), code="concurrent"
        )
    CaseEvent.objects.create(
        application=application, actor=actor, from_status=from_status, to_status=to_status, comment=comment
    )
    application.refresh_from_db()
    return application


def _ensure_merchant(user, application: Application) -> None:
    if not Application.objects.visible_to(user).filter(pk=application.pk).exists():
        raise PermissionDenied


def _ensure_advisor(user) -> None:
    if not is_advisor(user):
        raise PermissionDenied


def submit_application(application: Application, user) -> Application:
    """The merchant sends the draft (or the answer to an information request) to the centre."""
    _ensure_merchant(user, application)
    deadline = application_deadline(application.year)
    if application.status == S.DRAFT and timezone.localdate() > deadline:
        raise ValidationError(
            _("Søknadsfristen for %(year)s gjekk ut %(deadline)s.")
            % {"year": application.year, "deadline": deadline.strftime("%d.%m.%Y")},
            code="deadline",
        )
    missing = [
        label
        for label, value in (
            (_("prosjektskildring"), application.project_description),
            (_("søkt beløp"), application.requested_amount),
        )
        if not value
    ]
    if missing:
        raise ValidationError(
            _("Søknaden manglar: %(fields)s.") % {"fields": ", ".join(missing)}, code="incomplete"
        )
    with transaction.atomic():
        locked = _lock(application)
        return _move(locked, S.SUBMITTED, user, submitted_at=timezone.now())


def withdraw_application(application: Application, user, comment: str = "") -> Application:
    _ensure_merchant(user, application)
    with transaction.atomic():
        return _move(_lock(application), S.WITHDRAWN, user, comment)


def assign_case_officer(application: Application, advisor, user) -> Application:
    """Give the case to an advisor; a submitted case moves to assessment. Logged."""
    _ensure_advisor(user)
    if not is_advisor(advisor):
        raise ValidationError(_("Berre Merkur-rådgivarar kan handsame saker."))
    with transaction.atomic():
        locked = _lock(application)
        Application.objects.filter(pk=locked.pk).update(assigned_advisor=advisor)
        locked.assigned_advisor = advisor
        comment = _("Tildelt %(name)s.") % {"name": advisor.get_full_name() or advisor.get_username()}
        if locked.status == S.SUBMITTED:
            return _move(locked, S.UNDER_ASSESSMENT, user, comment)
        CaseEvent.objects.create(
            application=locked,
            actor=user,
            from_status=locked.status,
            to_status=locked.status,
            comment=comment,
        )
        return locked


def add_note(application: Application, user, text: str) -> CaseNote:
    _ensure_advisor(user)
    if not text.strip():
        raise ValidationError(_("Skriv eit notat."))
    return CaseNote.objects.create(application=application, author=user, text=text.strip())


def request_more_information(
    application: Application, user, text: str, answer_by: datetime.date
) -> Application:
    """Ask the merchant for more; the case waits for their answer (a new submission)."""
    _ensure_advisor(user)
    if not text.strip():
        raise ValidationError(_("Skriv kva informasjon som manglar."))
    with transaction.atomic():
        locked = _lock(application)
        moved = _move(locked, S.MORE_INFORMATION_REQUESTED, user, text.strip(), deadline=answer_by)
        CaseMessage.objects.create(
            application=moved, sender=user, text=text.strip(), is_information_request=True
        )
        return moved


def send_message(application: Application, user, text: str) -> CaseMessage:
    """A message in the case from the merchant or the advisor."""
    if not is_advisor(user):
        _ensure_merchant(user, application)
    if not text.strip():
        raise ValidationError(_("Skriv ei melding."))
    return CaseMessage.objects.create(application=application, sender=user, text=text.strip())


def declare_conflict(application: Application, user, explanation: str) -> ConflictDeclaration:
    """The advisor declares a conflict of interest; from then on they cannot decide the case."""
    _ensure_advisor(user)
    if not explanation.strip():
        raise ValidationError(_("Skriv kvifor du er inhabil."))
    return ConflictDeclaration.objects.create(
        application=application, advisor=user, explanation=explanation.strip()
    )


def has_conflict(application: Application, user) -> bool:
    return ConflictDeclaration.objects.filter(application=application, advisor=user).exists()


def may_decide(application: Application, user) -> bool:
    """Only the assigned advisor or a manager decides, and never one who has declared a conflict."""
    if not is_advisor(user) or has_conflict(application, user):
        return False
    return application.assigned_advisor_id == user.pk or is_manager(user)


@dataclass(frozen=True)
class DecisionInput:
    """What the advisor decides: grant (amount, conditions, deadline) or refusal, with reasons."""

    outcome: str
    justification: str
    amount: int | None = None
    conditions: str = ""
    use_deadline: datetime.date | None = None


def _yearly(setting: str, year: int) -> datetime.date:
    month, day = (int(part) for part in getattr(settings, setting).split("-"))
    return datetime.date(year, month, day)


def application_deadline(year: int) -> datetime.date:
    """The last day to submit applications for the year (setting, 19 December by default)."""
    return _yearly("MERKUR_APPLICATION_DEADLINE", year)


def payment_request_deadline(year: int) -> datetime.date:
    """The last day to request payment in the year (setting, 14 December by default)."""
    return _yearly("MERKUR_PAYMENT_REQUEST_DEADLINE", year)


def appeal_deadline(decided_on: datetime.date) -> datetime.date:
    """Three weeks from the day the decision is sent (forvaltningslova § 29)."""
    return decided_on + datetime.timedelta(weeks=APPEAL_WEEKS)


def record_decision(application: Application, user, decision: DecisionInput) -> Decision:
    """Grant or refuse; the letter is made and sent after commit. Two at once: one wins."""
    if not is_advisor(user):
        raise PermissionDenied
    if not decision.justification.strip():
        raise ValidationError(_("Vedtaket må grunngivast."), code="justification")
    is_grant = decision.outcome == DecisionOutcome.GRANT
    if is_grant:
        if not decision.amount or decision.amount <= 0:
            raise ValidationError(_("Skriv kor mykje som blir innvilga."), code="amount")
        if decision.amount > application.scheme.max_amount:
            raise ValidationError(
                _("Beløpet er over det høgste ordninga gir (%(max)s kr).")
                % {"max": application.scheme.max_amount},
                code="amount",
            )
        if decision.use_deadline is None:
            raise ValidationError(_("Set ein frist for bruk av tilskotet."), code="deadline")
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(application)
        if not may_decide(locked, user):
            raise PermissionDenied
        to_status = S.GRANTED if is_grant else S.REFUSED
        fields: dict[str, Any] = {"decided_at": now}
        if is_grant:
            fields.update(granted_amount=decision.amount, deadline=decision.use_deadline)
        moved = _move(locked, to_status, user, decision.justification.strip(), **fields)
        record = Decision.objects.create(
            application=moved,
            outcome=decision.outcome,
            amount=decision.amount if is_grant else None,
            conditions=decision.conditions.strip() if is_grant else "",
            use_deadline=decision.use_deadline if is_grant else None,
            justification=decision.justification.strip(),
            appeal_deadline=appeal_deadline(timezone.localdate(now)),
            decided_by=user,
        )
        transaction.on_commit(lambda: send_decision_letter.enqueue(record.pk))
    return record


def is_appealable(decision: Decision) -> bool:
    """Whether the decision may be appealed at all: not when it decided an appeal (§ 28 third paragraph)."""
    return decision.application.appeal_of_id is None


def lodge_appeal(decision: Decision, user, reasons: str, today: datetime.date) -> Application:
    """The merchant appeals a decision: a new case, linked to the decision, goes to the advisors.

    The appeal must come within three weeks (forvaltningslova § 29); a late appeal is for
    the advisors to consider by other means (§ 31), so the portal refuses it with a message.
    A decision made in an appeal case is final: it cannot be appealed further (§ 28 third
    paragraph).
    """
    original = decision.application
    _ensure_merchant(user, original)
    if not is_appealable(decision):
        raise ValidationError(
            _("Vedtaket er gjort i ei klagesak og kan ikkje klagast på (forvaltningslova § 28 tredje ledd)."),
            code="final",
        )
    if not reasons.strip():
        raise ValidationError(_("Skriv kva du klagar på, og kvifor."), code="reasons")
    if today > decision.appeal_deadline:
        raise ValidationError(
            _("Klagefristen gjekk ut %(deadline)s. Ta kontakt med Distriktssenteret.")
            % {"deadline": decision.appeal_deadline.strftime("%d.%m.%Y")},
            code="late",
        )
    with transaction.atomic():
        if Application.objects.filter(appeal_of=decision).exclude(status=S.WITHDRAWN).exists():
            raise ValidationError(_("Du har alt klaga på dette vedtaket."), code="duplicate")
        appeal = Application.objects.create(
            scheme=original.scheme,
            shop=original.shop,
            created_by=user,
            year=original.year,
            organisation_number=original.organisation_number,
            enterprise_name=original.enterprise_name,
            project_description=reasons.strip(),
            requested_amount=original.requested_amount,
            municipality=original.municipality,
            appeal_of=decision,
            status=S.SUBMITTED,
            submitted_at=timezone.now(),
            is_demo=original.is_demo,
        )
        CaseEvent.objects.create(
            application=appeal,
            actor=user,
            from_status="",
            to_status=S.SUBMITTED,
            comment=_("Klage på vedtak %(number)s i sak %(case)s.")
            % {"number": decision.pk, "case": original.pk},
        )
        CaseEvent.objects.create(
            application=original,
            actor=user,
            from_status=original.status,
            to_status=original.status,
            comment=_("Vedtaket er klaga på (sak %(case)s).") % {"case": appeal.pk},
        )
    return appeal


def register_payment(
    application: Application,
    user,
    amount: int,
    *,
    is_final: bool = False,
    payment_request: PaymentRequest | None = None,
) -> Payment:
    """Pay part of or the rest of the grant; never more than what remains of it.

    With a payment request, the payment is registered against it: once, and never for more
    than the merchant asked.
    """
    _ensure_advisor(user)
    if amount <= 0:
        raise ValidationError(_("Beløpet må vere større enn null."), code="amount")
    with transaction.atomic():
        locked = _lock(application)
        if locked.granted_amount is None:
            raise TransitionNotAllowed(_("Saka har ikkje noko innvilga tilskot."), code="transition")
        remaining = locked.granted_amount - locked.paid_amount
        if amount > remaining:
            raise ValidationError(
                _("Utbetalinga er større enn det som står att av tilskotet (%(remaining)s kr).")
                % {"remaining": remaining},
                code="over_grant",
            )
        if payment_request is not None:
            _check_payment_against_request(locked, payment_request, amount)
        is_full = is_final or amount == remaining
        to_status = S.PAID if is_full else S.PARTIALLY_PAID
        # The paid sum moves with the status in one conditional UPDATE; the database
        # constraint (paid ≤ granted) stops anything that slips past.
        paid_before = locked.paid_amount
        moved = _move(
            locked,
            to_status,
            user,
            _("Utbetalt %(amount)s kr.") % {"amount": amount},
            paid_amount=F("paid_amount") + amount,
        )
        if moved.paid_amount != paid_before + amount:
            raise TransitionNotAllowed(_("Saka er endra av nokon andre i mellomtida."), code="concurrent")
        return Payment.objects.create(
            application=moved,
            amount=amount,
            is_final=is_full,
            payment_request=payment_request,
            registered_by=user,
        )


def _check_payment_against_request(
    application: Application, payment_request: PaymentRequest, amount: int
) -> None:
    if payment_request.application_id != application.pk:
        raise ValidationError(_("Førespurnaden høyrer til ei anna sak."), code="request")
    if Payment.objects.filter(payment_request=payment_request).exists():
        raise ValidationError(
            _("Det er alt registrert ei utbetaling for denne førespurnaden."), code="request"
        )
    if PaymentRequestRefusal.objects.filter(payment_request=payment_request).exists():
        raise ValidationError(_("Førespurnaden er avslått."), code="request")
    if amount > payment_request.amount:
        raise ValidationError(
            _("Utbetalinga er større enn det kjøpmannen bad om (%(amount)s kr).")
            % {"amount": payment_request.amount},
            code="over_request",
        )


# After the grant: payment requests and the final report (the programme's terms for
# Merkur grants: payment on request with actual costs, final report by the use deadline).
PAYMENT_REQUEST_STATUSES = (S.GRANTED, S.PARTIALLY_PAID, S.REPORTED)
FINAL_REPORT_STATUSES = (S.GRANTED, S.PARTIALLY_PAID, S.PAID)


@dataclass(frozen=True)
class ActualCostLine:
    """One line of what the project really cost."""

    description: str
    amount: int


@dataclass(frozen=True)
class PaymentRequestInput:
    """What the merchant asks for: an amount, partial or final, what was done and what it cost."""

    amount: int
    is_final: bool
    work_done: str
    costs: tuple[ActualCostLine, ...]
    attachments: tuple[CheckedFile, ...] = ()


@dataclass(frozen=True)
class FinalReportInput:
    """The final report: what was done, its effects for the shop and the community, the cost."""

    work_done: str
    shop_effects: str
    community_effects: str
    actual_cost_total: int


def _format_date(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def open_requested_amount(application: Application) -> int:
    """What the merchant has asked for and not yet been paid against."""
    return PaymentRequest.objects.filter(application=application).open().requested_sum()


def requestable_amount(application: Application) -> int:
    """The most the merchant may ask for now: the rest of the grant less open requests."""
    return max(0, application.remaining_amount - open_requested_amount(application))


def _passed_use_deadline(application: Application, today: datetime.date) -> datetime.date | None:
    """The grant's use deadline when today is past it, else None."""
    deadline = application.deadline
    return deadline if deadline is not None and today > deadline else None


def payment_request_refusal(application: Application, today: datetime.date) -> str | None:
    """Why the merchant cannot ask for payment today, or None when they can."""
    if application.status not in PAYMENT_REQUEST_STATUSES or application.granted_amount is None:
        return _("Du kan berre be om utbetaling av eit innvilga tilskot.")
    if passed := _passed_use_deadline(application, today):
        return _("Fristen for bruk av tilskotet gjekk ut %(deadline)s.") % {"deadline": _format_date(passed)}
    yearly = payment_request_deadline(today.year)
    if today > yearly:
        return _(
            "Fristen for å be om utbetaling i %(year)s gjekk ut %(deadline)s. "
            "Nye førespurnader kan du sende frå 1. januar."
        ) % {"year": today.year, "deadline": _format_date(yearly)}
    if PaymentRequest.objects.filter(application=application, is_final=True).open().exists():
        return _("Du har alt bede om sluttutbetaling. Vent til førespurnaden er handsama.")
    if requestable_amount(application) <= 0:
        if open_requested_amount(application):
            return _("Du har alt bede om heile restbeløpet. Vent til førespurnaden er handsama.")
        return _("Det står ikkje att noko av tilskotet å be om.")
    return None


def final_report_refusal(application: Application, today: datetime.date) -> str | None:
    """Why the merchant cannot send the final report today, or None when they can."""
    if FinalReport.objects.filter(application=application).exists():
        return _("Sluttrapporten er alt send.")
    if application.status not in FINAL_REPORT_STATUSES:
        return _("Du kan berre sende sluttrapport for eit innvilga tilskot.")
    if passed := _passed_use_deadline(application, today):
        return _("Fristen for sluttrapporten gjekk ut %(deadline)s.") % {"deadline": _format_date(passed)}
    return None


def request_payment(
    application: Application, user, payment: PaymentRequestInput, today: datetime.date
) -> PaymentRequest:
    """The merchant asks for payment of (part of) the grant; never more than what is left.

    The request is logged in the case (the status is unchanged: the advisor's payment moves
    it), the merchant gets a receipt and the assigned advisor a notice.
    """
    _ensure_merchant(user, application)
    if payment.amount <= 0:
        raise ValidationError(_("Beløpet må vere større enn null."), code="amount")
    if not payment.work_done.strip():
        raise ValidationError(_("Skriv kva som er gjort."), code="work_done")
    if not payment.costs:
        raise ValidationError(_("Før opp dei faktiske kostnadene."), code="costs")
    with transaction.atomic():
        locked = _lock(application)
        refusal = payment_request_refusal(locked, today)
        if refusal is not None:
            raise TransitionNotAllowed(refusal, code="closed")
        remaining = locked.remaining_amount
        already_requested = open_requested_amount(locked)
        available = max(0, remaining - already_requested)
        if payment.amount > available:
            if already_requested:
                message = _(
                    "Du kan be om høgst %(available)s kr: det står att %(remaining)s kr av tilskotet, "
                    "og %(requested)s kr har du alt bede om."
                ) % {"available": available, "remaining": remaining, "requested": already_requested}
            else:
                message = _("Du kan be om høgst %(available)s kr, det som står att av tilskotet.") % {
                    "available": available
                }
            raise ValidationError(message, code="over_remaining")
        record = PaymentRequest.objects.create(
            application=locked,
            amount=payment.amount,
            is_final=payment.is_final,
            work_done=payment.work_done.strip(),
            requested_by=user,
        )
        ActualCost.objects.bulk_create(
            ActualCost(payment_request=record, description=line.description.strip()[:200], amount=line.amount)
            for line in payment.costs
        )
        for checked in payment.attachments:
            Attachment.objects.create(
                application=locked,
                payment_request=record,
                file_name=checked.file_name,
                content_type=checked.content_type,
                size=len(checked.content),
                content=checked.content,
                uploaded_by=user,
            )
        comment = (
            _("Kjøpmannen bad om sluttutbetaling: %(amount)s kr.")
            if payment.is_final
            else _("Kjøpmannen bad om delutbetaling: %(amount)s kr.")
        ) % {"amount": payment.amount}
        CaseEvent.objects.create(
            application=locked,
            actor=user,
            from_status=locked.status,
            to_status=locked.status,
            comment=comment,
        )
        notices.payment_request_sent(record)
    return record


def refuse_payment_request(payment_request: PaymentRequest, user, reason: str) -> PaymentRequestRefusal:
    """The advisor refuses an open payment request, with reasons (forvaltningslova § 24).

    The refusal is written once and logged in the case; the request then no longer counts
    against what the merchant may ask for, and the merchant is told by e-mail.
    """
    _ensure_advisor(user)
    if not reason.strip():
        raise ValidationError(_("Skriv kvifor førespurnaden blir avslått."), code="reason")
    with transaction.atomic():
        # The case's row lock orders this against a payment on the same request.
        locked = _lock(payment_request.application)
        if not PaymentRequest.objects.filter(pk=payment_request.pk).open().exists():
            raise TransitionNotAllowed(
                _("Førespurnaden er alt utbetalt eller avslått."), code="request_closed"
            )
        refusal = PaymentRequestRefusal.objects.create(
            payment_request=payment_request, reason=reason.strip(), refused_by=user
        )
        CaseEvent.objects.create(
            application=locked,
            actor=user,
            from_status=locked.status,
            to_status=locked.status,
            comment=_("Førespurnaden om utbetaling på %(amount)s kr er avslått: %(reason)s")
            % {"amount": payment_request.amount, "reason": reason.strip()},
        )
        notices.payment_request_refused(refusal)
    return refusal


def submit_final_report(
    application: Application, user, report: FinalReportInput, today: datetime.date
) -> FinalReport:
    """The merchant's final report moves the grant to "reported" (by its use deadline)."""
    _ensure_merchant(user, application)
    missing = [
        label
        for label, value in (
            (_("kva som er gjort"), report.work_done),
            (_("verknader for butikken"), report.shop_effects),
            (_("verknader for lokalsamfunnet"), report.community_effects),
        )
        if not value.strip()
    ]
    if missing:
        raise ValidationError(
            _("Sluttrapporten manglar: %(fields)s.") % {"fields": ", ".join(missing)}, code="incomplete"
        )
    if report.actual_cost_total <= 0:
        raise ValidationError(_("Skriv kva prosjektet kosta i alt."), code="actual_cost_total")
    with transaction.atomic():
        locked = _lock(application)
        refusal = final_report_refusal(locked, today)
        if refusal is not None:
            raise TransitionNotAllowed(refusal, code="closed")
        moved = _move(locked, S.REPORTED, user, _("Sluttrapporten er send."))
        record = FinalReport.objects.create(
            application=moved,
            work_done=report.work_done.strip(),
            shop_effects=report.shop_effects.strip(),
            community_effects=report.community_effects.strip(),
            actual_cost_total=report.actual_cost_total,
            submitted_by=user,
        )
        notices.final_report_sent(record)
    return record


def close_case(application: Application, user, comment: str = "") -> Application:
    _ensure_advisor(user)
    with transaction.atomic():
        return _move(_lock(application), S.CLOSED, user, comment)


def lapse_grant(application: Application, today: datetime.date) -> Application:
    """The grant's deadline passed without a final report: it lapses (done by the scheduled task)."""
    with transaction.atomic():
        return _move(
            _lock(application),
            S.LAPSED,
            None,
            _("Fristen %(deadline)s gjekk ut utan sluttrapport.") % {"deadline": application.deadline},
        )


def start_assessment(application: Application, user) -> Application:
    _ensure_advisor(user)
    with transaction.atomic():
        return _move(_lock(application), S.UNDER_ASSESSMENT, user)


def start_application(user, scheme: SupportScheme, shop: Shop, today: datetime.date) -> Application:
    """A new draft for one of the user's own shops, pre-filled from the register."""
    if not Shop.objects.visible_to(user).filter(pk=shop.pk).exists():
        raise PermissionDenied
    if not scheme.is_open_on(today) or not scheme.is_published:
        raise ValidationError(_("Ordninga tek ikkje imot søknader no."), code="closed")
    latest_figures = shop.key_figures.order_by("-year").first()
    accessibility = ShopAccessibility.objects.filter(shop=shop).first()
    distance = accessibility.distance_to_next_shop_km if accessibility else None
    with transaction.atomic():
        application = Application.objects.create(
            scheme=scheme,
            shop=shop,
            created_by=user,
            year=today.year,
            organisation_number=shop.organisation_number,
            turnover=latest_figures.turnover if latest_figures else None,
            distance_km=Decimal(str(round(distance, 1))) if distance is not None else None,
            municipality=shop.municipality,
            is_demo=shop.is_demo,
        )
        application.extra_services.set([period.service for period in shop.current_service_periods()])
        CaseEvent.objects.create(
            application=application,
            actor=user,
            from_status="",
            to_status=S.DRAFT,
            comment=_("Søknaden er oppretta."),
        )
    return application


def prefill_enterprise(application_id: int, lookup: "Callable[[str], Enterprise | None]") -> bool:
    """Store the registered name of the application's enterprise while the draft has none."""
    application = Application.objects.filter(pk=application_id, enterprise_name="").first()
    if application is None:
        return False
    enterprise = lookup(application.organisation_number)
    if enterprise is None or not enterprise.name:
        return False
    return bool(
        Application.objects.filter(pk=application_id, enterprise_name="").update(
            enterprise_name=enterprise.name[:200]
        )
    )


def ensure_merchant_may_edit(application: Application, user) -> None:
    _ensure_merchant(user, application)
    if not application.is_editable_by_merchant:
        raise TransitionNotAllowed(_("Søknaden er send inn og kan ikkje endrast no."), code="locked")


def save_draft(
    application: Application, user, form: "ModelForm", budget_lines: "BaseInlineFormSet | None"
) -> Application:
    """Store what the merchant has typed (draft or answer to an information request).

    Autosave passes no budget lines: the page's empty rows would otherwise be saved again
    on every tick; the lines are saved when the merchant presses a button.
    """
    ensure_merchant_may_edit(application, user)
    with transaction.atomic():
        # Lock and re-check the stored status without touching the instance: it holds
        # what the merchant typed.
        stored = Application.objects.select_for_update().get(pk=application.pk)
        ensure_merchant_may_edit(stored, user)
        saved = form.save()
        if budget_lines is not None:
            budget_lines.instance = saved
            budget_lines.save()
    return saved


def add_attachment(application: Application, user, checked: CheckedFile, description: str = "") -> Attachment:
    """Attach a checked file (type by content, size) to the merchant's application."""
    ensure_merchant_may_edit(application, user)
    return Attachment.objects.create(
        application=application,
        file_name=checked.file_name,
        content_type=checked.content_type,
        size=len(checked.content),
        content=checked.content,
        description=description.strip()[:200],
        uploaded_by=user,
    )
