"""Contact messages are read in the admin by the «Postmottak» group only, and never edited there."""

import importlib

from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

import pytest

from distrikt.organisation.models import CONTACT_MESSAGE_READER_GROUP_NAME, ContactMessage, Office, Person
from distrikt.organisation.services import ensure_contact_message_reader_group, send_contact_message

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/organisation/contactmessage/"


@pytest.fixture
def message(site):
    call_command("load_organisation", verbosity=0)
    return send_contact_message(
        name="Kari Nordmann",
        email="kari@kommune.no",
        phone="",
        message="Kan de halde eit føredrag for kommunestyret?",
        office=Office.objects.get(slug="sogndal"),
        knowledge_area=None,
        language="nn",
    )


@pytest.fixture
def reader(django_user_model):
    user = django_user_model.objects.create_user("postmottak", "post@example.org", "passord-for-test")
    user.groups.add(ensure_contact_message_reader_group())
    return user


@pytest.fixture
def register_editor(django_user_model):
    """An editor who keeps the staff and office registers, but may not read messages."""
    user = django_user_model.objects.create_user("registerred", "reg@example.org", "passord-for-test")
    group = Group.objects.create(name="Registerredaktørar")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for model in (Person, Office):
        for action in ("add", "change", "view"):
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="organisation", codename=f"{action}_{model._meta.model_name}"
                )
            )
    user.groups.add(group)
    return user


def reader_codenames() -> set[str]:
    group = Group.objects.get(name=CONTACT_MESSAGE_READER_GROUP_NAME)
    return set(group.permissions.values_list("codename", flat=True))


def test_the_migration_creates_the_reader_group_with_view_only():
    Group.objects.filter(name=CONTACT_MESSAGE_READER_GROUP_NAME).delete()
    migration = importlib.import_module(
        "distrikt.organisation.migrations.0003_add_contact_message_reader_group"
    )
    migration.create_reader_group(django_apps, None)
    assert reader_codenames() == {"view_contactmessage", "access_admin"}


def test_loading_the_bundled_data_gives_the_group_back(site):
    Group.objects.filter(name=CONTACT_MESSAGE_READER_GROUP_NAME).delete()
    call_command("load_organisation", verbosity=0)
    assert reader_codenames() == {"view_contactmessage", "access_admin"}


def test_a_reader_sees_the_list_with_office_and_date(client, reader, message):
    client.force_login(reader)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kari Nordmann" in body
    assert "Sogndal" in body
    assert f"{message.created_at:%Y}" in body
    assert f"{LIST_URL}inspect/{message.pk}/" in body


def test_a_reader_sees_the_whole_message_in_the_detail_view(client, reader, message):
    client.force_login(reader)
    response = client.get(f"{LIST_URL}inspect/{message.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kan de halde eit føredrag for kommunestyret?" in body
    assert "kari@kommune.no" in body


@pytest.mark.parametrize("suffix", ["", "inspect/{pk}/", "edit/{pk}/"])
def test_an_editor_without_the_permission_is_refused(client, register_editor, message, suffix):
    client.force_login(register_editor)
    assert client.get("/admin/snippets/organisation/person/").status_code == 200
    response = client.get(LIST_URL + suffix.format(pk=message.pk))
    assert response.status_code in (302, 403)
    assert "Kan de halde eit føredrag" not in response.content.decode()


@pytest.mark.parametrize("user_fixture", ["reader", "editor"])
def test_nobody_adds_edits_or_deletes_messages_in_the_admin(client, request, message, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(f"{LIST_URL}add/").status_code in (302, 403)
    assert client.get(f"{LIST_URL}edit/{message.pk}/").status_code in (302, 403)
    assert client.post(f"{LIST_URL}delete/{message.pk}/").status_code in (302, 403)
    assert ContactMessage.objects.filter(pk=message.pk).exists()
