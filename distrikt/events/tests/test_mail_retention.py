"""The retention job also removes the e-mails about expired registrations and old mail files."""

import datetime
import os
import time

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.events.factories import EventPageFactory, RegistrationFactory
from distrikt.events.services import delete_registration

pytestmark = pytest.mark.django_db


def ended_days_ago(calendar, days: int):
    end = timezone.now() - datetime.timedelta(days=days)
    return EventPageFactory(parent=calendar, start=end - datetime.timedelta(hours=3), end=end)


def mail_about(registration) -> OutboxMessage:
    return OutboxMessage.objects.create(
        to=[registration.email],
        subject="Stadfesting",
        body=f"Hei {registration.name}",
        related_key=f"events.registration:{registration.pk}",
    )


def test_mail_about_anonymised_registrations_is_deleted(calendar):
    old = RegistrationFactory(event=ended_days_ago(calendar, 200))
    recent = RegistrationFactory(event=ended_days_ago(calendar, 10))
    mail_about(old)
    kept = mail_about(recent)
    call_command("anonymise_registrations", verbosity=0)
    assert list(OutboxMessage.objects.values_list("pk", flat=True)) == [kept.pk]


@override_settings(MAIL_RETENTION_DAYS=30)
def test_the_retention_job_deletes_old_outbox_rows_and_mail_files(calendar, tmp_path):
    stale = OutboxMessage.objects.create(
        to=["a@example.org"], subject="x", body="x", created_at=timezone.now() - datetime.timedelta(days=31)
    )
    old_file, new_file = tmp_path / "20250101-old.log", tmp_path / "20260101-new.log"
    old_file.write_text("To: a@example.org")
    new_file.write_text("To: b@example.org")
    long_ago = time.time() - 31 * 86400
    os.utime(old_file, (long_ago, long_ago))
    with override_settings(EMAIL_FILE_PATH=tmp_path):
        call_command("anonymise_registrations", verbosity=0)
    assert not OutboxMessage.objects.filter(pk=stale.pk).exists()
    assert not old_file.exists()
    assert new_file.exists()


def test_deleting_a_registration_deletes_the_mail_about_it(event):
    registration = RegistrationFactory(event=event)
    mail_about(registration)
    delete_registration(registration)
    assert OutboxMessage.objects.count() == 0
