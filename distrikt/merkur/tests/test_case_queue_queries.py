"""The advisors' queue reads its first page with a fixed number of queries, however many
cases there are: a query per row (N+1) for schemes, shops, counties, advisors or appeals
comes back as a failure here."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory, ShopFactory
from distrikt.merkur.forms import CaseQueueFilterForm
from distrikt.merkur.models import Application, ApplicationStatus, SupportScheme

pytestmark = pytest.mark.django_db

# Session, user, advisor group, the count, the two permission lookups, the three filter menus
# (schemes, counties, advisors) and the page of cases; the site, the menu and the footer come
# from derived data read once per change. A new query here is a choice to make on purpose.
QUEUE_FIRST_PAGE_QUERIES = 10


@pytest.fixture
def refusal(own_shop, merchant, advisor):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    return workflow.record_decision(
        application, advisor, workflow.DecisionInput(outcome="refusal", justification="For kort avstand.")
    )


def add_cases(count: int, advisors, refusal) -> None:
    """Cases on as many shops (each in its own municipality), over every scheme and open
    status, half of them assigned, every third one an appeal."""
    schemes = list(SupportScheme.objects.all())
    statuses = CaseQueueFilterForm.OPEN_STATUSES
    for number in range(count):
        application = ApplicationFactory(
            shop=ShopFactory(),
            scheme=schemes[number % len(schemes)],
            deadline=datetime.date(2027, 1, 1) + datetime.timedelta(days=number % 5),
        )
        Application.objects.filter(pk=application.pk).update(
            status=statuses[number % len(statuses)],
            submitted_at=timezone.now(),
            assigned_advisor=advisors[number % len(advisors)] if number % 2 else None,
            appeal_of=refusal if number % 3 == 0 else None,
        )


def first_page(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("merkur:case_queue"))
    assert response.status_code == 200
    return response, len(queries)


def test_the_first_page_takes_as_many_queries_for_30_cases_as_for_3(
    client, home_page, advisor, second_advisor, refusal
):
    client.force_login(advisor)
    first_page(client)  # the first request fills the site's caches (root page, menus)
    add_cases(3, [advisor, second_advisor], refusal)
    few, few_queries = first_page(client)
    add_cases(27, [advisor, second_advisor], refusal)
    many, many_queries = first_page(client)

    assert len(few.context["page_obj"]) == 3
    assert len(many.context["page_obj"]) == 30
    assert "klage" in many.content.decode()  # the appeals are shown, without a query each
    assert many_queries == few_queries == QUEUE_FIRST_PAGE_QUERIES


def test_the_count_and_the_rows_are_the_open_cases_in_deadline_order(
    client, advisor, second_advisor, refusal
):
    add_cases(12, [advisor, second_advisor], refusal)
    draft = ApplicationFactory(shop=ShopFactory())  # the merchant's own business
    closed = ApplicationFactory(shop=ShopFactory(), deadline=datetime.date(2026, 1, 1))
    Application.objects.filter(pk=closed.pk).update(status=ApplicationStatus.CLOSED)
    client.force_login(advisor)

    response, _queries = first_page(client)

    expected = list(
        Application.objects.in_status(*CaseQueueFilterForm.OPEN_STATUSES)
        .order_by("deadline", "submitted_at", "pk")
        .values_list("pk", flat=True)
    )
    assert len(expected) == 12
    assert [row.pk for row in response.context["page_obj"]] == expected
    assert response.context["page_obj"].paginator.count == 12
    assert "12 saker" in response.content.decode()
    assert draft.pk not in expected
    assert closed.pk not in expected
    # The refused case's status is not open; the appeals against it are.
    assert refusal.application_id not in expected


def test_common_statuses_give_the_same_cases_as_the_status_condition(advisor, second_advisor, refusal):
    add_cases(9, [advisor, second_advisor], refusal)
    statuses = (ApplicationStatus.SUBMITTED, ApplicationStatus.GRANTED, ApplicationStatus.REFUSED)

    common = set(Application.objects.in_common_status(*statuses).values_list("pk", flat=True))

    assert common == set(Application.objects.in_status(*statuses).values_list("pk", flat=True))
    assert common
