"""The merchant's final report moves the grant to "reported" through the state machine,
once, by the use deadline; receipt and notice by e-mail; a reported grant does not lapse."""

import datetime
from unittest import mock

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.merkur import deadlines, workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import Application, ApplicationStatus, CaseEvent, FinalReport

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 1)

REPORT = workflow.FinalReportInput(
    work_done="Nye kjøledisker og betre inngangsparti.",
    shop_effects="Lågare straumrekning og fleire kundar.",
    community_effects="Butikken held fram som møteplass.",
    actual_cost_total=130_000,
)


def test_the_final_report_moves_the_grant_to_reported_and_the_log_says_who(granted_application, merchant):
    report = workflow.submit_final_report(granted_application, merchant, REPORT, TODAY)
    assert report.actual_cost_total == 130_000
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.REPORTED
    event = CaseEvent.objects.filter(application=granted_application).last()
    assert (event.actor, event.from_status, event.to_status) == (
        merchant,
        ApplicationStatus.GRANTED,
        ApplicationStatus.REPORTED,
    )
    with pytest.raises(PermissionDenied):
        report.save()  # written once


@pytest.mark.parametrize("paid", [40_000, 100_000])
def test_a_paid_in_part_or_in_full_grant_can_be_reported(granted_application, merchant, advisor, paid):
    workflow.register_payment(granted_application, advisor, paid)
    workflow.submit_final_report(granted_application, merchant, REPORT, TODAY)
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.REPORTED


def test_after_the_report_the_advisor_pays_the_rest_and_closes(granted_application, merchant, advisor):
    workflow.submit_final_report(granted_application, merchant, REPORT, TODAY)
    workflow.register_payment(granted_application, advisor, 100_000)
    workflow.close_case(granted_application, advisor)
    statuses = list(
        CaseEvent.objects.filter(application=granted_application).values_list("to_status", flat=True)
    )
    assert statuses[-3:] == [ApplicationStatus.REPORTED, ApplicationStatus.PAID, ApplicationStatus.CLOSED]


def test_a_final_report_is_sent_once(granted_application, merchant):
    workflow.submit_final_report(granted_application, merchant, REPORT, TODAY)
    with pytest.raises(ValidationError, match="alt send"):
        workflow.submit_final_report(granted_application, merchant, REPORT, TODAY)
    assert FinalReport.objects.count() == 1


def test_no_final_report_after_the_use_deadline(granted_application, merchant):
    with pytest.raises(ValidationError, match=r"sluttrapporten gjekk ut 01\.06\.2027"):
        workflow.submit_final_report(granted_application, merchant, REPORT, datetime.date(2027, 6, 2))
    workflow.submit_final_report(granted_application, merchant, REPORT, datetime.date(2027, 6, 1))


def test_no_final_report_without_a_grant(own_shop, merchant):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    with pytest.raises(ValidationError, match="innvilga tilskot"):
        workflow.submit_final_report(application, merchant, REPORT, TODAY)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_another_merchant_cannot_report(granted_application, other_merchant):
    with pytest.raises(PermissionDenied):
        workflow.submit_final_report(granted_application, other_merchant, REPORT, TODAY)


def test_a_reported_grant_paid_in_part_afterwards_does_not_lapse(granted_application, merchant, advisor):
    workflow.submit_final_report(granted_application, merchant, REPORT, TODAY)
    workflow.register_payment(granted_application, advisor, 40_000)
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.PARTIALLY_PAID
    assert deadlines.send_lapse_notices(datetime.date(2027, 5, 10)) == 0
    assert deadlines.lapse_overdue_grants(datetime.date(2027, 7, 1)) == 0
    assert Application.objects.get(pk=granted_application.pk).status == ApplicationStatus.PARTIALLY_PAID


def test_the_merchant_gets_a_receipt_and_the_advisor_a_notice(granted_application, merchant, settings):
    settings.SITE_BASE_URL = "https://distriktssenteret.no"
    workflow.submit_final_report(granted_application, merchant, REPORT, TODAY)
    receipt = OutboxMessage.objects.get(subject="Kvittering: sluttrapport til Merkur")
    assert receipt.to == ["kari@example.org"]
    assert f"https://distriktssenteret.no/merkur-register/soknader/{granted_application.pk}/" in receipt.body
    notice = OutboxMessage.objects.get(subject=f"Merkur: sluttrapport i sak {granted_application.pk}")
    assert notice.to == ["radgivar@example.org"]
    assert f"https://distriktssenteret.no/merkur-register/saker/{granted_application.pk}/" in notice.body


# The portal page

FORM = {
    "work_done": REPORT.work_done,
    "shop_effects": REPORT.shop_effects,
    "community_effects": REPORT.community_effects,
    "actual_cost_total": "130000",
}


@pytest.fixture
def fixed_today():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield TODAY


def test_the_merchant_sends_the_final_report_in_the_portal_and_the_advisor_reads_it(
    client, granted_application, merchant, advisor, fixed_today
):
    client.force_login(merchant)
    detail = client.get(reverse("merkur:application_detail", args=[granted_application.pk])).content.decode()
    url = reverse("merkur:final_report", args=[granted_application.pk])
    assert url in detail  # «Send sluttrapport»
    assert client.get(url).status_code == 200
    response = client.post(url, FORM)
    assert response.status_code == 302
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.REPORTED
    detail = client.get(reverse("merkur:application_detail", args=[granted_application.pk])).content.decode()
    assert url not in detail  # sent once
    assert "Lågare straumrekning og fleire kundar." in detail
    client.force_login(advisor)
    case_page = client.get(reverse("merkur:case_detail", args=[granted_application.pk])).content.decode()
    assert "Butikken held fram som møteplass." in case_page


def test_a_report_with_missing_parts_keeps_what_was_typed(client, granted_application, merchant, fixed_today):
    client.force_login(merchant)
    response = client.post(
        reverse("merkur:final_report", args=[granted_application.pk]), {**FORM, "community_effects": ""}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Lågare straumrekning og fleire kundar." in page
    assert 'value="130000"' in page
    assert "Skjemaet har feil" in page
    granted_application.refresh_from_db()
    assert granted_application.status == ApplicationStatus.GRANTED


def test_after_the_use_deadline_the_report_page_says_so(client, granted_application, merchant):
    client.force_login(merchant)
    url = reverse("merkur:final_report", args=[granted_application.pk])
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2027, 6, 2)):
        page = client.get(url).content.decode()
        assert client.post(url, FORM).status_code == 400
    assert "Fristen for sluttrapporten gjekk ut 01.06.2027." in page
    assert not FinalReport.objects.exists()


def test_another_merchants_report_page_is_not_found(client, granted_application, other_merchant, fixed_today):
    client.force_login(other_merchant)
    url = reverse("merkur:final_report", args=[granted_application.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, FORM).status_code == 404
    assert not FinalReport.objects.exists()
