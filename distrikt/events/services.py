"""Every write on events and registrations, and the public reads other apps use.

Capacity holds under concurrency because each registration, cancellation and promotion
runs in one transaction that first locks the event's row (`select_for_update` on
PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at the start).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group, Permission, User
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from distrikt.core import exports
from distrikt.core.models import OutboxMessage
from distrikt.core.outbox import (
    delete_messages_for,
    object_key,
    queue_mail,
    retry_message,
)
from distrikt.municipalities.models import Municipality

from . import emails
from .models import (
    EVENT_ORGANISER_GROUP_NAME,
    VIEW_REGISTRATIONS_PERMISSION,
    AccessAction,
    EventPage,
    ExportLog,
    Registration,
    RegistrationStatus,
)
from .models.registrations import ACTIVE_STATUSES


class RegistrationClosedError(Exception):
    """Registration for the event is not open (not yet, deadline passed, or switched off)."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


@dataclass(frozen=True)
class RegistrationResult:
    """The registration a person has, and whether it already existed.

    For an existing registration the confirmation is sent again (at most once an hour),
    so the answer to the form can be the same for a known and an unknown address.
    """

    registration: Registration
    is_duplicate: bool


def normalise_email(email: str) -> str:
    return email.strip().lower()


# What the services read of a locked event: registration state, capacity, opt-in.
LOCKED_EVENT_FIELDS = (
    "capacity",
    "requires_opt_in",
    "is_registration_enabled",
    "registration_opens",
    "registration_deadline",
    "start",
)


def _lock_event(event: EventPage) -> EventPage:
    """The event's row, locked, with the fields capacity and state depend on read fresh."""
    return EventPage.objects.select_for_update(of=("self",)).only(*LOCKED_EVENT_FIELDS).get(pk=event.pk)


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
    """Register a person: a seat while there is one, else the waiting list; never twice.

    With double opt-in the seat (or the place in the queue) is held for
    EVENT_OPT_IN_HOLD_HOURS and counts as a participant only once the e-mailed link is used.
    """
    now = now or timezone.now()
    email = normalise_email(email)
    if not has_consented:
        raise ValueError("Consent is required to store a registration.")
    with transaction.atomic():
        locked = _lock_event(event)
        # One query for both: the active registration of this address, and the seats taken.
        seen = Registration.objects.filter(event=locked).aggregate(
            existing_id=Max(
                "pk",
                filter=Q(email=email, status__in=ACTIVE_STATUSES, anonymised_at__isnull=True),
            ),
            seated=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        )
        existing = None
        if seen["existing_id"] is not None:
            existing = Registration.objects.get(pk=seen["existing_id"])
        else:
            registration = _create_registration(
                locked,
                now,
                seen["seated"],
                name=name,
                email=email,
                organisation=organisation,
                role=role,
                municipality=municipality,
                dietary_needs=dietary_needs,
                accessibility_needs=accessibility_needs,
                answers=answers,
                language=language,
            )
    result = RegistrationResult(existing or registration, is_duplicate=existing is not None)
    # The e-mail shows the event as the caller read it (the locked copy holds a few fields).
    result.registration.event = event
    # Render outside the lock (the seat is already stored); queue under the registration's
    # lock, so the once-an-hour check and the insert are one step even when the form is
    # posted in parallel (SQLite's IMMEDIATE transaction serialises every writer anyway).
    confirmation = emails.compose_confirmation(result.registration)
    with transaction.atomic():
        if connection.features.has_select_for_update:
            still_there = (
                Registration.objects.select_for_update()
                .filter(pk=result.registration.pk)
                .values_list("pk", flat=True)
                .first()
            )
            if still_there is None:  # deleted by its owner meanwhile: nothing to confirm
                return result
        queue_mail(**confirmation)
    return result


def _create_registration(
    locked: EventPage,
    now: datetime.datetime,
    seated: int,
    *,
    name: str,
    email: str,
    organisation: str,
    role: str,
    municipality: Municipality | None,
    dietary_needs: str,
    accessibility_needs: str,
    answers: list[dict] | None,
    language: str,
) -> Registration:
    """A seat while there is one, else the waiting list; the caller holds the event lock
    and counted the `seated` registrations under it."""
    state = locked.registration_state(now)
    if state != "open":
        raise RegistrationClosedError(state)
    has_seat = locked.capacity is None or seated < locked.capacity
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
        is_verified=not locked.requires_opt_in,
        hold_expires_at=now + opt_in_hold_time() if locked.requires_opt_in else None,
    )
    return registration


def opt_in_hold_time() -> datetime.timedelta:
    return datetime.timedelta(hours=getattr(settings, "EVENT_OPT_IN_HOLD_HOURS", 24))


def confirm_registration_email(registration: Registration, now: datetime.datetime | None = None) -> bool:
    """The person clicked the link in the e-mail: a held seat now counts. False if too late."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.is_active:
            return False
        if not current.is_verified:
            current.is_verified = True
            current.hold_expires_at = None
            current.save(update_fields=["is_verified", "hold_expires_at"])
        registration.is_verified, registration.hold_expires_at = True, None
    return True


def release_unconfirmed_registrations(now: datetime.datetime | None = None) -> int:
    """Give up seats and queue places held past EVENT_OPT_IN_HOLD_HOURS without confirmation.

    Released seats go to the waiting list, as with a cancellation.
    """
    now = now or timezone.now()
    released = 0
    event_ids = set(Registration.objects.unconfirmed_past_hold(now).values_list("event_id", flat=True))
    for event in EventPage.objects.filter(pk__in=event_ids):
        with transaction.atomic():
            locked = _lock_event(event)
            count = (
                Registration.objects.unconfirmed_past_hold(now)
                .filter(event=locked)
                .update(status=RegistrationStatus.CANCELLED, cancelled_at=now)
            )
            _notify_promoted(_promote_from_waiting_list(locked, now))
        released += count
    return released


def _promote_from_waiting_list(event: EventPage, now: datetime.datetime) -> list[Registration]:
    """Give free seats to the first on the waiting list; the caller holds the event lock."""
    if now >= event.start:
        return []
    promoted = []
    seated = Registration.objects.seated().filter(event=event).count()
    while event.capacity is None or seated < event.capacity:
        first = Registration.objects.filter(event=event).waiting_list().first()
        if first is None:
            break
        first.status = RegistrationStatus.CONFIRMED
        first.promoted_at = now
        first.save(update_fields=["status", "promoted_at"])
        promoted.append(first)
        seated += 1
    return promoted


def _notify_promoted(promoted: list[Registration]) -> None:
    for registration in promoted:
        emails.send_promotion(registration)


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
        emails.send_cancellation(current)
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
        related_key = object_key(current)
        current.delete()
        delete_messages_for([related_key])
        promoted = _promote_from_waiting_list(locked, now) if had_seat else []
        _notify_promoted(promoted)
    return promoted


def can_view_registrations(user: User | AnonymousUser) -> bool:
    """Participant lists hold personal data: only event organisers (the permission) see them."""
    return user.is_active and user.has_perm(VIEW_REGISTRATIONS_PERMISSION)


def ensure_organiser_group() -> Group:
    """The «Arrangørar» group with admin access and "can see registrations" (idempotent).

    Migration events 0002 creates it; the bundled-data loader calls this too, so a
    database that lost the group gets it back.
    """
    group, _created = Group.objects.get_or_create(name=EVENT_ORGANISER_GROUP_NAME)
    app_label, codename = VIEW_REGISTRATIONS_PERMISSION.split(".")
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label=app_label, codename=codename)
            | Q(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    )
    return group


def require_staff_access(event: EventPage, user: User | AnonymousUser) -> None:
    """Only users with "can see registrations" may see or change an event's participants.

    Editing the event page is not enough: editors and moderators without the permission
    are refused.
    """
    if not can_view_registrations(user):
        raise PermissionDenied


def log_participant_list_view(event: EventPage, user: User, row_count: int) -> ExportLog:
    """Record that the user opened the event's participant list (who, when, how many rows)."""
    require_staff_access(event, user)
    return ExportLog.objects.create(event=event, user=user, action=AccessAction.VIEW, row_count=row_count)


def set_attendance(event: EventPage, attended_ids: set[int], user: User) -> int:
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
    user: User,
    include_waiting_list: bool = False,
) -> int:
    """Send staff's message to every confirmed participant (and the waiting list if asked)."""
    require_staff_access(event, user)
    statuses = [RegistrationStatus.CONFIRMED]
    if include_waiting_list:
        statuses.append(RegistrationStatus.WAITING)
    recipients = list(
        Registration.objects.not_anonymised()
        .filter(event=event, status__in=statuses, is_verified=True)
        .select_related("event")
    )
    return emails.send_staff_message(recipients, subject, body)


def undelivered_mail(event: EventPage) -> list[OutboxMessage]:
    """E-mails about the event that have not gone out yet (waiting for a retry, or failed)."""
    return list(
        OutboxMessage.objects.in_group(emails.event_group_key(event))
        .undelivered()
        .order_by("-created_at", "-pk")[:200]
    )


def retry_event_mail(event: EventPage, message_id: int, user: User | AnonymousUser) -> bool:
    """Staff ask for one undelivered e-mail about their event to be sent again now."""
    require_staff_access(event, user)
    message = (
        OutboxMessage.objects.in_group(emails.event_group_key(event))
        .undelivered()
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        return False
    retry_message(message)
    return True


def seat_counts(event: EventPage) -> dict[str, int | None]:
    """Totals of an event: registered, waiting, cancelled, attended, and seats left."""
    return Registration.objects.seat_counts(event)


EXPORT_COLUMNS = [
    _("Status"),
    _("Namn"),
    _("E-post"),
    _("Organisasjon"),
    _("Rolle"),
    _("Kommune"),
    _("Matbehov"),
    _("Tilrettelegging"),
    _("Svar"),
    _("Møtte"),
    _("Registrert"),
]


def participant_table(event: EventPage) -> exports.Table:
    """The event's active registrations (seats, then the waiting list) as an export table."""
    registrations = (
        Registration.objects.not_anonymised()
        .filter(event=event)
        .active()
        .select_related("municipality")
        .order_by("status", "created_at", "pk")
    )
    rows: list[list[exports.Cell]] = [
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
                f"{answer.get('question', '')}: {answer.get('answer', '')}" for answer in registration.answers
            ),
            registration.has_attended,
            registration.created_at,
        ]
        for registration in registrations
    ]
    return exports.Table(
        title=str(_("Deltakarar")), header=[str(label) for label in EXPORT_COLUMNS], rows=rows
    )


def export_participants(
    event: EventPage,
    file_format: str,
    user: User,
    dialect: exports.CsvDialect = exports.NORWEGIAN_EXCEL,
) -> tuple[bytes, str, str]:
    """The participant list as CSV or Excel, logged with who exported it and when.

    Returns the content, a file name without extension and the content type.
    """
    require_staff_access(event, user)
    table = participant_table(event)
    rows = list(table.rows)
    content, content_type = exports.render_export([table], file_format, dialect)
    row_count = len(rows)
    ExportLog.objects.create(
        event=event, user=user, action=AccessAction.EXPORT, file_format=file_format, row_count=row_count
    )
    return content, f"deltakarar-{event.slug}", content_type


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
    """Remove the personal data of registrations for events that ended before the cutoff.

    The e-mails sent about them go too (every other stored e-mail and mail file goes by
    the rule `core.mail`, after MAIL_RETENTION_DAYS).
    """
    now = now or timezone.now()
    with transaction.atomic():
        expired = Registration.objects.past_retention(retention_cutoff(now))
        delete_messages_for(object_key(registration) for registration in expired.only("pk"))
        return expired.update(
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
    starting_before: datetime.datetime | None = None,
) -> list[EventPage]:
    """Upcoming published events, optionally for some target groups or knowledge areas,
    and only those that start before a given time (a newsletter's coming period)."""
    events = EventPage.objects.live().public().upcoming()
    if starting_before is not None:
        events = events.filter(start__lt=starting_before)
    if target_group_slugs:
        events = events.with_target_groups(target_group_slugs)
    if knowledge_area_slugs:
        events = events.with_knowledge_areas(knowledge_area_slugs)
    return list(events.select_related("office", "municipality").order_by("start", "pk")[:limit])
