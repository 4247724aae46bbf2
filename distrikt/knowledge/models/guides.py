"""Step-by-step guides (rettleiarar) any knowledge area can publish, with a printable PDF."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from distrikt.core.models import BasePage
from distrikt.core.page_views import view_for

from ..blocks import GuideStepBlock
from .entries import ContentType


class GuidePage(RoutablePageMixin, BasePage):
    """A step-by-step guide with a table of contents, checklists and templates, and a PDF of the whole."""

    lead = models.TextField(_("ingress"))
    steps = StreamField([("step", GuideStepBlock())], verbose_name=_("steg"), blank=True)
    knowledge_areas = ParentalManyToManyField(
        "organisation.KnowledgeArea", verbose_name=_("tema"), blank=True, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("knowledge_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("steps"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("steps")]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("rettleiar")
        verbose_name_plural = _("rettleiarar")

    def step_list(self) -> list:
        """The steps with their number and anchor, for the table of contents and the PDF."""
        return [
            {"number": number, "anchor": f"steg-{number}", "value": block.value, "id": block.id}
            for number, block in enumerate(self.steps, start=1)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["step_list"] = self.step_list()
        return context

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("pdf/")
    def pdf(self, request):
        """The whole guide as a PDF, made in the background once per published revision and language."""
        return view_for(self, "pdf")(request, self)

    def knowledge_bank_entry(self) -> dict | None:
        """The guide's row in the knowledge bank, dated by its first publication."""
        published = self.first_published_at or self.last_published_at or timezone.now()
        return {
            "content_type": ContentType.GUIDE,
            "date": timezone.localdate(published),
            "summary": self.lead,
            "knowledge_areas": list(self.knowledge_areas.all()),
        }


class GuidePdfStatus(models.TextChoices):
    """How far the PDF of one guide revision has come."""

    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("Blir laga")
    DONE = "done", _("Ferdig")
    FAILED = "failed", _("Feila")


class GuidePdf(models.Model):
    """The PDF of one published revision of a guide in one language, made by a background task."""

    # Only the PDF route reads these rows, uncached: no page to purge.
    changes_datasets = ()

    page = models.ForeignKey(
        GuidePage, verbose_name=_("rettleiar"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("versjon"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("språk"), max_length=5)
    status = models.CharField(
        _("status"), max_length=10, choices=GuidePdfStatus.choices, default=GuidePdfStatus.QUEUED
    )
    file = models.FileField(_("PDF"), upload_to="guides/pdf/%Y/", blank=True)
    error = models.TextField(_("feil"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("forsøk"), default=0)
    queued_at = models.DateTimeField(_("sett i kø"), default=timezone.now)
    finished_at = models.DateTimeField(_("ferdig"), null=True, blank=True)

    class Meta:
        verbose_name = _("PDF av rettleiar")
        verbose_name_plural = _("PDF-ar av rettleiarar")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision", "language"], name="guide_pdf_once_per_revision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id}@{self.revision_id} ({self.language}): {self.status}"

    @property
    def is_ready(self) -> bool:
        return self.status == GuidePdfStatus.DONE and bool(self.file)
