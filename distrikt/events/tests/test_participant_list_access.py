"""Participant lists need "can see registrations": organisers see them, every look is logged."""

import csv
import importlib
import io

from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page

import openpyxl
import pytest

from distrikt.events.factories import RegistrationFactory
from distrikt.events.models import EVENT_ORGANISER_GROUP_NAME, AccessAction, ExportLog
from distrikt.events.services import ensure_organiser_group

pytestmark = pytest.mark.django_db


def staff_url(event, suffix: str = "") -> str:
    return f"/admin/arrangement/{event.pk}/{suffix}"


@pytest.fixture
def page_editor(django_user_model):
    """An editor who may edit every page, but has no right to see registrations."""
    user = django_user_model.objects.create_user("sidered", "sidered@example.org", "passord-for-test")
    group = Group.objects.create(name="Sideredaktørar")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def organiser(django_user_model):
    user = django_user_model.objects.create_user("arrangor", "arrangor@example.org", "passord-for-test")
    user.groups.add(ensure_organiser_group())
    return user


@pytest.fixture
def people(event):
    return [
        RegistrationFactory(event=event, name="Anna\x07 Aasen", organisation='=HYPERLINK("http://evil","x")'),
        RegistrationFactory(event=event, name="Berit Berg"),
    ]


@pytest.mark.parametrize("suffix", ["", "melding/"])
def test_an_editor_without_the_permission_is_refused(client, page_editor, event, people, suffix):
    assert event.permissions_for_user(page_editor).can_edit()
    client.force_login(page_editor)
    response = client.get(staff_url(event, suffix))
    assert response.status_code == 403
    assert "Arrangørar" in response.content.decode()
    assert "Anna" not in response.content.decode()
    assert client.get("/admin/arrangement/").status_code == 403
    assert client.post(staff_url(event, "eksport/csv/")).status_code == 403
    assert not ExportLog.objects.exists()


def organiser_codenames() -> set[str]:
    group = Group.objects.get(name=EVENT_ORGANISER_GROUP_NAME)
    return set(group.permissions.values_list("codename", flat=True))


def test_the_migration_creates_the_organiser_group_with_the_permission():
    Group.objects.filter(name=EVENT_ORGANISER_GROUP_NAME).delete()
    migration = importlib.import_module(
        "distrikt.events.migrations.0002_add_registration_access_permission_and_log"
    )
    migration.create_organiser_group(django_apps, None)
    assert organiser_codenames() == {"view_registrations", "access_admin"}


def test_loading_the_bundled_data_gives_the_group_back():
    Group.objects.filter(name=EVENT_ORGANISER_GROUP_NAME).delete()
    call_command("load_events", verbosity=0)
    codenames = organiser_codenames()
    assert {"view_registrations", "access_admin"} <= codenames
    assert not any(codename.startswith(("change_", "add_", "delete_")) for codename in codenames)


def test_an_organiser_sees_the_list_and_the_look_is_logged(client, organiser, event, people):
    client.force_login(organiser)
    response = client.get(staff_url(event))
    assert response.status_code == 200
    assert "Berit Berg" in response.content.decode()
    assert {"no-store", "private"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    log = ExportLog.objects.get()
    assert (log.event, log.user, log.action, log.row_count) == (
        event.page_ptr.specific,
        organiser,
        AccessAction.VIEW,
        2,
    )
    assert client.get("/admin/arrangement/").status_code == 200


def test_views_are_logged_but_not_listed_as_exports(client, organiser, event, people):
    client.force_login(organiser)
    client.post(staff_url(event, "eksport/xlsx/"))
    response = client.get(staff_url(event))
    assert [log.action for log in response.context["exports"]] == [AccessAction.EXPORT]
    assert ExportLog.objects.views().count() == 1


def test_a_control_character_in_a_name_no_longer_breaks_the_exports(client, organiser, event, people):
    client.force_login(organiser)
    excel = client.post(staff_url(event, "eksport/xlsx/"))
    assert excel.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(excel.content)).active
    assert {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"Anna Aasen", "Berit Berg"}
    organisation = next(row[3] for row in sheet.iter_rows(min_row=2) if row[1].value == "Anna Aasen")
    assert organisation.data_type == "s" and organisation.quotePrefix
    response = client.post(staff_url(event, "eksport/csv/"))
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Status", "Namn", "E-post"]
    assert {row[1] for row in rows[1:]} == {"Anna Aasen", "Berit Berg"}
    assert '\'=HYPERLINK("http://evil","x")' in {row[3] for row in rows[1:]}
    assert {row[9] for row in rows[1:]} == {"Nei"}
    assert ExportLog.objects.exports().count() == 2


def test_the_csv_export_for_machines_uses_commas(client, organiser, event, people):
    client.force_login(organiser)
    response = client.post(staff_url(event, "eksport/csv/") + "?sep=comma")
    assert response["Content-Disposition"] == f'attachment; filename="deltakarar-{event.slug}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Status", "Namn", "E-post"]
    assert {row[9] for row in rows[1:]} == {"0"}
