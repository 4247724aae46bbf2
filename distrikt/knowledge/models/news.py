"""News: short items from the centre, listed newest first with an RSS feed."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from distrikt.core.blocks import BodyStreamBlock
from distrikt.core.models import BasePage
from distrikt.core.page_views import view_for

# The page-cache dataset a published, changed or withdrawn news item makes stale (the news
# list, the home page's news sections, the newsletter's digest).
NEWS_DATASET = "news"


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The list of news, newest first, with an RSS feed."""

    shows_datasets = (NEWS_DATASET, "organisation")
    cache_query_params = ("page", "tema")

    lead = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["knowledge.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("nyheitsliste")

    @path("")
    def news_list(self, request):
        return view_for(self, "news_list")(request, self)

    @path("rss/")
    def rss_feed(self, request):
        return view_for(self, "news_feed")(request, self)


class NewsPageQuerySet(PageQuerySet):
    def published(self) -> "NewsPageQuerySet":
        return self.live().public()

    def newest_first(self) -> "NewsPageQuerySet":
        return self.order_by("-date", "-first_published_at", "-pk")

    def with_area(self, slug: str) -> "NewsPageQuerySet":
        return self.filter(knowledge_areas__slug=slug)

    def since(self, date: datetime.date) -> "NewsPageQuerySet":
        return self.filter(date__gt=date)


class NewsPage(BasePage):
    """One news item: what happened or is coming, tagged with knowledge areas (Merkur too)."""

    changes_datasets = (NEWS_DATASET,)

    lead = models.TextField(_("ingress"))
    date = models.DateField(_("dato"), default=datetime.date.today)
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)
    knowledge_areas = ParentalManyToManyField(
        "organisation.KnowledgeArea", verbose_name=_("tema"), blank=True, related_name="+"
    )
    is_demo = models.BooleanField(
        _("demoinnhald"),
        default=False,
        help_text=_("Skrive for utprøving; blir bytt ut med ekte innhald."),
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("knowledge_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["knowledge.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("nyheit")
        verbose_name_plural = _("nyheiter")
