"""The grant case moves only along the allowed transitions, each one in the audit log."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

import pytest

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import Application, ApplicationStatus, CaseEvent, DecisionOutcome, Payment

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def application(own_shop):
    return ApplicationFactory(shop=own_shop)


def grant(application, advisor, amount=200_000):
    return workflow.record_decision(
        application,
        advisor,
        workflow.DecisionInput(
            outcome=DecisionOutcome.GRANT,
            justification="Butikken oppfyller vilkåra.",
            amount=amount,
            use_deadline=datetime.date(2027, 12, 1),
        ),
    )


def under_assessment(application, merchant, advisor):
    workflow.submit_application(application, merchant)
    return workflow.assign_case_officer(application, advisor, advisor)


def test_the_whole_way_from_draft_to_closed_is_logged(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    workflow.request_more_information(application, advisor, "Legg ved tilbodet.", datetime.date(2027, 1, 10))
    workflow.submit_application(application, merchant)
    workflow.start_assessment(application, advisor)
    grant(application, advisor)
    workflow.register_payment(application, advisor, 50_000)
    workflow.register_payment(application, advisor, 150_000)
    workflow.close_case(application, advisor)
    steps = list(CaseEvent.objects.filter(application=application).values_list("from_status", "to_status"))
    assert steps == [
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.UNDER_ASSESSMENT),
        (S.UNDER_ASSESSMENT, S.MORE_INFORMATION_REQUESTED),
        (S.MORE_INFORMATION_REQUESTED, S.SUBMITTED),
        (S.SUBMITTED, S.UNDER_ASSESSMENT),
        (S.UNDER_ASSESSMENT, S.GRANTED),
        (S.GRANTED, S.PARTIALLY_PAID),
        (S.PARTIALLY_PAID, S.PAID),
        (S.PAID, S.CLOSED),
    ]
    event = CaseEvent.objects.filter(application=application, to_status=S.GRANTED).get()
    assert event.actor == advisor
    assert event.comment == "Butikken oppfyller vilkåra."


def test_a_draft_cannot_be_decided(application, advisor, manager):
    with pytest.raises(workflow.TransitionNotAllowed):
        grant(application, manager)
    assert Application.objects.get(pk=application.pk).status == S.DRAFT
    assert not CaseEvent.objects.exists()


def test_a_closed_case_cannot_be_reopened(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    workflow.withdraw_application(application, merchant)
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.submit_application(application, merchant)


@pytest.mark.parametrize("status", list(S))
def test_every_status_has_a_rule_and_only_final_ones_have_no_way_out(status):
    assert status in workflow.TRANSITIONS
    is_final = status in (S.CLOSED, S.LAPSED, S.WITHDRAWN)
    assert (workflow.TRANSITIONS[status] == frozenset()) is is_final


def test_submitting_an_incomplete_application_is_refused_with_a_message(application, merchant):
    Application.objects.filter(pk=application.pk).update(project_description="")
    application.refresh_from_db()
    with pytest.raises(ValidationError, match="prosjektskildring"):
        workflow.submit_application(application, merchant)


def test_another_merchant_cannot_submit_or_withdraw(application, other_merchant):
    with pytest.raises(PermissionDenied):
        workflow.submit_application(application, other_merchant)
    with pytest.raises(PermissionDenied):
        workflow.withdraw_application(application, other_merchant)


def test_only_the_assigned_advisor_or_a_manager_decides(
    application, merchant, advisor, second_advisor, manager
):
    under_assessment(application, merchant, advisor)
    with pytest.raises(PermissionDenied):
        grant(application, second_advisor)
    with pytest.raises(PermissionDenied):
        grant(application, merchant)
    grant(application, manager)
    assert Application.objects.get(pk=application.pk).status == S.GRANTED


def test_an_advisor_with_a_declared_conflict_cannot_decide(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    workflow.declare_conflict(application, advisor, "Kjøpmannen er bror min.")
    assert not workflow.may_decide(application, advisor)
    with pytest.raises(PermissionDenied):
        grant(application, advisor)


def test_a_decision_without_justification_is_refused(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    with pytest.raises(ValidationError, match="grunngivast"):
        workflow.record_decision(
            application, advisor, workflow.DecisionInput(outcome=DecisionOutcome.REFUSAL, justification="  ")
        )
    assert Application.objects.get(pk=application.pk).status == S.UNDER_ASSESSMENT


def test_a_refusal_has_three_weeks_to_appeal(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    decision = workflow.record_decision(
        application,
        advisor,
        workflow.DecisionInput(outcome=DecisionOutcome.REFUSAL, justification="For kort avstand."),
    )
    # Counted from the day in Norway: a decision at 23:44 UTC is made the next day in Oslo.
    decided_on = timezone.localdate(decision.decided_at)
    assert decision.appeal_deadline - decided_on == datetime.timedelta(days=21)


def test_the_audit_log_cannot_be_edited_or_deleted(application, merchant):
    workflow.submit_application(application, merchant)
    event = CaseEvent.objects.get()
    event.comment = "endra"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        CaseEvent.objects.filter(pk=event.pk).update(comment="endra")
    with pytest.raises(PermissionDenied):
        CaseEvent.objects.all().delete()
    assert CaseEvent.objects.get().comment == ""


def test_payments_never_exceed_the_grant(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    grant(application, advisor, amount=100_000)
    workflow.register_payment(application, advisor, 60_000)
    with pytest.raises(ValidationError, match="40"):
        workflow.register_payment(application, advisor, 40_001)
    workflow.register_payment(application, advisor, 40_000)
    application.refresh_from_db()
    assert application.paid_amount == 100_000
    assert application.remaining_amount == 0
    assert application.status == S.PAID
    with pytest.raises(ValidationError):
        workflow.register_payment(application, advisor, 1)
    assert sum(Payment.objects.filter(application=application).values_list("amount", flat=True)) == 100_000


def test_the_database_refuses_paying_more_than_granted_even_past_the_service(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    grant(application, advisor, amount=100_000)
    with pytest.raises(IntegrityError):
        Application.objects.filter(pk=application.pk).update(paid_amount=100_001)


def test_a_payment_before_a_grant_is_refused(application, merchant, advisor):
    under_assessment(application, merchant, advisor)
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.register_payment(application, advisor, 1_000)
