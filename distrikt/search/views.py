"""Site-wide search at /sok/ and its autocomplete answers."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import Query

from distrikt.core.breadcrumbs import trail
from distrikt.knowledge.models import KnowledgeEntry
from distrikt.knowledge.services import cached_facet_counts

from . import engine
from .models import ResultType

MAX_RECORDED_QUERY = 255


def promoted_pages(query: str) -> list:
    """Pages editors pinned for this query (Wagtail search promotions), and count the query."""
    if not query:
        return []
    recorded = Query.get(query[:MAX_RECORDED_QUERY])
    recorded.add_hit()
    return [
        pick.page.specific
        for pick in recorded.editors_picks.select_related("page")
        if pick.page and pick.page.live
    ]


def search(request: HttpRequest) -> HttpResponse:
    results = engine.search(request.GET)
    promoted = promoted_pages(results.query) if results.page_number == 1 else []
    base_params = {
        key: value
        for key, value in {
            "q": results.query,
            "type": results.result_type,
            **results.filters,
        }.items()
        if value
    }
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "promoted": promoted,
            "type_choices": ResultType.choices,
            "facets": [
                facet
                for facet in cached_facet_counts(
                    KnowledgeEntry.objects.all(), results.filters, scope="search"
                )
                if facet.key in engine.KNOWLEDGE_FILTER_KEYS
            ],
            "page_query": urlencode(base_params),
            "breadcrumbs": trail((request.path, _("Søk"))),
        },
    )


def autocomplete(request: HttpRequest) -> JsonResponse:
    documents = engine.autocomplete(request.GET.get("q", ""))
    return JsonResponse(
        {
            "results": [
                {
                    "title": document.title,
                    "url": document.url,
                    "type": str(ResultType(document.result_type).label),
                }
                for document in documents
            ]
        }
    )
