"""The advisor refuses an open payment request with reasons: written once, logged in the case,
the merchant told by e-mail; the refused amount no longer counts against what may be asked."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.merkur import workflow
from distrikt.merkur.models import ApplicationStatus, CaseEvent, PaymentRequest, PaymentRequestRefusal

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 1)


def asking(amount: int, *, is_final: bool = False) -> workflow.PaymentRequestInput:
    return workflow.PaymentRequestInput(
        amount=amount,
        is_final=is_final,
        work_done="Kjøledisken er sett opp.",
        costs=(workflow.ActualCostLine("Kjøledisk", amount),),
    )


@pytest.fixture
def open_request(granted_application, merchant):
    record = workflow.request_payment(granted_application, merchant, asking(60_000), TODAY)
    OutboxMessage.objects.all().delete()
    return record


def test_a_refused_request_no_longer_counts_against_what_may_be_asked(
    granted_application, merchant, advisor, open_request
):
    assert workflow.requestable_amount(granted_application) == 40_000
    refusal = workflow.refuse_payment_request(open_request, advisor, "  Kostnadene er ikkje dokumenterte.  ")
    assert (refusal.reason, refusal.refused_by) == ("Kostnadene er ikkje dokumenterte.", advisor)
    record = PaymentRequest.objects.with_details().get(pk=open_request.pk)
    assert record.is_refused
    assert not record.is_open
    assert workflow.requestable_amount(granted_application) == 100_000
    assert workflow.payment_request_refusal(granted_application, TODAY) is None
    workflow.request_payment(granted_application, merchant, asking(100_000), TODAY)
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.GRANTED


def test_a_refused_final_request_lets_the_merchant_ask_again(granted_application, merchant, advisor):
    final = workflow.request_payment(granted_application, merchant, asking(30_000, is_final=True), TODAY)
    assert "sluttutbetaling" in workflow.payment_request_refusal(granted_application, TODAY)
    workflow.refuse_payment_request(final, advisor, "Sluttrapporten manglar.")
    assert workflow.payment_request_refusal(granted_application, TODAY) is None


def test_the_refusal_is_logged_and_the_merchant_is_told_why(granted_application, advisor, open_request):
    workflow.refuse_payment_request(open_request, advisor, "Kostnadene er ikkje dokumenterte.")
    event = CaseEvent.objects.filter(application=granted_application).last()
    assert (event.actor, event.from_status, event.to_status) == (
        advisor,
        ApplicationStatus.GRANTED,
        ApplicationStatus.GRANTED,
    )
    assert "60000 kr" in event.comment
    assert "Kostnadene er ikkje dokumenterte." in event.comment
    message = OutboxMessage.objects.get()
    assert message.to == ["kari@example.org"]
    assert message.subject == "Førespurnaden om utbetaling frå Merkur er avslått"
    assert "Kostnadene er ikkje dokumenterte." in message.body
    assert "60000 kr" in message.body


def test_a_request_is_refused_once_never_after_payment_and_needs_reasons(
    granted_application, merchant, advisor, open_request
):
    with pytest.raises(ValidationError) as empty:
        workflow.refuse_payment_request(open_request, advisor, "   ")
    assert empty.value.code == "reason"
    workflow.refuse_payment_request(open_request, advisor, "Manglar kvitteringar.")
    with pytest.raises(ValidationError) as twice:
        workflow.refuse_payment_request(open_request, advisor, "Igjen.")
    assert twice.value.code == "request_closed"
    # A refused request cannot be paid against.
    with pytest.raises(ValidationError, match="avslått"):
        workflow.register_payment(granted_application, advisor, 10_000, payment_request=open_request)
    paid = workflow.request_payment(granted_application, merchant, asking(20_000), TODAY)
    workflow.register_payment(granted_application, advisor, 20_000, payment_request=paid)
    with pytest.raises(ValidationError):
        workflow.refuse_payment_request(paid, advisor, "For seint.")
    assert PaymentRequestRefusal.objects.count() == 1


def test_only_an_advisor_refuses_and_the_refusal_is_written_once(merchant, advisor, open_request):
    with pytest.raises(PermissionDenied):
        workflow.refuse_payment_request(open_request, merchant, "Eg vil ikkje.")
    refusal = workflow.refuse_payment_request(open_request, advisor, "Manglar kvitteringar.")
    refusal.reason = "Noko anna."
    with pytest.raises(PermissionDenied):
        refusal.save()
    with pytest.raises(PermissionDenied):
        PaymentRequestRefusal.objects.all().delete()


def test_the_advisor_refuses_on_the_case_page_and_the_merchant_sees_why(
    client, granted_application, merchant, advisor, open_request
):
    client.force_login(advisor)
    case_url = reverse("merkur:case_detail", args=[granted_application.pk])
    page = client.get(case_url).content.decode()
    assert "Avslå førespurnad om utbetaling" in page
    action = reverse("merkur:case_action", args=[granted_application.pk, "refuse_request"])
    # Without reasons: refused, with a message, and the choice kept.
    bad = client.post(action, {"payment_request": open_request.pk, "reason": ""})
    assert bad.status_code == 400
    assert f'<option value="{open_request.pk}" selected' in bad.content.decode()
    assert not PaymentRequestRefusal.objects.exists()
    done = client.post(action, {"payment_request": open_request.pk, "reason": "Manglar kvitteringar."})
    assert done.status_code == 302
    assert PaymentRequestRefusal.objects.get().payment_request == open_request
    assert "Avslå førespurnad om utbetaling" not in client.get(case_url).content.decode()
    client.force_login(merchant)
    detail = client.get(reverse("merkur:application_detail", args=[granted_application.pk])).content.decode()
    assert "Avslått" in detail
    assert "Manglar kvitteringar." in detail
