"""Context builders for the knowledge bank's routable pages (thin: parse, query, hand over)."""

from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils import timezone

from . import services


def _query_without(params, *keys: str) -> str:
    kept = [(k, v) for k, v in params.items() if k not in keys and v]
    return urlencode(kept)


def entry_list_context(request: HttpRequest) -> dict:
    result = services.search_entries(request.GET)
    params = {key: request.GET.get(key, "") for key in ("q", "sort", *services.FILTER_KEYS)}
    today = timezone.localdate()
    return {
        "result": result,
        "today": today,
        "upcoming_webinars": services.upcoming_webinars(today),
        "page_query": _query_without(params, "page"),
        "remove_links": [
            (facet.label, _query_without(params, facet.key, "page"))
            for facet in result.facets
            if facet.key in result.filters
        ],
    }


def theme_context(request: HttpRequest, theme) -> dict:
    area = theme.knowledge_area
    return {
        "entries": services.entries_for_area(area),
        "experts": list(area.experts.select_related("office").order_by("sort_order", "name")),
        "today": timezone.localdate(),
    }
