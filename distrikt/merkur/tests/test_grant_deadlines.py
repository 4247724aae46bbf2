"""Yearly deadlines come from settings; unreported grants lapse, with notice beforehand."""

import datetime
from unittest import mock

from django.core.exceptions import ValidationError
from django.core.management import call_command

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.merkur import deadlines, workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import ApplicationStatus, CaseEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def granted(own_shop, merchant, advisor):
    merchant.email = "kari@example.org"
    merchant.save()
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    workflow.record_decision(
        application,
        advisor,
        workflow.DecisionInput(
            outcome="grant", justification="Ok.", amount=100_000, use_deadline=datetime.date(2027, 6, 1)
        ),
    )
    return application


def test_the_deadlines_are_settings(settings):
    settings.MERKUR_APPLICATION_DEADLINE = "12-19"
    assert deadlines.application_deadline(2026) == datetime.date(2026, 12, 19)
    assert deadlines.payment_request_deadline(2026) == datetime.date(2026, 12, 14)
    settings.MERKUR_PAYMENT_REQUEST_DEADLINE = "11-30"
    assert deadlines.payment_request_deadline(2027) == datetime.date(2027, 11, 30)


def test_an_application_cannot_be_submitted_after_the_yearly_deadline(settings, own_shop, merchant):
    settings.MERKUR_APPLICATION_DEADLINE = "12-19"
    application = ApplicationFactory(shop=own_shop, year=2026)
    with (
        mock.patch.object(workflow.timezone, "localdate", return_value=datetime.date(2026, 12, 20)),
        pytest.raises(ValidationError, match="Søknadsfristen"),
    ):
        workflow.submit_application(application, merchant)
    with mock.patch.object(workflow.timezone, "localdate", return_value=datetime.date(2026, 12, 19)):
        workflow.submit_application(application, merchant)


def test_the_merchant_is_told_once_before_the_grant_lapses(granted):
    assert deadlines.send_lapse_notices(datetime.date(2027, 4, 1)) == 0  # too early
    assert deadlines.send_lapse_notices(datetime.date(2027, 5, 10)) == 1
    assert deadlines.send_lapse_notices(datetime.date(2027, 5, 11)) == 0  # already told
    notice = OutboxMessage.objects.get(subject__contains="fell snart bort")
    assert notice.to == ["kari@example.org"]
    assert "1. juni 2027" in notice.body


def test_a_grant_not_reported_by_its_deadline_lapses_and_the_log_says_so(granted):
    assert deadlines.lapse_overdue_grants(datetime.date(2027, 6, 1)) == 0  # the last day still counts
    assert deadlines.lapse_overdue_grants(datetime.date(2027, 6, 2)) == 1
    granted.refresh_from_db()
    assert granted.status == ApplicationStatus.LAPSED
    event = CaseEvent.objects.filter(application=granted).last()
    assert (event.from_status, event.to_status, event.actor) == (
        ApplicationStatus.GRANTED,
        ApplicationStatus.LAPSED,
        None,
    )


def test_a_paid_grant_does_not_lapse(granted, advisor):
    workflow.register_payment(granted, advisor, 100_000)
    assert deadlines.lapse_overdue_grants(datetime.date(2028, 1, 1)) == 0


def test_the_command_runs_the_lapse_task(granted):
    with mock.patch("distrikt.merkur.tasks.timezone.localdate", return_value=datetime.date(2027, 7, 1)):
        call_command("lapse_merkur_grants")
    granted.refresh_from_db()
    assert granted.status == ApplicationStatus.LAPSED
