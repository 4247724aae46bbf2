"""An appeal is its own case, linked to the decision, lodged within three weeks."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import Application, ApplicationStatus, CaseEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def refusal(own_shop, merchant, advisor):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    return workflow.record_decision(
        application, advisor, workflow.DecisionInput(outcome="refusal", justification="For kort avstand.")
    )


def test_an_appeal_is_a_new_submitted_case_linked_to_the_decision(refusal, merchant):
    today = timezone.localdate(refusal.decided_at)
    appeal = workflow.lodge_appeal(refusal, merchant, "Avstanden er 11 km, ikkje 4.", today)
    assert appeal.pk != refusal.application_id
    assert appeal.appeal_of == refusal
    assert appeal.is_appeal
    assert appeal.status == ApplicationStatus.SUBMITTED
    assert appeal.shop == refusal.application.shop
    assert list(refusal.appeals.all()) == [appeal]
    assert CaseEvent.objects.filter(application=appeal, to_status=ApplicationStatus.SUBMITTED).exists()
    assert CaseEvent.objects.filter(
        application=refusal.application, comment__contains=str(appeal.pk)
    ).exists()
    # The appeal goes into the advisors' queue like any submitted case.
    assert Application.objects.in_status(ApplicationStatus.SUBMITTED).filter(pk=appeal.pk).exists()


def test_the_last_day_of_the_three_weeks_counts_and_the_day_after_does_not(refusal, merchant):
    with pytest.raises(ValidationError, match="Klagefristen"):
        workflow.lodge_appeal(
            refusal, merchant, "Sein klage.", refusal.appeal_deadline + datetime.timedelta(days=1)
        )
    workflow.lodge_appeal(refusal, merchant, "Klage i tide.", refusal.appeal_deadline)


def test_one_decision_is_appealed_once(refusal, merchant):
    workflow.lodge_appeal(refusal, merchant, "Klage.", timezone.localdate(refusal.decided_at))
    with pytest.raises(ValidationError, match="alt klaga"):
        workflow.lodge_appeal(refusal, merchant, "Klage igjen.", timezone.localdate(refusal.decided_at))


def test_an_appeal_needs_reasons_and_another_merchant_cannot_appeal(refusal, merchant, other_merchant):
    with pytest.raises(ValidationError):
        workflow.lodge_appeal(refusal, merchant, "  ", timezone.localdate(refusal.decided_at))
    with pytest.raises(PermissionDenied):
        workflow.lodge_appeal(
            refusal, other_merchant, "Ikkje min sak.", timezone.localdate(refusal.decided_at)
        )
