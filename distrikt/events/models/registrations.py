"""Registrations for events (personal data, anonymised after the retention period) and export logs."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class RegistrationStatus(models.TextChoices):
    """Where a registration stands: a seat, the waiting list, or cancelled."""

    CONFIRMED = "confirmed", _("Påmeld")
    WAITING = "waiting", _("På venteliste")
    CANCELLED = "cancelled", _("Avmeld")


ACTIVE_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]

# The group that may see participant lists (created by migration 0002 with the permission).
EVENT_ORGANISER_GROUP_NAME = "Arrangørar"
VIEW_REGISTRATIONS_PERMISSION = "events.view_registrations"


class RegistrationQuerySet(models.QuerySet):
    """Reads on registrations: by status, the waiting list in order, due reminders, expired."""

    def active(self) -> "RegistrationQuerySet":
        return self.filter(status__in=ACTIVE_STATUSES)

    def seated(self) -> "RegistrationQuerySet":
        """Every registration that takes a seat: confirmed ones and seats held for opt-in."""
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def confirmed(self) -> "RegistrationQuerySet":
        """Participants with a seat who have confirmed their e-mail (where the event asks)."""
        return self.seated().filter(is_verified=True)

    def held(self) -> "RegistrationQuerySet":
        """Seats held for people who have not yet clicked the link in the e-mail."""
        return self.seated().filter(is_verified=False)

    def unconfirmed_past_hold(self, now: datetime.datetime) -> "RegistrationQuerySet":
        return self.active().filter(is_verified=False, hold_expires_at__lt=now)

    def waiting_list(self) -> "RegistrationQuerySet":
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")

    def not_anonymised(self) -> "RegistrationQuerySet":
        return self.filter(anonymised_at__isnull=True)

    def due_for_reminder(
        self, now: datetime.datetime, lead_time: datetime.timedelta
    ) -> "RegistrationQuerySet":
        return self.confirmed().filter(
            reminder_sent_at__isnull=True,
            event__start__gt=now,
            event__start__lte=now + lead_time,
        )

    def past_retention(self, cutoff: datetime.datetime) -> "RegistrationQuerySet":
        return self.not_anonymised().filter(event__end__lt=cutoff)

    def seat_counts(self, event) -> dict[str, int | None]:
        """Totals of an event: registered, held (double opt-in), waiting, cancelled, attended, seats left.

        A held seat (confirmed but not yet verified by the person's click) takes a seat.
        """
        seated = Q(status=RegistrationStatus.CONFIRMED)
        totals: dict[str, int | None] = self.filter(event=event).aggregate(
            confirmed=Count("pk", filter=seated & Q(is_verified=True)),
            held=Count("pk", filter=seated & Q(is_verified=False)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            attended=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED, has_attended=True)),
        )
        taken = (totals["confirmed"] or 0) + (totals["held"] or 0)
        totals["capacity"] = event.capacity
        totals["left"] = None if event.capacity is None else max(0, event.capacity - taken)
        return totals


class Registration(models.Model):
    """One person's registration for one event; holds personal data until anonymised."""

    # Seats left are an uncached fragment of the event page (see events.fragments): no purge.
    changes_datasets = ()

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("arrangement"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    name = models.CharField(_("namn"), max_length=150)
    email = models.EmailField(_("e-post"), max_length=254)
    organisation = models.CharField(_("organisasjon"), max_length=200, blank=True)
    role = models.CharField(_("rolle eller stilling"), max_length=150, blank=True)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dietary_needs = models.TextField(_("matbehov"), blank=True)
    accessibility_needs = models.TextField(_("behov for tilrettelegging"), blank=True)
    answers = models.JSONField(_("svar på ekstra spørsmål"), default=list, blank=True)
    has_consented = models.BooleanField(_("samtykke til lagring"), default=False)
    language = models.CharField(_("språk"), max_length=5, default="nn")
    secret = models.CharField(max_length=64, default=new_secret, editable=False)
    has_attended = models.BooleanField(_("møtte"), default=False)
    is_verified = models.BooleanField(
        _("e-post stadfesta"),
        default=True,
        help_text=_("Usann til personen har klikka på lenka i e-posten, når arrangementet krev det."),
    )
    hold_expires_at = models.DateTimeField(_("plassen er halden til"), null=True, blank=True)
    created_at = models.DateTimeField(_("registrert"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("avmeld"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("flytta frå venteliste"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("påminning sendt"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisert"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("påmelding")
        verbose_name_plural = _("påmeldingar")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATUSES, anonymised_at__isnull=True),
                name="events_one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        permissions = [("view_registrations", _("Kan sjå påmeldingar og deltakarlister"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class AccessAction(models.TextChoices):
    """What someone did with a participant list."""

    VIEW = "view", _("Opna lista")
    EXPORT = "export", _("Eksporterte lista")


class ExportLogQuerySet(models.QuerySet):
    """Reads on the access log of participant lists."""

    def exports(self) -> "ExportLogQuerySet":
        return self.filter(action=AccessAction.EXPORT)

    def views(self) -> "ExportLogQuerySet":
        return self.filter(action=AccessAction.VIEW)


class ExportLog(models.Model):
    """Who opened or exported an event's participant list, when, and in what format."""

    changes_datasets = ()

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("arrangement"),
        on_delete=models.CASCADE,
        related_name="export_logs",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("brukar"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(
        _("handling"), max_length=10, choices=AccessAction.choices, default=AccessAction.EXPORT
    )
    file_format = models.CharField(_("format"), max_length=10, blank=True)
    row_count = models.PositiveIntegerField(_("rader"))
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)

    objects = ExportLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("innsyn i deltakarliste")
        verbose_name_plural = _("innsyn i deltakarlister")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event} {self.action} {self.file_format} {self.created_at:%Y-%m-%d %H:%M}"
