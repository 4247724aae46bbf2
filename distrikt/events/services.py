"""Every write on events and registrations, and the public reads other apps use.

Capacity holds under concurrency because each registration, cancellation and promotion
runs in one transaction that first locks the event's row (`select_for_update` on
PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at the start).
"""

import csv
import datetime
import io
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from distrikt.municipalities.models import Municipality

from . import emails
from .models import (
    EventPage,
    ExportLog,
    Registration,
    RegistrationStatus,
)


class RegistrationClosedError(Exception):
    """Registration for the event is not open (not yet, deadline passed, or switched off)."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


@dataclass(frozen=True)
class RegistrationResult:
    """The registration a person has, and whether it already existed."""

    registration: Registration
    is_duplicate: bool


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _lock_event(event: EventPage) -> EventPage:
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def register_for_event(
    event: EventPage,
    *,
    name: str,
    email: str,
    has_consented: bool,
    organisation: str = "",
    role: str = "",
    municipality: Municipality | None = None,
    dietary_needs: str = "",
    accessibility_needs: str = "",
    answers: list[dict] | None = None,
    language: str = "nn",
    now: datetime.datetime | None = None,
) -> RegistrationResult:
    """Register a person: a seat while there is one, else the waiting list; never twice."""
    now = now or timezone.now()
    email = normalise_email(email)
    if not has_consented:
        raise ValueError("Consent is required to store a registration.")
    with transaction.atomic():
        locked = _lock_event(event)
        existing = Registration.objects.active().not_anonymised().filter(event=locked, email=email).first()
        if existing is not None:
            return RegistrationResult(existing, is_duplicate=True)
        state = locked.registration_state(now)
        if state != "open":
            raise RegistrationClosedError(state)
        confirmed = Registration.objects.confirmed().filter(event=locked).count()
        has_seat = locked.capacity is None or confirmed < locked.capacity
        registration = Registration.objects.create(
            event=locked,
            status=RegistrationStatus.CONFIRMED if has_seat else RegistrationStatus.WAITING,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            role=role.strip(),
            municipality=municipality,
            dietary_needs=dietary_needs.strip(),
            accessibility_needs=accessibility_needs.strip(),
            answers=answers or [],
            has_consented=True,
            language=language if language in {"nn", "nb", "en"} else "nn",
            created_at=now,
        )
        transaction.on_commit(lambda: emails.send_confirmation(registration))
    return RegistrationResult(registration, is_duplicate=False)


def resend_confirmation(registration: Registration) -> None:
    """Send the confirmation again (the person tried to register a second time)."""
    emails.send_confirmation(registration)


def _promote_from_waiting_list(event: EventPage, now: datetime.datetime) -> list[Registration]:
    """Give free seats to the first on the waiting list; the caller holds the event lock."""
    if now >= event.start:
        return []
    promoted = []
    confirmed = Registration.objects.confirmed().filter(event=event).count()
    while event.capacity is None or confirmed < event.capacity:
        first = Registration.objects.filter(event=event).waiting_list().first()
        if first is None:
            break
        first.status = RegistrationStatus.CONFIRMED
        first.promoted_at = now
        first.save(update_fields=["status", "promoted_at"])
        promoted.append(first)
        confirmed += 1
    return promoted


def _notify_promoted(promoted: list[Registration]) -> None:
    for registration in promoted:
        transaction.on_commit(partial(emails.send_promotion, registration))


def fill_free_seats(event: EventPage, now: datetime.datetime | None = None) -> list[Registration]:
    """Promote from the waiting list after capacity was raised."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(event)
        promoted = _promote_from_waiting_list(locked, now)
        _notify_promoted(promoted)
    return promoted


def cancel_registration(
    registration: Registration, now: datetime.datetime | None = None
) -> list[Registration]:
    """Cancel a registration; a freed seat goes to the first on the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.is_active:
            return []
        had_seat = current.status == RegistrationStatus.CONFIRMED
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        registration.status, registration.cancelled_at = current.status, now
        promoted = _promote_from_waiting_list(locked, now) if had_seat else []
        _notify_promoted(promoted)
        transaction.on_commit(lambda: emails.send_cancellation(current))
    return promoted


def delete_registration(
    registration: Registration, now: datetime.datetime | None = None
) -> list[Registration]:
    """Delete a person's registration and its data at their request; frees the seat."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        had_seat = current.status == RegistrationStatus.CONFIRMED
        current.delete()
        promoted = _promote_from_waiting_list(locked, now) if had_seat else []
        _notify_promoted(promoted)
    return promoted


def require_staff_access(event: EventPage, user: AbstractBaseUser) -> None:
    """Only those who may edit the event page may see or change its participants."""
    if not event.permissions_for_user(user).can_edit():
        raise PermissionDenied


def set_attendance(event: EventPage, attended_ids: set[int], user: AbstractBaseUser) -> int:
    """Mark who came among the event's confirmed participants; returns how many attended."""
    require_staff_access(event, user)
    with transaction.atomic():
        participants = Registration.objects.confirmed().filter(event=event)
        participants.filter(pk__in=attended_ids).update(has_attended=True)
        participants.exclude(pk__in=attended_ids).update(has_attended=False)
    return len(attended_ids)


def message_participants(
    event: EventPage,
    subject: str,
    body: str,
    user: AbstractBaseUser,
    include_waiting_list: bool = False,
) -> int:
    """Send staff's message to every confirmed participant (and the waiting list if asked)."""
    require_staff_access(event, user)
    statuses = [RegistrationStatus.CONFIRMED]
    if include_waiting_list:
        statuses.append(RegistrationStatus.WAITING)
    recipients = list(
        Registration.objects.not_anonymised().filter(event=event, status__in=statuses).select_related("event")
    )
    return emails.send_staff_message(recipients, subject, body)


def seat_counts(event: EventPage) -> dict[str, int | None]:
    """Totals of an event: registered, waiting, cancelled, attended, and seats left."""
    return Registration.objects.seat_counts(event)


EXPORT_COLUMNS = [
    ("status", "Status"),
    ("name", "Namn"),
    ("email", "E-post"),
    ("organisation", "Organisasjon"),
    ("role", "Rolle"),
    ("municipality", "Kommune"),
    ("dietary_needs", "Matbehov"),
    ("accessibility_needs", "Tilrettelegging"),
    ("answers", "Svar"),
    ("has_attended", "Møtte"),
    ("created_at", "Registrert"),
]


def _export_rows(event: EventPage) -> list[list[str]]:
    rows = []
    registrations = (
        Registration.objects.not_anonymised()
        .filter(event=event)
        .active()
        .select_related("municipality")
        .order_by("status", "created_at", "pk")
    )
    for registration in registrations:
        rows.append(
            [
                registration.get_status_display(),
                registration.name,
                registration.email,
                registration.organisation,
                registration.role,
                registration.municipality.name if registration.municipality else "",
                registration.dietary_needs,
                registration.accessibility_needs,
                "; ".join(
                    f"{answer.get('question', '')}: {answer.get('answer', '')}"
                    for answer in registration.answers
                ),
                "ja" if registration.has_attended else "",
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return rows


def _safe_cell(value: str) -> str:
    # Spreadsheet programs run cells that start with these as formulas.
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def export_participants(event: EventPage, file_format: str, user: User) -> tuple[bytes, str, str]:
    """The participant list as CSV or Excel, logged with who exported it and when."""
    require_staff_access(event, user)
    header = [label for _field, label in EXPORT_COLUMNS]
    rows = [[_safe_cell(cell) for cell in row] for row in _export_rows(event)]
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
        content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
        content_type = "text/csv; charset=utf-8"
    elif file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Deltakarar"
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        output = io.BytesIO()
        workbook.save(output)
        content = output.getvalue()
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise ValueError(f"Unknown export format: {file_format}")
    ExportLog.objects.create(event=event, user=user, file_format=file_format, row_count=len(rows))
    return content, f"deltakarar-{event.slug}.{file_format}", content_type


def reminder_lead_time() -> datetime.timedelta:
    return datetime.timedelta(hours=getattr(settings, "EVENT_REMINDER_HOURS", 24))


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Send the reminder to every confirmed participant of events starting soon, once."""
    now = now or timezone.now()
    sent = 0
    due = Registration.objects.not_anonymised().due_for_reminder(now, reminder_lead_time())
    for registration in due.select_related("event"):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
            emails.send_reminder(registration)
        sent += 1
    return sent


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    days = getattr(settings, "EVENT_REGISTRATION_RETENTION_DAYS", 183)
    return (now or timezone.now()) - datetime.timedelta(days=days)


def anonymise_expired_registrations(now: datetime.datetime | None = None) -> int:
    """Remove the personal data of registrations for events that ended before the cutoff."""
    now = now or timezone.now()
    with transaction.atomic():
        return Registration.objects.past_retention(retention_cutoff(now)).update(
            name="",
            email="",
            organisation="",
            role="",
            dietary_needs="",
            accessibility_needs="",
            answers=[],
            anonymised_at=now,
        )


def upcoming_events_for(
    *,
    target_group_slugs: list[str] | None = None,
    knowledge_area_slugs: list[str] | None = None,
    limit: int = 5,
) -> list[EventPage]:
    """Upcoming published events, optionally for some target groups or knowledge areas."""
    events = EventPage.objects.live().public().upcoming()
    if target_group_slugs:
        events = events.with_target_groups(target_group_slugs)
    if knowledge_area_slugs:
        events = events.with_knowledge_areas(knowledge_area_slugs)
    return list(events.select_related("office", "municipality").order_by("start", "pk")[:limit])
