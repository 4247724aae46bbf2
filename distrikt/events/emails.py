"""E-mails to participants, in the language they registered in, with the event's .ics.

Every message goes through the outbox in core: it is stored with the registration as the
related object and the event as the group (the participant page shows what did not go
out), and sent by a task after the commit. Links start with SITE_BASE_URL.
"""

import datetime
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from distrikt.core.models import OutboxMessage
from distrikt.core.outbox import object_key, queue_mail

from .ical import calendar_bytes, page_url
from .models import EventPage, Registration
from .tokens import make_token

CONFIRMATION_INTERVAL = datetime.timedelta(hours=1)


def site_root_url() -> str:
    """The public address every e-mail link starts with."""
    return (getattr(settings, "SITE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def personal_url(registration: Registration) -> str:
    """The absolute signed link to the person's own registration page."""
    with translation.override(registration.language):
        path = reverse(
            "events:registration",
            kwargs={"pk": registration.pk, "token": make_token(registration)},
        )
    return site_root_url() + path


def event_group_key(event: EventPage) -> str:
    """The outbox group of every e-mail about one event."""
    return f"events.eventpage:{event.pk}"


def confirmation_dedupe_key(registration: Registration) -> str:
    return f"events.confirmation:{registration.pk}"


def _compose(
    registration: Registration,
    template: str,
    extra_context: dict | None = None,
    attach_ics: bool = True,
    dedupe_key: str = "",
) -> dict[str, Any]:
    """Render one e-mail into the arguments of queue_mail (no database writes)."""
    event = registration.event
    base_url = site_root_url()
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "personal_url": personal_url(registration),
            "event_url": page_url(event, base_url),
            "show_online_url": event.is_online
            and registration.status == "confirmed"
            and registration.is_verified
            and bool(event.online_url),
            **(extra_context or {}),
        }
        subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
        body = render_to_string(f"events/email/{template}.txt", context)
    attachments = []
    if attach_ics:
        attachments.append(
            (
                f"{event.slug}.ics",
                calendar_bytes([event], base_url, include_online_url=context["show_online_url"]),
                "text/calendar",
            )
        )
    return {
        "to": registration.email,
        "subject": subject,
        "body": body,
        "from_email": getattr(settings, "EVENT_EMAIL_FROM", settings.DEFAULT_FROM_EMAIL),
        "reply_to": [event.organiser_email] if event.organiser_email else None,
        "attachments": attachments,
        "related": object_key(registration),
        "group": event_group_key(event),
        "dedupe_key": dedupe_key,
        "dedupe_window": CONFIRMATION_INTERVAL,
    }


def _queue(registration: Registration, template: str, **options: Any) -> OutboxMessage | None:
    return queue_mail(**_compose(registration, template, **options))


def compose_confirmation(registration: Registration) -> dict[str, Any]:
    """The confirmation of a seat, a held seat or a waiting-list place, ready for queue_mail.

    Rendered apart from queueing so the caller can render outside its lock. Queued with a
    dedupe key: at most once an hour per registration, however often the form is posted.
    """
    return _compose(
        registration,
        "confirmation",
        extra_context={"hold_hours": getattr(settings, "EVENT_OPT_IN_HOLD_HOURS", 24)},
        attach_ics=registration.is_verified,
        dedupe_key=confirmation_dedupe_key(registration),
    )


def send_confirmation(registration: Registration) -> OutboxMessage | None:
    """Queue the confirmation (see compose_confirmation)."""
    return queue_mail(**compose_confirmation(registration))


def send_promotion(registration: Registration) -> OutboxMessage | None:
    """Tell a person on the waiting list that they now have a seat."""
    return _queue(registration, "promotion")


def send_reminder(registration: Registration) -> OutboxMessage | None:
    """Remind a participant that the event is soon."""
    return _queue(registration, "reminder")


def send_cancellation(registration: Registration) -> OutboxMessage | None:
    """Confirm that a registration has been cancelled."""
    return _queue(registration, "cancellation", attach_ics=False)


def send_staff_message(registrations: list[Registration], subject: str, body: str) -> int:
    """Queue staff's own message to each participant separately (no shared address list)."""
    for registration in registrations:
        _queue(
            registration,
            "staff_message",
            extra_context={"subject": subject, "message": body},
            attach_ics=False,
        )
    return len(registrations)
