"""Staff see the e-mails about an event that did not go out, and can send them again."""

from django.core import mail
from django.test import override_settings

import pytest

from distrikt.core.models import OutboxMessage, OutboxStatus

pytestmark = pytest.mark.django_db

REFUSING = "distrikt.core.tests.mail_backends.RefusingBackend"


def staff_url(event, suffix: str = "") -> str:
    return f"/admin/arrangement/{event.pk}/{suffix}"


@pytest.fixture
def failed_confirmation(event, register):
    with override_settings(EMAIL_BACKEND=REFUSING):
        registration = register(event, "kari@example.org", name="Kari Nordmann")
    return OutboxMessage.objects.get(related_key=f"events.registration:{registration.pk}")


def test_participant_page_lists_mail_that_did_not_go_out(editor_client, event, failed_confirmation):
    html = editor_client.get(staff_url(event)).content.decode()
    assert 'data-outbox-status="pending"' in html
    assert "kari@example.org" in html
    assert "ConnectionRefusedError" in html


def test_sent_mail_is_not_listed(editor_client, event, register):
    register(event, "ola@example.org")
    html = editor_client.get(staff_url(event)).content.decode()
    assert "data-outbox-status" not in html


def test_staff_can_send_a_failed_mail_again(
    editor_client, event, failed_confirmation, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(staff_url(event, f"epost/{failed_confirmation.pk}/send-igjen/"))
    assert response.status_code == 302
    failed_confirmation.refresh_from_db()
    assert failed_confirmation.status == OutboxStatus.SENT
    assert [message.to for message in mail.outbox] == [["kari@example.org"]]


def test_retry_of_another_events_mail_does_nothing(editor_client, calendar, event, failed_confirmation):
    from distrikt.events.factories import EventPageFactory

    other = EventPageFactory(parent=calendar)
    editor_client.post(staff_url(other, f"epost/{failed_confirmation.pk}/send-igjen/"))
    failed_confirmation.refresh_from_db()
    assert failed_confirmation.attempts == 1


def test_retry_is_closed_to_anonymous_visitors(client, event, failed_confirmation):
    response = client.post(staff_url(event, f"epost/{failed_confirmation.pk}/send-igjen/"))
    assert response.status_code in (302, 403)
    failed_confirmation.refresh_from_db()
    assert failed_confirmation.attempts == 1
