"""A generated brief: what was asked for, how far the generation has come, and its files."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

REQUEST_PERMISSION = "briefs.request_brief"


class AreaKind(models.TextChoices):
    """What a brief covers."""

    COUNTY = "county", _("Fylke")
    REGION = "region", _("Region")
    THEME = "theme", _("Kunnskapsområde")
    COUNTRY = "country", _("Heile landet")


class BriefLanguage(models.TextChoices):
    """The written standard of a brief: Nynorsk unless Bokmål is asked for."""

    NYNORSK = "nn", _("Nynorsk")
    BOKMAAL = "nb", _("Bokmål")


class BriefStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("Blir laga")
    DONE = "done", _("Ferdig")
    FAILED = "failed", _("Feila")


class BriefQuerySet(models.QuerySet):
    def done(self) -> "BriefQuerySet":
        return self.filter(status=BriefStatus.DONE)

    def newest_first(self) -> "BriefQuerySet":
        return self.order_by("-requested_at", "-pk")


class Brief(models.Model):
    """One generated brief (PDF and Excel) for an area, a period and a written standard."""

    # The list of briefs is read uncached (progress changes every second): no page to purge.
    changes_datasets = ()

    area_kind = models.CharField(_("område"), max_length=10, choices=AreaKind.choices)
    area_key = models.CharField(
        _("kode eller adressenamn"), max_length=180, blank=True, help_text=_("Tomt for heile landet.")
    )
    area_name = models.CharField(_("namn på området"), max_length=200)
    language = models.CharField(
        _("målform"), max_length=2, choices=BriefLanguage.choices, default=BriefLanguage.NYNORSK
    )
    year_from = models.PositiveSmallIntegerField(_("frå år"))
    year_to = models.PositiveSmallIntegerField(_("til år"))
    data_version = models.CharField(
        _("dataversjon"),
        max_length=64,
        db_index=True,
        help_text=_("Kva versjon av dataa dokumentet er laga frå; ny versjon gir nytt dokument."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BriefStatus.choices, default=BriefStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("framdrift (%)"), default=0)
    step = models.CharField(_("steg"), max_length=120, blank=True)
    error = models.TextField(_("feil"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="briefs/%Y/", blank=True)
    workbook = models.FileField(_("Excel-fil"), upload_to="briefs/%Y/", blank=True)
    word_count = models.PositiveIntegerField(_("ord"), null=True, blank=True)
    has_data = models.BooleanField(_("har data"), default=True)
    seconds = models.FloatField(_("sekund å lage"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestilt av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    finished_at = models.DateTimeField(_("ferdig"), null=True, blank=True)

    objects = BriefQuerySet.as_manager()

    class Meta:
        verbose_name = _("kunnskapsgrunnlag")
        verbose_name_plural = _("kunnskapsgrunnlag")
        ordering = ["-requested_at", "-pk"]
        permissions = [("request_brief", _("Kan bestille kunnskapsgrunnlag"))]
        indexes = [models.Index(fields=["area_kind", "area_key", "language", "year_from", "year_to"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_from__lte=models.F("year_to")), name="brief_period_ordered"
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="brief_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.area_name} {self.year_from}–{self.year_to} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("briefs:detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (BriefStatus.DONE, BriefStatus.FAILED)
