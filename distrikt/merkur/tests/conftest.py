"""Fixtures for the Merkur tests: merchants, advisors and a shop each."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group

import pytest

from distrikt.merkur.factories import ShopFactory
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
