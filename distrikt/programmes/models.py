"""Development programmes (Wagtail pages) and the projects inside them with their participants.

A programme is a page: its facts (purpose, period, owner, budget, status, contact, themes,
phases) are fields, its description is the body. A project is a register entry (snippet)
tied to one programme; its participants are municipalities, regions or counties.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from distrikt.core.blocks import BodyStreamBlock
from distrikt.core.models import BasePage
from distrikt.core.page_views import view_for

# The page-cache and derived-data dataset every change of a programme or project makes stale.
DATASET = "programmes"


class ProgrammeStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    ACTIVE = "active", _("I gang")
    COMPLETED = "completed", _("Avslutta")
    UNKNOWN = "unknown", _("Ikkje registrert")


class ProgrammeIndexPage(BasePage):
    """The list of the centre's development programmes."""

    shows_datasets = (DATASET,)

    lead = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count = 1

    class Meta:
        verbose_name = _("programoversikt")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = ProgrammePage.objects.child_of(self).live().public().order_by("-start_date")
        return context


class ProgrammePage(BasePage):
    """One development programme: facts, phases, description, projects and a map of participants."""

    shows_datasets = (DATASET, "municipalities", "organisation")
    changes_datasets = (DATASET,)

    purpose = models.TextField(_("føremål"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("skildring"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("slutt"), null=True, blank=True)
    programme_owner = models.CharField(
        _("eigar"), max_length=200, help_text=_("Departementet eller verksemda som eig programmet.")
    )
    budget_nok = models.PositiveBigIntegerField(
        _("offentleg budsjett (kr)"), null=True, blank=True, help_text=_("Berre når talet er offentleg.")
    )
    budget_note = models.CharField(
        _("merknad til budsjettet"),
        max_length=300,
        blank=True,
        help_text=_("Kva budsjettet dekkjer og kvar talet kjem frå."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProgrammeStatus.choices, default=ProgrammeStatus.ACTIVE
    )
    contact = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    knowledge_areas = ParentalManyToManyField(
        "organisation.KnowledgeArea", verbose_name=_("tema"), blank=True, related_name="+"
    )
    source = models.CharField(
        _("kjelde"), max_length=300, blank=True, help_text=_("Kvar fakta om programmet er henta frå.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("programme_owner"),
                FieldPanel("budget_nok"),
                FieldPanel("budget_note"),
                FieldPanel("contact"),
                FieldPanel("knowledge_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("source"),
            ],
            heading=_("Fakta"),
        ),
        InlinePanel("phases", label=_("Fasar")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("purpose"),
        index.SearchField("body"),
        index.SearchField("programme_owner"),
    ]
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Programmet kan ikkje slutte før det startar.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(view_for(self, "context")(self))
        return context


class ProgrammePhase(Orderable):
    """A phase of a programme with its dates."""

    changes_datasets = (DATASET,)

    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("namn"), max_length=160)
    description = models.TextField(_("skildring"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("slutt"), null=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("fase")
        verbose_name_plural = _("fasar")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Fasen kan ikkje slutte før han startar.")})


class ProjectQuerySet(models.QuerySet):
    def published(self) -> "ProjectQuerySet":
        """Projects of live programmes."""
        return self.filter(programme__live=True)

    def with_participants(self) -> "ProjectQuerySet":
        return self.prefetch_related("municipalities", "regions", "counties", "milestones")


class Project(ClusterableModel):
    """A project inside a programme: who takes part, who leads it, what it aims for and achieved."""

    changes_datasets = (DATASET,)

    programme = models.ForeignKey(
        ProgrammePage, verbose_name=_("program"), on_delete=models.CASCADE, related_name="projects"
    )
    name = models.CharField(_("namn"), max_length=200)
    leader = models.CharField(_("prosjektleiar"), max_length=200, blank=True)
    goals = models.TextField(_("mål"), blank=True)
    activities = models.TextField(_("aktivitetar"), blank=True)
    results = models.TextField(_("resultat"), blank=True)
    municipalities = ParentalManyToManyField(
        "municipalities.Municipality", verbose_name=_("kommunar"), blank=True, related_name="+"
    )
    regions = ParentalManyToManyField(
        "municipalities.Region", verbose_name=_("regionar"), blank=True, related_name="+"
    )
    counties = ParentalManyToManyField(
        "municipalities.County", verbose_name=_("fylkeskommunar"), blank=True, related_name="+"
    )
    reports = ParentalManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("rapportar og døme"),
        blank=True,
        related_name="+",
        help_text=_("Publikasjonar og praksisdøme i kunnskapsbanken frå prosjektet."),
    )
    is_demo = models.BooleanField(
        _("demodata"),
        default=False,
        help_text=_("Deltakarar og resultat er oppdikta for utprøving og skal bytast ut."),
    )

    objects = ProjectQuerySet.as_manager()

    panels = [
        FieldPanel("programme"),
        FieldPanel("name"),
        FieldPanel("leader"),
        FieldPanel("goals"),
        FieldPanel("activities"),
        FieldPanel("results"),
        MultiFieldPanel(
            [FieldPanel("municipalities"), FieldPanel("regions"), FieldPanel("counties")],
            heading=_("Deltakarar"),
        ),
        FieldPanel("reports"),
        InlinePanel("milestones", label=_("Tidsline")),
        FieldPanel("is_demo"),
    ]

    class Meta:
        verbose_name = _("prosjekt")
        verbose_name_plural = _("prosjekt")
        ordering = ["programme", "name"]

    def __str__(self) -> str:
        return self.name


class ProjectMilestone(Orderable):
    """A dated step on a project's timeline."""

    changes_datasets = (DATASET,)

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("dato"), default=datetime.date.today)
    text = models.CharField(_("kva skjedde"), max_length=300)

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("milepæl")
        verbose_name_plural = _("milepælar")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date}: {self.text}"
