"""Fixtures for the Merkur tests: merchants, advisors and a shop each."""

import datetime
import importlib
from unittest import mock
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.auth.models import Group

import pytest

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory, ShopFactory
from distrikt.merkur.models import (
    ADVISOR_GROUP_NAME,
    MANAGER_GROUP_NAME,
    ApplicationStatus,
    CaseEvent,
    Decision,
    DecisionOutcome,
    SchemeBudget,
    SupportScheme,
)
from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory


@pytest.fixture
def merchant(django_user_model):
    return django_user_model.objects.create_user("kari", password="passord-for-test")


@pytest.fixture
def other_merchant(django_user_model):
    return django_user_model.objects.create_user("ola", password="passord-for-test")


@pytest.fixture
def advisor(django_user_model):
    user = django_user_model.objects.create_user("radgivar", password="passord-for-test")
    group, _created = Group.objects.get_or_create(name=ADVISOR_GROUP_NAME)
    user.groups.add(group)
    return user


@pytest.fixture
def own_shop(merchant):
    shop = ShopFactory(name="Karis butikk (demo)")
    shop.merchants.add(merchant)
    return shop


@pytest.fixture
def others_shop(other_merchant):
    shop = ShopFactory(name="Olas butikk (demo)")
    shop.merchants.add(other_merchant)
    return shop


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("leiar", password="passord-for-test")
    for name in (ADVISOR_GROUP_NAME, MANAGER_GROUP_NAME):
        group, _created = Group.objects.get_or_create(name=name)
        user.groups.add(group)
    return user


@pytest.fixture
def second_advisor(django_user_model):
    user = django_user_model.objects.create_user("radgivar2", password="passord-for-test")
    group, _created = Group.objects.get_or_create(name=ADVISOR_GROUP_NAME)
    user.groups.add(group)
    return user


@pytest.fixture(autouse=True)
def published_schemes(request):
    """The schemes of data migration 0005, again: transactional tests flush the database."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    migration = importlib.import_module("distrikt.merkur.migrations.0005_load_published_schemes")
    migration.load_schemes(apps, None)


@pytest.fixture(autouse=True)
def open_application_window(settings):
    """Tests submit on any day of the year; the deadline itself has its own test."""
    settings.MERKUR_APPLICATION_DEADLINE = "12-31"


@pytest.fixture
def granted_application(own_shop, merchant, advisor):
    """Kari's application, granted 100 000 kr to be used by 1 June 2027; both have e-mail."""
    merchant.email = "kari@example.org"
    merchant.save()
    advisor.email = "radgivar@example.org"
    advisor.save()
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    workflow.record_decision(
        application,
        advisor,
        workflow.DecisionInput(
            outcome="grant",
            justification="Butikken oppfyller krava.",
            amount=100_000,
            use_deadline=datetime.date(2027, 6, 1),
        ),
    )
    application.refresh_from_db()
    return application


OSLO = ZoneInfo("Europe/Oslo")


def oslo(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=OSLO)


@pytest.fixture
def grant_cases(advisor):
    """Real (not demo) cases over two years, two counties and two schemes, counted by hand.

    2024: a1 investment, north, granted 300,000, all paid, 10 days;
          a2 development, south, refused after 4 days, and its appeal (a2x) granted 50,000.
    2025: b1 investment, north, granted 200,000, 50,000 paid; submitted 23:30 and decided
          00:30 ten local days later (nine days apart in UTC);
          b2 investment, south, granted 400,000, 100,000 paid, then lapsed; 20 days;
          b3 development, south, under assessment (pending);
          b4 investment, north, first submitted 1 April, asked for more information,
          submitted again 20 April, granted 100,000 on 30 April: 29 days from the first;
          b5 a draft, which counts nowhere.
    The investment scheme has a budget of 1,000,000 for 2025 and none for 2024; the development
    scheme has none.
    """
    north = CountyFactory(code="91", name="Nordfylke")
    south = CountyFactory(code="92", name="Sørfylke")
    north_shop = ShopFactory(municipality=MunicipalityFactory(code="9101", county=north), is_demo=False)
    south_shop = ShopFactory(municipality=MunicipalityFactory(code="9201", county=south), is_demo=False)
    investment = SupportScheme.objects.get(slug="investeringsstotte")
    investment.budgets.all().delete()
    SchemeBudget.objects.create(scheme=investment, year=2025, amount=1_000_000)
    development = SupportScheme.objects.get(slug="utviklingsstotte")
    development.budgets.all().delete()
    S = ApplicationStatus

    def case(scheme, shop, year, status, submitted=None, decided=None, granted=None, paid=0, **fields):
        return ApplicationFactory(
            scheme=scheme,
            shop=shop,
            year=year,
            status=status,
            submitted_at=submitted,
            decided_at=decided,
            granted_amount=granted,
            paid_amount=paid,
            is_demo=False,
            **fields,
        )

    cases = {
        "a1": case(
            investment, north_shop, 2024, S.PAID, oslo(2024, 3, 1, 10), oslo(2024, 3, 11, 9), 300_000, 300_000
        ),
        "a2": case(development, south_shop, 2024, S.REFUSED, oslo(2024, 5, 1), oslo(2024, 5, 5)),
        "b1": case(
            investment,
            north_shop,
            2025,
            S.PARTIALLY_PAID,
            oslo(2025, 1, 10, 23, 30),
            oslo(2025, 1, 20, 0, 30),
            200_000,
            50_000,
        ),
        "b2": case(
            investment, south_shop, 2025, S.LAPSED, oslo(2025, 2, 1), oslo(2025, 2, 21), 400_000, 100_000
        ),
        "b3": case(development, south_shop, 2025, S.UNDER_ASSESSMENT, oslo(2025, 3, 1)),
        "b4": case(investment, north_shop, 2025, S.GRANTED, oslo(2025, 4, 20), oslo(2025, 4, 30), 100_000),
        "b5": case(development, north_shop, 2025, S.DRAFT),
    }
    refusal = Decision.objects.create(
        application=cases["a2"],
        outcome=DecisionOutcome.REFUSAL,
        justification="Omsetnaden er over grensa.",
        appeal_deadline=datetime.date(2024, 5, 26),
        decided_by=advisor,
    )
    cases["a2x"] = case(
        development,
        south_shop,
        2024,
        S.GRANTED,
        oslo(2024, 5, 20),
        oslo(2024, 6, 1),
        50_000,
        appeal_of=refusal,
    )
    # The audit log holds b4's first submission; submitted_at holds the second.
    for at, before, after in (
        (oslo(2025, 4, 1), S.DRAFT, S.SUBMITTED),
        (oslo(2025, 4, 5), S.UNDER_ASSESSMENT, S.MORE_INFORMATION_REQUESTED),
        (oslo(2025, 4, 20), S.MORE_INFORMATION_REQUESTED, S.SUBMITTED),
    ):
        with mock.patch("django.utils.timezone.now", return_value=at):
            CaseEvent.objects.create(application=cases["b4"], from_status=before, to_status=after)
    return cases
