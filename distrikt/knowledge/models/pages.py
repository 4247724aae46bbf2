"""The knowledge bank's pages: the index, one theme per knowledge area, and the content types."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from distrikt.core.blocks import BodyStreamBlock
from distrikt.core.models import BasePage
from distrikt.core.page_views import view_for

from ..blocks import RelatedContentBlock
from ..forms import PdfUploadPageForm
from ..validators import validate_isbn, validate_issn
from .entries import DATASET, ContentType
from .followups import FOLLOW_UP_DATASET, FOLLOW_UP_YEARS, milestone_date
from .research import RESEARCH_DATASET

CONTENT_PAGE_TYPES = [
    "knowledge.ArticlePage",
    "knowledge.PublicationPage",
    "knowledge.FilmPage",
    "knowledge.PracticalExamplePage",
    "knowledge.ResearchReportPage",
]


class KnowledgeIndexPage(RoutablePageMixin, BasePage):
    """The knowledge bank's front: every piece of knowledge with filters, counts and feeds."""

    shows_datasets = (DATASET, "events", "organisation", RESEARCH_DATASET)
    cache_query_params = (
        "q",
        "sort",
        "page",
        "tema",
        "type",
        "malgruppe",
        "fylke",
        "kommune",
        "ar",
        "oppfolging",
    )

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["knowledge.ThemePage", *CONTENT_PAGE_TYPES, "knowledge.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = _("kunnskapsbank")

    @path("")
    def entry_list(self, request):
        return view_for(self, "entry_list")(request, self)

    @path("rss/")
    def rss_feed(self, request):
        return view_for(self, "feed")(request, self, kind="rss")

    @path("fou-oppdrag/")
    def research_commissions(self, request):
        return view_for(self, "research_commissions")(request, self)

    @path("fou-oppdrag/last-ned/")
    def research_commissions_export(self, request):
        return view_for(self, "research_commissions_export")(request, self)

    @path("atom/")
    def atom_feed(self, request):
        return view_for(self, "feed")(request, self, kind="atom")


class ThemePage(RoutablePageMixin, BasePage):
    """One knowledge area: an introduction, its experts and everything tagged with it."""

    shows_datasets = (DATASET, "organisation")

    knowledge_area = models.OneToOneField(
        "organisation.KnowledgeArea",
        verbose_name=_("kunnskapsområde"),
        on_delete=models.PROTECT,
        related_name="theme_page",
    )
    lead = models.TextField(_("introduksjon"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("knowledge_area"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("temaside")
        verbose_name_plural = _("temasider")

    @path("")
    def theme(self, request):
        return view_for(self, "theme")(request, self)

    @path("rss/")
    def rss_feed(self, request):
        return view_for(self, "feed")(request, self, kind="rss")

    @path("atom/")
    def atom_feed(self, request):
        return view_for(self, "feed")(request, self, kind="atom")


class KnowledgePage(BasePage):
    """Fields every knowledge-bank page shares: lead, body, date, tags, authors, related."""

    content_type_code = ContentType.ARTICLE

    lead = models.TextField(_("ingress"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)
    date = models.DateField(_("dato"), default=datetime.date.today)
    authors = ParentalManyToManyField(
        "organisation.Person",
        verbose_name=_("forfattarar"),
        blank=True,
        related_name="+",
    )
    knowledge_areas = ParentalManyToManyField(
        "organisation.KnowledgeArea",
        verbose_name=_("tema"),
        blank=True,
        related_name="+",
    )
    target_groups = ParentalManyToManyField(
        "organisation.TargetGroup",
        verbose_name=_("målgrupper"),
        blank=True,
        related_name="+",
    )
    municipalities = ParentalManyToManyField(
        "municipalities.Municipality",
        verbose_name=_("kommunar"),
        blank=True,
        related_name="+",
    )
    counties = ParentalManyToManyField(
        "municipalities.County",
        verbose_name=_("fylke"),
        blank=True,
        related_name="+",
    )
    related = StreamField(
        [("page", RelatedContentBlock())],
        verbose_name=_("relatert innhald"),
        blank=True,
    )
    is_demo = models.BooleanField(
        _("demoinnhald"),
        default=False,
        help_text=_("Skrive for utprøving; blir bytt ut med ekte innhald."),
    )

    tagging_panels = [
        MultiFieldPanel(
            [
                FieldPanel("knowledge_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("municipalities"),
                FieldPanel("counties"),
            ],
            heading=_("Merking"),
        ),
        FieldPanel("related"),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    def knowledge_bank_entry(self) -> dict | None:
        """This page's row in the knowledge bank (see `KnowledgeEntry`)."""
        return {
            "content_type": self.content_type_code,
            "date": self.date,
            "summary": self.lead,
            "knowledge_areas": list(self.knowledge_areas.all()),
            "target_groups": list(self.target_groups.all()),
            "municipalities": list(self.municipalities.all()),
            "counties": list(self.counties.all()),
            "is_demo": self.is_demo,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_type_label"] = ContentType(self.content_type_code).label
        context["related_pages"] = [
            block.value.specific for block in self.related if block.value is not None and block.value.live
        ]
        return context


def _content_panels(*fields: str) -> list:
    return [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("date"),
        FieldPanel("authors"),
        *(FieldPanel(name) for name in fields),
        FieldPanel("body"),
        *KnowledgePage.tagging_panels,
    ]


class ArticlePage(KnowledgePage):
    """A web article (nettartikkel) written by the centre's staff."""

    content_type_code = ContentType.ARTICLE
    content_panels = _content_panels()

    class Meta:
        verbose_name = _("artikkel")
        verbose_name_plural = _("artiklar")


class PdfDocumentMixin(models.Model):
    """A PDF in the document library, checked to be a real PDF within the size limit."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF-dokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    download_count = models.PositiveIntegerField(_("tal på nedlastingar"), default=0, editable=False)

    base_form_class = PdfUploadPageForm

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.document_id and not self.document.file.name.lower().endswith(".pdf"):
            raise ValidationError({"document": _("Dokumentet må vere ein PDF.")}, code="not_pdf")

    @path("last-ned/")
    def download(self, request):
        if self.document is None:
            raise Http404
        type(self).objects.filter(pk=self.pk).update(download_count=F("download_count") + 1)
        return redirect(self.document.url)


class PublicationKind(models.TextChoices):
    """The forms a publication comes in."""

    BOOKLET = "booklet", _("Hefte")
    REPORT = "report", _("Rapport")
    GUIDE = "guide", _("Rettleiar")


class PublicationPage(RoutablePageMixin, PdfDocumentMixin, KnowledgePage):
    """A booklet, report or guide with its PDF, publisher and identifiers."""

    content_type_code = ContentType.PUBLICATION

    kind = models.CharField(
        _("type publikasjon"),
        max_length=20,
        choices=PublicationKind.choices,
        default=PublicationKind.REPORT,
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("framsidebilete"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publisher = models.CharField(_("utgjevar"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, validators=[validate_isbn])
    issn = models.CharField(_("ISSN"), max_length=12, blank=True, validators=[validate_issn])
    research_institution = models.CharField(_("forskingsinstitusjon"), max_length=200, blank=True)
    commissioned_by_centre = models.BooleanField(_("bestilt av Distriktssenteret"), default=False)
    commission = models.ForeignKey(
        "knowledge.ResearchCommission",
        verbose_name=_("FoU-oppdrag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        help_text=_("Oppdraget i FoU-registeret som dette er leveransen frå."),
    )

    content_panels = [
        *_content_panels(),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("cover_image"),
                FieldPanel("document"),
                FieldPanel("pdf_upload"),
                FieldPanel("publisher"),
                FieldPanel("year"),
                FieldPanel("isbn"),
                FieldPanel("issn"),
                FieldPanel("research_institution"),
                FieldPanel("commissioned_by_centre"),
                FieldPanel("commission"),
            ],
            heading=_("Om publikasjonen"),
        ),
    ]
    search_fields = [
        *KnowledgePage.search_fields,
        index.SearchField("publisher"),
        index.SearchField("research_institution"),
    ]

    class Meta:
        verbose_name = _("publikasjon")
        verbose_name_plural = _("publikasjonar")

    def __str__(self) -> str:
        return self.title

    @path("")
    def publication(self, request):
        return self.render(request)


class FilmPage(KnowledgePage):
    """A film with a privacy-friendly embed and a full transcript."""

    content_type_code = ContentType.FILM

    video_url = models.URLField(
        _("adresse til videoen"),
        blank=True,
        help_text=_(
            "Til dømes ei YouTube- eller Vimeo-adresse. Blir henta først når lesaren vel å spele av."
        ),
    )
    duration = models.DurationField(_("lengd"), null=True, blank=True, help_text=_("Til dømes 00:12:30."))
    transcript = models.TextField(
        _("transkripsjon"),
        help_text=_("Heile teksten i filmen. Påkravd, slik at alle får med seg innhaldet."),
    )

    content_panels = _content_panels("video_url", "duration", "transcript")
    search_fields = [*KnowledgePage.search_fields, index.SearchField("transcript")]

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("filmar")

    @property
    def duration_minutes(self) -> int | None:
        if self.duration is None:
            return None
        return max(1, round(self.duration.total_seconds() / 60))

    def get_context(self, request, *args, **kwargs):
        from ..embeds import embed_for

        context = super().get_context(request, *args, **kwargs)
        context["embed"] = embed_for(self.video_url)
        return context


class PracticalExamplePage(KnowledgePage):
    """What a municipality or region did, why and how, what came of it and what it cost."""

    content_type_code = ContentType.EXAMPLE
    shows_datasets = (FOLLOW_UP_DATASET,)

    why = models.TextField(_("kvifor"), blank=True)
    how = models.TextField(_("korleis"), blank=True)
    results = models.TextField(_("kva det førte til"), blank=True)
    cost = models.TextField(
        _("kostnad"),
        blank=True,
        help_text=_("Kva det kosta og kven som betalte, slik kjelda oppgir det."),
    )
    lessons = models.TextField(_("lærdommar"), blank=True)
    contact_person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_text = models.CharField(
        _("kontakt i kommunen"),
        max_length=300,
        blank=True,
        help_text=_("Namn, rolle og e-post til ein kontaktperson lokalt."),
    )

    content_panels = _content_panels(
        "why", "how", "results", "cost", "lessons", "contact_person", "contact_text"
    )
    search_fields = [
        *KnowledgePage.search_fields,
        index.SearchField("why"),
        index.SearchField("how"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]

    class Meta:
        verbose_name = _("praksisdøme")
        verbose_name_plural = _("praksisdøme")

    def follow_up_timeline(self) -> list[dict]:
        """The milestones 1, 3 and 5 years after the example, each with its follow-up or due date."""
        recorded = {
            follow_up.after_years: follow_up
            for follow_up in self.follow_ups.prefetch_related("indicators").order_by("after_years")
        }
        return [
            {"years": years, "due_on": milestone_date(self.date, years), "follow_up": recorded.get(years)}
            for years in FOLLOW_UP_YEARS
        ]

    def municipality_profiles(self) -> list:
        """The municipalities involved with their size and centrality, for comparison."""
        return list(self.municipalities.select_related("county").order_by("name"))


class ResearchReportPage(RoutablePageMixin, PdfDocumentMixin, KnowledgePage):
    """A research and development (FoU) report with who commissioned it and its abstract."""

    content_type_code = ContentType.RESEARCH
    shows_datasets = (RESEARCH_DATASET,)

    institution = models.CharField(_("forskingsinstitusjon"), max_length=200)
    commissioned_year = models.PositiveSmallIntegerField(_("år bestilt"), null=True, blank=True)
    programme = models.CharField(_("program"), max_length=200, blank=True)
    abstract = models.TextField(_("samandrag"))
    commission = models.ForeignKey(
        "knowledge.ResearchCommission",
        verbose_name=_("FoU-oppdrag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="research_reports",
        help_text=_("Oppdraget i FoU-registeret som dette er leveransen frå."),
    )

    content_panels = [
        *_content_panels("abstract"),
        MultiFieldPanel(
            [
                FieldPanel("institution"),
                FieldPanel("commissioned_year"),
                FieldPanel("programme"),
                FieldPanel("commission"),
                FieldPanel("document"),
                FieldPanel("pdf_upload"),
            ],
            heading=_("Oppdrag"),
        ),
    ]
    search_fields = [
        *KnowledgePage.search_fields,
        index.SearchField("abstract"),
        index.SearchField("institution"),
    ]

    class Meta:
        verbose_name = _("FoU-rapport")
        verbose_name_plural = _("FoU-rapportar")

    def __str__(self) -> str:
        return self.title

    @path("")
    def report(self, request):
        return self.render(request)
