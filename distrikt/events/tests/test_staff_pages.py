"""Staff pages: participants and waiting list, totals, attendance, logged exports, messages."""

import csv
import io

from django.core import mail

import openpyxl
import pytest

from distrikt.events.factories import RegistrationFactory
from distrikt.events.models import ExportLog, RegistrationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(event):
    return {
        "anna": RegistrationFactory(event=event, name="Anna Aasen", dietary_needs="=SUM(A1)"),
        "berit": RegistrationFactory(event=event, name="Berit Berg"),
        "carl": RegistrationFactory(event=event, name="Carl Co", status=RegistrationStatus.WAITING),
        "dina": RegistrationFactory(event=event, name="Dina Dal", status=RegistrationStatus.CANCELLED),
    }


def staff_url(event, suffix: str = "") -> str:
    return f"/admin/arrangement/{event.pk}/{suffix}"


def test_participant_list_shows_seats_waiting_list_and_totals(editor_client, event, people):
    response = editor_client.get(staff_url(event))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anna Aasen" in html and "Carl Co" in html
    assert response.context["totals"] == {
        "confirmed": 2,
        "held": 0,
        "waiting": 1,
        "cancelled": 1,
        "attended": 0,
        "capacity": 2,
        "left": 0,
    }


def test_staff_pages_are_closed_to_anonymous_visitors(client, event, people):
    response = client.get(staff_url(event))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_staff_mark_attendance(editor_client, event, people):
    editor_client.post(staff_url(event), {"attended": [people["anna"].pk]})
    people["anna"].refresh_from_db()
    people["berit"].refresh_from_db()
    assert people["anna"].has_attended
    assert not people["berit"].has_attended
    assert editor_client.get(staff_url(event)).context["totals"]["attended"] == 1


def test_csv_export_lists_active_people_and_is_logged(editor_client, editor, event, people):
    response = editor_client.post(staff_url(event, "eksport/csv/"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    names = {row[1] for row in rows[1:]}
    assert names == {"Anna Aasen", "Berit Berg", "Carl Co"}
    assert "'=SUM(A1)" in {row[6] for row in rows[1:]}
    log = ExportLog.objects.get()
    assert (log.user, log.file_format, log.row_count) == (editor, "csv", 3)


def test_excel_export_opens_and_is_logged(editor_client, event, people):
    response = editor_client.post(staff_url(event, "eksport/xlsx/"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4
    assert ExportLog.objects.filter(file_format="xlsx").count() == 1


def test_export_by_get_is_not_possible(editor_client, event, people):
    editor_client.get(staff_url(event, "eksport/csv/"))
    assert ExportLog.objects.count() == 0


def test_message_goes_to_each_participant_separately(
    editor_client, event, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            staff_url(event, "melding/"), {"subject": "Endra rom", "body": "Vi er i rom 2."}
        )
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [people["anna"].email, people["berit"].email]
    )
    assert all("Vi er i rom 2." in message.body for message in mail.outbox)


def test_message_can_include_the_waiting_list(
    editor_client, event, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            staff_url(event, "melding/"),
            {"subject": "Info", "body": "Hei", "include_waiting_list": "on"},
        )
    assert len(mail.outbox) == 3


def test_overview_lists_events_with_totals(editor_client, event, people):
    response = editor_client.get("/admin/arrangement/")
    assert response.status_code == 200
    assert event.title in response.content.decode()


def test_services_refuse_users_who_may_not_edit_the_event(event, people, django_user_model):
    from django.core.exceptions import PermissionDenied

    from distrikt.events.services import export_participants

    outsider = django_user_model.objects.create_user("utanfor", "u@example.org", "x")
    with pytest.raises(PermissionDenied):
        export_participants(event, "csv", outsider)
    assert ExportLog.objects.count() == 0


def test_publishing_more_seats_moves_the_waiting_list_up(event, people):
    event.capacity = 3
    event.save_revision().publish()
    people["carl"].refresh_from_db()
    assert people["carl"].status == RegistrationStatus.CONFIRMED
