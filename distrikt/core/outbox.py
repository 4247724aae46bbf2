"""The e-mail outbox: every e-mail is stored first and sent by a task after the commit.

A request never waits for, or fails because of, the mail server: `queue_mail()` stores
the message and, once the transaction commits, enqueues `send_outbox_message`. The
immediate task backend sends it in-process right after the commit; the database backend
leaves it to a worker. A failed send is tried again with exponential back-off
(`OUTBOX_RETRY_SECONDS` doubled for each attempt) until `OUTBOX_MAX_ATTEMPTS`, then the
message is marked failed. `manage.py send_queued_mail` (or the task of the same name)
sends whatever is due, so nothing is lost if a task never ran.
"""

import base64
import datetime
import logging
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from django_tasks import task

from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

DEFAULT_DEDUPE_WINDOW = datetime.timedelta(hours=1)
MAX_BACKOFF = datetime.timedelta(hours=12)

Attachment = tuple[str, bytes | str, str]


def object_key(target: models.Model | str | None) -> str:
    """A short stable key for a model instance ("events.registration:12") or a given string."""
    if target is None:
        return ""
    if isinstance(target, str):
        return target
    return f"{target._meta.label_lower}:{target.pk}"


def _encode_attachments(attachments: Iterable[Attachment]) -> list[dict[str, str]]:
    encoded = []
    for filename, content, mimetype in attachments:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        encoded.append(
            {
                "filename": filename,
                "content": base64.b64encode(raw).decode("ascii"),
                "mimetype": mimetype,
            }
        )
    return encoded


def queue_mail(
    to: str | Sequence[str],
    subject: str,
    body: str,
    html: str | None = None,
    *,
    from_email: str | None = None,
    reply_to: Sequence[str] | None = None,
    attachments: Iterable[Attachment] = (),
    headers: dict[str, str] | None = None,
    related: models.Model | str | None = None,
    group: models.Model | str | None = None,
    dedupe_key: str = "",
    dedupe_window: datetime.timedelta = DEFAULT_DEDUPE_WINDOW,
    now: datetime.datetime | None = None,
) -> OutboxMessage | None:
    """Store an e-mail and send it after the current transaction commits.

    With a `dedupe_key`, nothing is queued (and None returned) when a message with the
    same key was queued within `dedupe_window`: the caller holds whatever lock makes the
    check and the insert one step. `headers` are extra header lines (e.g. List-Unsubscribe).
    """
    now = now or timezone.now()
    if (
        dedupe_key
        and OutboxMessage.objects.filter(dedupe_key=dedupe_key, created_at__gt=now - dedupe_window).exists()
    ):
        return None
    message = OutboxMessage.objects.create(
        to=[to] if isinstance(to, str) else list(to),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        reply_to=list(reply_to or []),
        subject=subject,
        body=body,
        html_body=html or "",
        attachments=_encode_attachments(attachments),
        headers=dict(headers or {}),
        related_key=object_key(related),
        group_key=object_key(group),
        dedupe_key=dedupe_key,
        created_at=now,
        next_attempt_at=now,
    )
    transaction.on_commit(partial(_enqueue_send, message.pk))
    return message


def _enqueue_send(message_id: int) -> None:
    # Never let the queue break the request: the row stays pending for send_queued_mail.
    try:
        send_outbox_message.enqueue(message_id)
    except Exception:
        logger.exception("Could not enqueue outbox message %s; send_queued_mail will send it.", message_id)


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the given number of failed attempts (doubling, capped)."""
    base = getattr(settings, "OUTBOX_RETRY_SECONDS", 60)
    return min(datetime.timedelta(seconds=base * 2 ** max(0, attempts - 1)), MAX_BACKOFF)


def _build_email(message: OutboxMessage) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email or None,
        to=message.to,
        reply_to=message.reply_to or None,
        headers=message.headers or None,
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    for attachment in message.attachments:
        email.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return email


def deliver(message_id: int, now: datetime.datetime | None = None) -> bool:
    """Try to send one due message once; True when it went out.

    The attempt is claimed first (attempts + 1 and the next attempt pushed back), so two
    runners never send the same message and a crashed run is retried later.
    """
    now = now or timezone.now()
    lease = now + datetime.timedelta(seconds=3 * getattr(settings, "EMAIL_TIMEOUT", 10) + 30)
    claimed = OutboxMessage.objects.filter(
        pk=message_id, status=OutboxStatus.PENDING, next_attempt_at__lte=now
    ).update(attempts=F("attempts") + 1, next_attempt_at=lease)
    if not claimed:
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        _build_email(message).send()
    except Exception as error:  # noqa: BLE001  (any backend error: keep the message and retry)
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        max_attempts = getattr(settings, "OUTBOX_MAX_ATTEMPTS", 8)
        if message.attempts >= max_attempts:
            message.status = OutboxStatus.FAILED
        else:
            message.next_attempt_at = now + retry_delay(message.attempts)
        message.save(update_fields=["last_error", "status", "next_attempt_at"])
        logger.warning("E-mail %s failed (attempt %s): %s", message.pk, message.attempts, message.last_error)
        return False
    message.status = OutboxStatus.SENT
    message.sent_at = timezone.now()
    message.last_error = ""
    message.save(update_fields=["status", "sent_at", "last_error"])
    return True


def send_due_messages(now: datetime.datetime | None = None, limit: int = 500) -> int:
    """Send every pending message whose next attempt is due; returns how many went out."""
    now = now or timezone.now()
    due = list(OutboxMessage.objects.due(now).values_list("pk", flat=True)[:limit])
    return sum(deliver(message_id, now) for message_id in due)


def retry_message(message: OutboxMessage, now: datetime.datetime | None = None) -> None:
    """Staff asked for another try of a failed or waiting message: send it after commit."""
    now = now or timezone.now()
    OutboxMessage.objects.filter(pk=message.pk).exclude(status=OutboxStatus.SENT).update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=now
    )
    transaction.on_commit(partial(_enqueue_send, message.pk))


def delete_messages_for(related_keys: Iterable[str]) -> int:
    """Delete the stored e-mails about these objects (their personal data goes with them)."""
    keys = [key for key in related_keys if key]
    if not keys:
        return 0
    deleted, _per_model = OutboxMessage.objects.filter(related_key__in=keys).delete()
    return deleted


def delete_expired_mail(cutoff: datetime.datetime) -> int:
    """Delete stored e-mails and development mail files made before the cutoff."""
    deleted, _per_model = OutboxMessage.objects.filter(created_at__lt=cutoff).delete()
    return deleted + _delete_mail_files(cutoff)


def _delete_mail_files(cutoff: datetime.datetime) -> int:
    # The file backend (development) writes one file per connection under EMAIL_FILE_PATH.
    folder = getattr(settings, "EMAIL_FILE_PATH", None)
    if not folder or not Path(folder).is_dir():
        return 0
    deleted = 0
    limit = cutoff.timestamp()
    for path in Path(folder).iterdir():
        if path.is_file() and not path.is_symlink() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


def mail_retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    days = getattr(settings, "MAIL_RETENTION_DAYS", 183)
    return (now or timezone.now()) - datetime.timedelta(days=days)


@task()
def send_outbox_message(message_id: int) -> bool:
    """Send one stored e-mail (enqueued after the commit that stored it)."""
    return deliver(message_id)


@task()
def send_queued_mail() -> int:
    """Send every stored e-mail whose next attempt is due."""
    return send_due_messages()
