"""Fixtures for the Merkur tests: merchants, advisors and a shop each."""

import datetime
import importlib

from django.apps import apps
from django.contrib.auth.models import Group

import pytest

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory, ShopFactory
from distrikt.merkur.models import ADVISOR_GROUP_NAME, MANAGER_GROUP_NAME


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
