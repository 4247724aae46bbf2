"""E-mails to participants, in the language they registered in, with the event's .ics."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .ical import calendar_bytes
from .models import EventPage, Registration
from .tokens import make_token


def site_root_url(event: EventPage) -> str:
    site = event.get_site()
    if site is not None:
        return site.root_url
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def personal_url(registration: Registration) -> str:
    """The absolute signed link to the person's own registration page."""
    with translation.override(registration.language):
        path = reverse(
            "events:registration",
            kwargs={"pk": registration.pk, "token": make_token(registration)},
        )
    return site_root_url(registration.event) + path


def _message(
    registration: Registration,
    template: str,
    extra_context: dict | None = None,
    attach_ics: bool = True,
) -> EmailMessage:
    event = registration.event
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "personal_url": personal_url(registration),
            "event_url": event.get_full_url() or "",
            "show_online_url": event.is_online
            and registration.status == "confirmed"
            and bool(event.online_url),
            **(extra_context or {}),
        }
        subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
        body = render_to_string(f"events/email/{template}.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=getattr(settings, "EVENT_EMAIL_FROM", settings.DEFAULT_FROM_EMAIL),
        to=[registration.email],
        reply_to=[event.organiser_email] if event.organiser_email else None,
    )
    if attach_ics:
        message.attach(
            f"{event.slug}.ics",
            calendar_bytes(
                [event],
                site_root_url(event),
                include_online_url=context["show_online_url"],
            ),
            "text/calendar",
        )
    return message


def send_confirmation(registration: Registration) -> None:
    """Confirm a seat or a place on the waiting list, with the .ics and the personal link."""
    _message(registration, "confirmation").send()


def send_promotion(registration: Registration) -> None:
    """Tell a person on the waiting list that they now have a seat."""
    _message(registration, "promotion").send()


def send_reminder(registration: Registration) -> None:
    """Remind a participant that the event is soon."""
    _message(registration, "reminder").send()


def send_cancellation(registration: Registration) -> None:
    """Confirm that a registration has been cancelled."""
    _message(registration, "cancellation", attach_ics=False).send()


def send_staff_message(registrations: list[Registration], subject: str, body: str) -> int:
    """Send staff's own message to each participant separately (no shared address list)."""
    messages = [
        _message(
            registration,
            "staff_message",
            extra_context={"subject": subject, "message": body},
            attach_ics=False,
        )
        for registration in registrations
    ]
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
