"""The register of research the centre commissions (FoU-oppdrag), with its deliverables."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..validators import validate_organisation_number

# The report pages show their commission: a change of the register purges them.
RESEARCH_DATASET = "knowledge-research"


class CommissionStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    ORDERED = "ordered", _("Bestilt")
    IN_PROGRESS = "in_progress", _("Under arbeid")
    DELIVERED = "delivered", _("Levert")
    PUBLISHED = "published", _("Publisert")
    CANCELLED = "cancelled", _("Avlyst")


# From these statuses on, the commission has been ordered and must say when.
ORDERED_STATUSES = (
    CommissionStatus.ORDERED,
    CommissionStatus.IN_PROGRESS,
    CommissionStatus.DELIVERED,
    CommissionStatus.PUBLISHED,
)
DELIVERED_STATUSES = (CommissionStatus.DELIVERED, CommissionStatus.PUBLISHED)


class ResearchCommissionQuerySet(models.QuerySet):
    def due_for_reminder(self, today: datetime.date, lead_days: int) -> "ResearchCommissionQuerySet":
        """Ongoing commissions due within `lead_days` whose responsible person has not been told."""
        return (
            self.ongoing()
            .filter(due_on__isnull=False, due_on__lte=today + datetime.timedelta(days=lead_days))
            .exclude(reminded_for_due_on=models.F("due_on"))
        )

    def ongoing(self) -> "ResearchCommissionQuerySet":
        return self.filter(status__in=(CommissionStatus.ORDERED, CommissionStatus.IN_PROGRESS))

    def completed(self) -> "ResearchCommissionQuerySet":
        return self.filter(status__in=DELIVERED_STATUSES)

    def ordered_in(self, year: int) -> "ResearchCommissionQuerySet":
        return self.filter(ordered_on__year=year)

    def delivered_in(self, year: int) -> "ResearchCommissionQuerySet":
        return self.filter(delivered_on__year=year)


class ResearchCommission(models.Model):
    """A research and development assignment (FoU-oppdrag) the centre has ordered from an institution."""

    changes_datasets = (RESEARCH_DATASET,)

    title = models.CharField(_("tittel"), max_length=255)
    question = models.TextField(_("problemstilling"))
    institution = models.CharField(_("forskingsinstitusjon"), max_length=200)
    institution_organisation_number = models.CharField(
        _("organisasjonsnummer til institusjonen"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Ni siffer frå Einingsregisteret."),
    )
    contact_name = models.CharField(_("kontaktperson hos institusjonen"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-post til kontaktpersonen"), blank=True)
    responsible = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("ansvarleg hos Distriktssenteret"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    budget = models.DecimalField(
        _("budsjett (kr)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    ordered_on = models.DateField(_("bestilt dato"), null=True, blank=True)
    due_on = models.DateField(_("frist"), null=True, blank=True)
    delivered_on = models.DateField(_("levert dato"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=CommissionStatus.choices, default=CommissionStatus.PLANNED
    )
    reminded_for_due_on = models.DateField(
        _("påminning sendt for fristen"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Fristen den ansvarlege sist vart mint på; ein ny frist gir ny påminning."),
    )
    themes = models.ManyToManyField(
        "organisation.KnowledgeArea", verbose_name=_("tema"), blank=True, related_name="+"
    )

    objects = ResearchCommissionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("question"),
        MultiFieldPanel(
            [
                FieldPanel("institution"),
                FieldPanel("institution_organisation_number"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
            ],
            heading=_("Institusjon"),
        ),
        FieldPanel("responsible"),
        FieldPanel("budget"),
        FieldRowPanel(
            [FieldPanel("ordered_on"), FieldPanel("due_on"), FieldPanel("delivered_on")], heading=_("Datoar")
        ),
        FieldPanel("status"),
        FieldPanel("themes"),
    ]

    class Meta:
        verbose_name = _("FoU-oppdrag")
        verbose_name_plural = _("FoU-oppdrag")
        ordering = ["-ordered_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="research_commission_budget_not_negative",
                violation_error_message=_("Budsjettet kan ikkje vere negativt."),
            ),
            models.CheckConstraint(
                condition=Q(delivered_on__isnull=True)
                | (Q(ordered_on__isnull=False) & Q(delivered_on__gte=models.F("ordered_on"))),
                name="research_commission_delivered_after_ordered",
                violation_error_message=_("Oppdraget kan ikkje vere levert før det vart bestilt."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        if self.delivered_on and not self.ordered_on:
            errors.setdefault("ordered_on", []).append(_("Eit levert oppdrag må ha bestilt dato."))
        if self.delivered_on and self.ordered_on and self.delivered_on < self.ordered_on:
            errors.setdefault("delivered_on", []).append(
                _("Oppdraget kan ikkje vere levert før det vart bestilt.")
            )
        if self.due_on and self.ordered_on and self.due_on < self.ordered_on:
            errors.setdefault("due_on", []).append(_("Fristen kan ikkje vere før oppdraget vart bestilt."))
        if self.status in ORDERED_STATUSES and not self.ordered_on:
            errors.setdefault("ordered_on", []).append(_("Skriv når oppdraget vart bestilt."))
        if self.status in DELIVERED_STATUSES and not self.delivered_on:
            errors.setdefault("delivered_on", []).append(_("Skriv når oppdraget vart levert."))
        if self.status == CommissionStatus.PUBLISHED and self.pk and not self.deliverables():
            errors.setdefault("status", []).append(
                _("Eit publisert oppdrag må ha minst ein publisert rapport i kunnskapsbanken.")
            )
        if errors:
            raise ValidationError(errors)

    def deliverables(self) -> list:
        """The live knowledge-bank pages (reports, publications) this commission delivered."""
        reports = list(self.research_reports.live().specific())
        publications = list(self.publications.live().specific())
        return sorted([*reports, *publications], key=lambda page: (page.date, page.pk))
