"""Advisors deciding the same application at the same moment: exactly one decision stands."""

import datetime
import threading

from django.db import connections

import pytest

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import (
    Application,
    ApplicationStatus,
    CaseEvent,
    Decision,
    DecisionOutcome,
    Payment,
)

ATTEMPTS = 12


def run_at_once(actions) -> tuple[list[object], list[BaseException]]:
    start = threading.Barrier(len(actions))
    results: list[object] = []
    failures: list[BaseException] = []

    def attempt(action) -> None:
        start.wait()
        try:
            results.append(action())
        except BaseException as error:  # noqa: BLE001  (collected and asserted below)
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, failures


@pytest.mark.django_db(transaction=True)
def test_two_advisors_deciding_at_once_cannot_both_succeed(
    published_schemes, own_shop, merchant, advisor, manager
):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)

    def decide(number: int):
        user = advisor if number % 2 else manager
        outcome = DecisionOutcome.GRANT if number % 2 else DecisionOutcome.REFUSAL
        return workflow.record_decision(
            Application.objects.get(pk=application.pk),
            user,
            workflow.DecisionInput(
                outcome=outcome,
                justification=f"Vurdering {number}.",
                amount=100_000 + number,
                use_deadline=datetime.date(2027, 12, 1),
            ),
        )

    results, failures = run_at_once([lambda n=n: decide(n) for n in range(ATTEMPTS)])

    assert len(results) == 1
    assert len(failures) == ATTEMPTS - 1
    assert all(isinstance(failure, workflow.TransitionNotAllowed) for failure in failures), failures
    assert Decision.objects.filter(application=application).count() == 1
    decided = CaseEvent.objects.filter(
        application=application, to_status__in=[ApplicationStatus.GRANTED, ApplicationStatus.REFUSED]
    )
    assert decided.count() == 1
    application.refresh_from_db()
    assert application.status == decided.get().to_status


@pytest.mark.django_db(transaction=True)
def test_payments_made_at_once_never_add_up_to_more_than_the_grant(
    published_schemes, own_shop, merchant, advisor
):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    workflow.record_decision(
        application,
        advisor,
        workflow.DecisionInput(
            outcome=DecisionOutcome.GRANT,
            justification="Oppfyller vilkåra.",
            amount=100_000,
            use_deadline=datetime.date(2027, 12, 1),
        ),
    )

    def pay():
        return workflow.register_payment(Application.objects.get(pk=application.pk), advisor, 30_000)

    results, failures = run_at_once([pay for _attempt in range(ATTEMPTS)])

    paid = sum(Payment.objects.filter(application=application).values_list("amount", flat=True))
    application.refresh_from_db()
    assert paid == application.paid_amount
    assert paid <= 100_000
    assert len(results) == paid // 30_000
    assert len(results) + len(failures) == ATTEMPTS
