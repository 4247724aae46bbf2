"""Step-by-step guides (rettleiarar) any knowledge area can publish, with a printable PDF."""

from django import forms
from django.db import models
from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from distrikt.core.derived import get_or_compute
from distrikt.core.exports import download_response
from distrikt.core.models import BasePage
from distrikt.core.pdf import PDF_CONTENT_TYPE, render_pdf

from ..blocks import GuideStepBlock


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
        """The whole guide as a PDF, made once per published revision and language."""
        language = get_language() or self.language
        content = get_or_compute(
            ("pages",),
            f"guide-pdf:{self.pk}:{self.live_revision_id}",
            lambda: render_pdf(
                "knowledge/pdf/guide.html", {"page": self, "step_list": self.step_list()}, language=language
            ),
            language=language,
        )
        response: HttpResponse = download_response(content, PDF_CONTENT_TYPE, f"{self.slug}.pdf")
        response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline")
        return response
