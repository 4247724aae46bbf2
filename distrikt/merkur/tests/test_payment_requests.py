"""The merchant asks for payment of a grant: bounded by what remains, within the deadlines,
only for their own case; receipt and notice by e-mail; the advisor pays against the request."""

import datetime
import io
from unittest import mock

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import (
    ActualCost,
    Application,
    ApplicationStatus,
    Attachment,
    CaseEvent,
    Payment,
    PaymentRequest,
)

pytestmark = pytest.mark.django_db

# A day inside the grant's use (to 1 June 2027) and before the yearly deadline (14 December).
TODAY = datetime.date(2027, 3, 1)


def asking(amount: int, *, is_final: bool = False, attachments=()) -> workflow.PaymentRequestInput:
    return workflow.PaymentRequestInput(
        amount=amount,
        is_final=is_final,
        work_done="Kjøledisken er sett opp.",
        costs=(
            workflow.ActualCostLine("Kjøledisk", 90_000),
            workflow.ActualCostLine("Montering", 30_000),
        ),
        attachments=tuple(attachments),
    )


def minimal_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def fixed_today():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield TODAY


# The service


def test_a_payment_request_is_stored_with_its_costs_and_logged_without_moving_the_status(
    granted_application, merchant
):
    record = workflow.request_payment(granted_application, merchant, asking(40_000), TODAY)
    assert (record.amount, record.is_final, record.requested_by) == (40_000, False, merchant)
    assert [(cost.description, cost.amount) for cost in record.costs.all()] == [
        ("Kjøledisk", 90_000),
        ("Montering", 30_000),
    ]
    assert record.actual_cost_total == 120_000
    assert record.is_open
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.GRANTED
    event = CaseEvent.objects.filter(application=granted_application).last()
    assert (event.actor, event.from_status, event.to_status) == (
        merchant,
        ApplicationStatus.GRANTED,
        ApplicationStatus.GRANTED,
    )
    assert "40000 kr" in event.comment


def test_requests_and_their_costs_are_written_once(granted_application, merchant):
    record = workflow.request_payment(granted_application, merchant, asking(40_000), TODAY)
    record.amount = 90_000
    with pytest.raises(PermissionDenied):
        record.save()
    with pytest.raises(PermissionDenied):
        PaymentRequest.objects.filter(pk=record.pk).update(amount=90_000)
    with pytest.raises(PermissionDenied):
        ActualCost.objects.filter(payment_request=record).delete()


def test_the_merchant_cannot_ask_for_more_than_remains_of_the_grant(granted_application, merchant):
    with pytest.raises(ValidationError, match="høgst 100000 kr") as refused:
        workflow.request_payment(granted_application, merchant, asking(100_001), TODAY)
    assert refused.value.code == "over_remaining"
    assert not PaymentRequest.objects.exists()
    workflow.request_payment(granted_application, merchant, asking(100_000, is_final=True), TODAY)


def test_open_requests_count_against_what_may_be_asked(granted_application, merchant):
    workflow.request_payment(granted_application, merchant, asking(60_000), TODAY)
    with pytest.raises(ValidationError, match=r"høgst 40000 kr.*60000 kr"):
        workflow.request_payment(granted_application, merchant, asking(40_001), TODAY)
    workflow.request_payment(granted_application, merchant, asking(40_000), TODAY)
    assert workflow.requestable_amount(granted_application) == 0
    assert "heile restbeløpet" in workflow.payment_request_refusal(granted_application, TODAY)


def test_what_is_paid_against_a_request_leaves_the_rest_to_ask_for(granted_application, merchant, advisor):
    first = workflow.request_payment(granted_application, merchant, asking(60_000), TODAY)
    workflow.register_payment(granted_application, advisor, 50_000, payment_request=first)
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.PARTIALLY_PAID
    assert granted_application.paid_amount == 50_000
    assert not PaymentRequest.objects.get(pk=first.pk).is_open
    assert workflow.requestable_amount(granted_application) == 50_000
    with pytest.raises(ValidationError, match="høgst 50000 kr"):
        workflow.request_payment(granted_application, merchant, asking(50_001), TODAY)
    workflow.request_payment(granted_application, merchant, asking(50_000, is_final=True), TODAY)


def test_after_a_final_request_no_more_requests_until_it_is_handled(granted_application, merchant):
    workflow.request_payment(granted_application, merchant, asking(30_000, is_final=True), TODAY)
    with pytest.raises(ValidationError, match="sluttutbetaling"):
        workflow.request_payment(granted_application, merchant, asking(10_000), TODAY)


def test_the_advisor_pays_against_a_request_once_and_never_more_than_asked(
    granted_application, merchant, advisor
):
    record = workflow.request_payment(granted_application, merchant, asking(40_000), TODAY)
    with pytest.raises(ValidationError, match="det kjøpmannen bad om"):
        workflow.register_payment(granted_application, advisor, 40_001, payment_request=record)
    payment = workflow.register_payment(granted_application, advisor, 40_000, payment_request=record)
    assert payment.payment_request == record
    with pytest.raises(ValidationError, match="alt registrert"):
        workflow.register_payment(granted_application, advisor, 10_000, payment_request=record)
    assert Payment.objects.count() == 1


def test_a_payment_request_of_another_case_cannot_be_paid(granted_application, merchant, advisor, own_shop):
    record = workflow.request_payment(granted_application, merchant, asking(40_000), TODAY)
    other = ApplicationFactory(shop=own_shop)
    Application.objects.filter(pk=other.pk).update(status=ApplicationStatus.GRANTED, granted_amount=50_000)
    with pytest.raises(ValidationError, match="anna sak"):
        workflow.register_payment(other, advisor, 10_000, payment_request=record)


@pytest.mark.parametrize(
    ("day", "is_refused"),
    [(datetime.date(2026, 12, 14), False), (datetime.date(2026, 12, 15), True)],
)
def test_payment_requests_are_refused_after_the_yearly_deadline(
    granted_application, merchant, settings, day, is_refused
):
    settings.MERKUR_PAYMENT_REQUEST_DEADLINE = "12-14"
    if is_refused:
        with pytest.raises(
            ValidationError, match=r"Fristen for å be om utbetaling i 2026 gjekk ut 14\.12\.2026"
        ):
            workflow.request_payment(granted_application, merchant, asking(10_000), day)
        assert not PaymentRequest.objects.exists()
    else:
        workflow.request_payment(granted_application, merchant, asking(10_000), day)


def test_the_yearly_deadline_is_the_setting(granted_application, merchant, settings):
    settings.MERKUR_PAYMENT_REQUEST_DEADLINE = "11-30"
    assert workflow.payment_request_refusal(granted_application, datetime.date(2026, 11, 30)) is None
    assert "30.11.2026" in workflow.payment_request_refusal(granted_application, datetime.date(2026, 12, 1))


def test_payment_requests_are_refused_after_the_grants_use_deadline(granted_application, merchant):
    with pytest.raises(ValidationError, match=r"bruk av tilskotet gjekk ut 01\.06\.2027"):
        workflow.request_payment(granted_application, merchant, asking(10_000), datetime.date(2027, 6, 2))
    workflow.request_payment(granted_application, merchant, asking(10_000), datetime.date(2027, 6, 1))


def test_there_is_nothing_to_ask_for_before_a_grant_or_after_a_refusal(own_shop, merchant, advisor):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    with pytest.raises(ValidationError, match="innvilga tilskot"):
        workflow.request_payment(application, merchant, asking(10_000), TODAY)
    workflow.assign_case_officer(application, advisor, advisor)
    workflow.record_decision(
        application, advisor, workflow.DecisionInput(outcome="refusal", justification="Nei.")
    )
    with pytest.raises(ValidationError, match="innvilga tilskot"):
        workflow.request_payment(application, merchant, asking(10_000), TODAY)


def test_another_merchant_cannot_ask_for_payment(granted_application, other_merchant):
    with pytest.raises(PermissionDenied):
        workflow.request_payment(granted_application, other_merchant, asking(10_000), TODAY)


def test_the_merchant_gets_a_receipt_and_the_advisor_a_notice_with_public_links(
    granted_application, merchant, settings
):
    settings.SITE_BASE_URL = "https://distriktssenteret.no"
    record = workflow.request_payment(granted_application, merchant, asking(40_000), TODAY)
    receipt = OutboxMessage.objects.get(subject__startswith="Kvittering: førespurnad om utbetaling")
    assert receipt.to == ["kari@example.org"]
    assert "delutbetaling: 40000 kr" in receipt.body
    assert f"https://distriktssenteret.no/merkur-register/soknader/{granted_application.pk}/" in receipt.body
    notice = OutboxMessage.objects.get(
        subject=f"Merkur: førespurnad om utbetaling i sak {granted_application.pk}"
    )
    assert notice.to == ["radgivar@example.org"]
    assert f"https://distriktssenteret.no/merkur-register/saker/{granted_application.pk}/" in notice.body
    assert receipt.related_key == notice.related_key == f"merkur.application:{granted_application.pk}"
    assert record.pk


# Two requests at the same moment may not together ask for more than the grant.


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_cannot_together_exceed_the_grant(granted_application, merchant):
    import threading

    start = threading.Barrier(2)
    results, failures = [], []

    def attempt() -> None:
        start.wait()
        try:
            results.append(
                workflow.request_payment(
                    Application.objects.get(pk=granted_application.pk), merchant, asking(60_000), TODAY
                )
            )
        except ValidationError as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 1
    assert len(failures) == 1
    assert PaymentRequest.objects.requested_sum() == 60_000


# The portal page


def post_data(**overrides) -> dict:
    data = {
        "amount": "40000",
        "kind": "partial",
        "work_done": "Kjøledisken er sett opp.",
        "costs-TOTAL_FORMS": "3",
        "costs-INITIAL_FORMS": "0",
        "costs-MIN_NUM_FORMS": "0",
        "costs-MAX_NUM_FORMS": "50",
        "costs-0-description": "Kjøledisk",
        "costs-0-amount": "90000",
        "costs-1-description": "Montering",
        "costs-1-amount": "30000",
        "costs-2-description": "",
        "costs-2-amount": "",
    }
    data.update(overrides)
    return data


def test_the_merchant_asks_for_payment_in_the_portal_with_an_attachment(
    client, granted_application, merchant, advisor, fixed_today
):
    client.force_login(merchant)
    detail = client.get(reverse("merkur:application_detail", args=[granted_application.pk])).content.decode()
    url = reverse("merkur:payment_request", args=[granted_application.pk])
    assert url in detail  # «Be om utbetaling»
    page = client.get(url)
    assert page.status_code == 200
    assert "100000 kr" in page.content.decode()
    invoice = SimpleUploadedFile("faktura.pdf", minimal_pdf(), content_type="application/pdf")
    response = client.post(url, {**post_data(), "attachments": [invoice]})
    assert response.status_code == 302
    record = PaymentRequest.objects.get()
    assert (record.amount, record.is_final, record.actual_cost_total) == (40_000, False, 120_000)
    attachment = Attachment.objects.get(payment_request=record)
    assert attachment.application == granted_application
    assert attachment.content_type == "application/pdf"
    client.force_login(advisor)
    case_page = client.get(reverse("merkur:case_detail", args=[granted_application.pk])).content.decode()
    assert "Kjøledisken er sett opp." in case_page
    assert reverse("merkur:attachment_download", args=[granted_application.pk, attachment.pk]) in case_page
    # The payment form is set to the open request.
    assert f'<option value="{record.pk}" selected>' in case_page


def test_an_amount_over_the_remaining_grant_is_refused_and_what_was_typed_is_kept(
    client, granted_application, merchant, fixed_today
):
    client.force_login(merchant)
    response = client.post(
        reverse("merkur:payment_request", args=[granted_application.pk]),
        post_data(amount="150000", work_done="Alt er ferdig og betalt."),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Du kan be om høgst 100000 kr, det som står att av tilskotet." in page
    assert 'value="150000"' in page
    assert "Alt er ferdig og betalt." in page
    assert 'value="Montering"' in page
    assert not PaymentRequest.objects.exists()


def test_a_request_needs_at_least_one_cost_line_and_a_real_attachment(
    client, granted_application, merchant, fixed_today
):
    client.force_login(merchant)
    url = reverse("merkur:payment_request", args=[granted_application.pk])
    no_costs = post_data(
        **{"costs-0-description": "", "costs-0-amount": "", "costs-1-description": "", "costs-1-amount": ""}
    )
    response = client.post(url, no_costs)
    assert response.status_code == 400
    assert "Før opp minst éin faktisk kostnad." in response.content.decode()
    fake = SimpleUploadedFile("faktura.pdf", b"ikkje ein pdf", content_type="application/pdf")
    response = client.post(url, {**post_data(), "attachments": [fake]})
    assert response.status_code == 400
    assert "faktura.pdf: Fila er ikkje ein PDF" in response.content.decode()
    assert not PaymentRequest.objects.exists()


def test_after_the_yearly_deadline_the_page_says_so_and_takes_nothing(
    client, granted_application, merchant, settings
):
    settings.MERKUR_PAYMENT_REQUEST_DEADLINE = "12-14"
    client.force_login(merchant)
    url = reverse("merkur:payment_request", args=[granted_application.pk])
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 12, 15)):
        page = client.get(url).content.decode()
        response = client.post(url, post_data())
    assert "Fristen for å be om utbetaling i 2026 gjekk ut 14.12.2026" in page
    assert 'name="amount"' not in page
    assert response.status_code == 400
    assert not PaymentRequest.objects.exists()


def test_the_advisor_registers_a_payment_against_the_request_on_the_case_page(
    client, granted_application, merchant, advisor
):
    record = workflow.request_payment(granted_application, merchant, asking(40_000), TODAY)
    client.force_login(advisor)
    response = client.post(
        reverse("merkur:case_action", args=[granted_application.pk, "pay"]),
        {"payment_request": record.pk, "amount": "40000"},
    )
    assert response.status_code == 302
    assert Payment.objects.get().payment_request == record
    granted_application.refresh_from_db()
    assert granted_application.paid_amount == 40_000
    response = client.post(
        reverse("merkur:case_action", args=[granted_application.pk, "pay"]),
        {"payment_request": record.pk, "amount": "1000"},
    )
    assert response.status_code == 400  # a paid request is no longer a choice


def test_another_merchants_payment_request_page_is_not_found(
    client, granted_application, other_merchant, advisor, fixed_today
):
    url = reverse("merkur:payment_request", args=[granted_application.pk])
    for user in (other_merchant, advisor):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, post_data()).status_code == 404
    assert not PaymentRequest.objects.exists()
