"""Views behind the knowledge bank's routable pages (thin: parse, query, render)."""

from collections.abc import Sequence
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from distrikt.core.exports import export_response
from distrikt.core.filtering import filter_list
from distrikt.core.page_views import page_view

from . import services
from .feeds import feed_response
from .forms import KnowledgeFilterForm
from .models import KnowledgeIndexPage, ThemePage


def _query_without(params: QueryDict, *keys: str) -> str:
    kept = [(k, v) for k, v in params.items() if k not in keys and v]
    return urlencode(kept)


@page_view(KnowledgeIndexPage, "entry_list")
def entry_list(request: HttpRequest, page: KnowledgeIndexPage) -> HttpResponse:
    selections: list[services.EntrySelection] = []

    def narrow(data: dict) -> Sequence:
        selections.append(services.select_entries(data))
        return selections[-1].entries

    listing = filter_list(
        request, KnowledgeFilterForm(request.GET or None), narrow, per_page=services.PAGE_SIZE
    )
    result = services.EntrySearch.of(selections[-1], listing.page_obj)
    today = timezone.localdate()
    context = {
        "listing": listing,
        "result": result,
        "today": today,
        "upcoming_webinars": services.upcoming_webinars(today),
        "page_query": listing.query_string,
        "remove_links": [
            (facet.label, _query_without(request.GET, facet.key, "page"))
            for facet in result.facets
            if facet.key in result.filters
        ],
    }
    return page.render(request, context_overrides=context, template="knowledge/knowledge_index_page.html")


@page_view(ThemePage, "theme")
def theme(request: HttpRequest, page: ThemePage) -> HttpResponse:
    area = page.knowledge_area
    context = {
        "entries": services.entries_for_area(area),
        "experts": list(area.experts.select_related("office").order_by("sort_order", "name")),
        "today": timezone.localdate(),
    }
    return page.render(request, context_overrides=context, template="knowledge/theme_page.html")


@page_view(KnowledgeIndexPage, "feed")
@page_view(ThemePage, "feed")
def feed(request: HttpRequest, page: KnowledgeIndexPage | ThemePage, kind: str) -> HttpResponse:
    """RSS or Atom of the newest entries: the whole bank, or one theme's area."""
    return feed_response(request, page, area=getattr(page, "knowledge_area", None), kind=kind)


@page_view(KnowledgeIndexPage, "research_commissions")
def research_commissions(request: HttpRequest, page: KnowledgeIndexPage) -> HttpResponse:
    """The public register of commissioned research: ongoing, completed, and counts."""
    context = {"overview": services.research_overview()}
    return page.render(request, context_overrides=context, template="knowledge/research_commissions.html")


@page_view(KnowledgeIndexPage, "research_commissions_export")
def research_commissions_export(request: HttpRequest, page: KnowledgeIndexPage) -> HttpResponse:
    return export_response(services.research_tables(services.research_overview()), "xlsx", "fou-oppdrag")
