"""The e-mail outbox: stored first, sent after commit, retried with back-off, never lost."""

import datetime
import os
import time

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from distrikt.core.models import OutboxMessage, OutboxStatus
from distrikt.core.outbox import (
    delete_expired_mail,
    deliver,
    queue_mail,
    retry_delay,
    retry_message,
    send_due_messages,
)

pytestmark = pytest.mark.django_db

REFUSING = "distrikt.core.tests.mail_backends.RefusingBackend"
TIMING_OUT = "distrikt.core.tests.mail_backends.TimingOutBackend"


def test_mail_is_sent_only_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = queue_mail("kari@example.org", "Emne", "Tekst")
        assert mail.outbox == []
    assert [sent.to for sent in mail.outbox] == [["kari@example.org"]]
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 1


def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_mail("kari@example.org", "Emne", "Tekst")
        raise RuntimeError("rolled back")
    assert mail.outbox == []
    assert OutboxMessage.objects.count() == 0


def test_html_part_and_attachments_survive_the_outbox(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(
            ["a@example.org", "b@example.org"],
            "Emne",
            "Tekst",
            html="<p>Tekst</p>",
            reply_to=["arrangor@example.org"],
            attachments=[("møte.ics", b"BEGIN:VCALENDAR", "text/calendar")],
        )
    (sent,) = mail.outbox
    assert sent.to == ["a@example.org", "b@example.org"]
    assert sent.reply_to == ["arrangor@example.org"]
    assert sent.alternatives[0][0] == "<p>Tekst</p>"
    assert sent.attachments[0][0] == "møte.ics"
    assert sent.attachments[0][1] in (b"BEGIN:VCALENDAR", "BEGIN:VCALENDAR")


@pytest.mark.parametrize("backend", [REFUSING, TIMING_OUT])
def test_a_failed_send_is_kept_with_the_error_and_tried_again_later(
    backend, django_capture_on_commit_callbacks
):
    with (
        override_settings(EMAIL_BACKEND=backend, OUTBOX_RETRY_SECONDS=60),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = queue_mail("kari@example.org", "Emne", "Tekst")
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 1
    assert message.last_error
    assert message.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)


def test_retries_back_off_exponentially():
    with override_settings(OUTBOX_RETRY_SECONDS=60):
        assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
        assert retry_delay(30) == datetime.timedelta(hours=12)


def test_send_queued_mail_sends_only_what_is_due():
    now = timezone.now()
    with override_settings(EMAIL_BACKEND=REFUSING):
        message = queue_mail("kari@example.org", "Emne", "Tekst", now=now)
        deliver(message.pk, now)
    assert send_due_messages(now + datetime.timedelta(seconds=10)) == 0
    assert mail.outbox == []
    assert send_due_messages(now + datetime.timedelta(hours=1)) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_the_command_sends_waiting_mail():
    OutboxMessage.objects.create(to=["kari@example.org"], subject="Emne", body="Tekst")
    call_command("send_queued_mail", verbosity=0)
    assert len(mail.outbox) == 1


@override_settings(EMAIL_BACKEND=REFUSING, OUTBOX_MAX_ATTEMPTS=3)
def test_a_message_fails_for_good_after_the_maximum_attempts():
    now = timezone.now()
    message = queue_mail("kari@example.org", "Emne", "Tekst", now=now)
    for hour in range(3):
        deliver(message.pk, now + datetime.timedelta(days=hour))
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxStatus.FAILED, 3)
    assert send_due_messages(now + datetime.timedelta(days=30)) == 0


def test_staff_retry_sends_a_failed_message_again(django_capture_on_commit_callbacks):
    message = OutboxMessage.objects.create(
        to=["kari@example.org"], subject="Emne", body="Tekst", status=OutboxStatus.FAILED, attempts=8
    )
    with django_capture_on_commit_callbacks(execute=True):
        retry_message(message)
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1


def test_a_message_is_never_sent_twice():
    message = queue_mail("kari@example.org", "Emne", "Tekst")
    assert deliver(message.pk) is True
    assert deliver(message.pk) is False
    assert send_due_messages(timezone.now() + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_same_dedupe_key_is_queued_once_within_the_window():
    now = timezone.now()
    first = queue_mail("kari@example.org", "Emne", "Tekst", dedupe_key="k", now=now)
    again = queue_mail(
        "kari@example.org", "Emne", "Tekst", dedupe_key="k", now=now + datetime.timedelta(minutes=59)
    )
    later = queue_mail(
        "kari@example.org", "Emne", "Tekst", dedupe_key="k", now=now + datetime.timedelta(minutes=61)
    )
    assert first is not None and again is None and later is not None


def test_the_database_task_backend_leaves_sending_to_the_worker(django_capture_on_commit_callbacks):
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=tasks):
        with django_capture_on_commit_callbacks(execute=True):
            message = queue_mail("kari@example.org", "Emne", "Tekst")
        assert mail.outbox == []
        # What a worker does: take the stored task and run it.
        (stored,) = DBTaskResult.objects.all()
        assert stored.task_path == "distrikt.core.outbox.send_outbox_message"
        stored.task.call(*stored.args_kwargs["args"], **stored.args_kwargs["kwargs"])
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1


def test_retention_deletes_old_messages_and_old_mail_files(tmp_path):
    now = timezone.now()
    old = OutboxMessage.objects.create(
        to=["a@example.org"], subject="Gammal", body="x", created_at=now - datetime.timedelta(days=200)
    )
    new = OutboxMessage.objects.create(to=["b@example.org"], subject="Ny", body="x", created_at=now)
    old_file, new_file = tmp_path / "old.log", tmp_path / "new.log"
    old_file.write_text("To: a@example.org")
    new_file.write_text("To: b@example.org")
    long_ago = time.time() - 200 * 86400
    os.utime(old_file, (long_ago, long_ago))
    with override_settings(EMAIL_FILE_PATH=tmp_path):
        deleted = delete_expired_mail(now - datetime.timedelta(days=183))
    assert deleted == 2
    assert list(OutboxMessage.objects.values_list("pk", flat=True)) == [new.pk]
    assert not OutboxMessage.objects.filter(pk=old.pk).exists()
    assert not old_file.exists() and new_file.exists()
