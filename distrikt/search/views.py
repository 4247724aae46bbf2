"""Site-wide search at /sok/ and its autocomplete answers.

The page is kept by the page cache per query, filters, page and language, until the index,
the promotions, the knowledge bank or the municipalities change, and at most until midnight;
every request for it, cached or not, is counted in the search log.
"""

import datetime
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from distrikt.core.breadcrumbs import trail
from distrikt.core.cache import add_cache_tags, limit_cache_lifetime, on_every_hit, page_cache, page_tag
from distrikt.knowledge.models.entries import DATASET as KNOWLEDGE_DATASET
from distrikt.municipalities.models import DATASET as MUNICIPALITIES_DATASET

from . import engine
from .api import engine_suggestions
from .indexer import INDEX_DATASET
from .promotions import PROMOTIONS_DATASET, promoted_pages
from .querylog import query_log

LOG_HOOK = "search-log"
# The parameters the page reads; the page cache keys on these and drops the rest.
QUERY_PARAMS = ("q", "page", "sort", "type", "sprak", *engine.KNOWLEDGE_FILTER_KEYS)


def count_search(request: HttpRequest, payload: tuple[str, int, str]) -> None:
    """Count a search in the log (on every request, cached or not; see `querylog`)."""
    query, result_count, suggestion = payload
    query_log.record(query, result_count, suggestion)


def seconds_to_midnight(now: datetime.datetime | None = None) -> int:
    """Until the day changes in Norway (which events are upcoming, and their order, change then)."""
    now = timezone.localtime(now)
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    # Timestamps, not a subtraction: that ignores a change to or from summer time in between.
    return int(midnight.timestamp() - now.timestamp()) + 1


@page_cache(
    datasets=(INDEX_DATASET, PROMOTIONS_DATASET, KNOWLEDGE_DATASET, MUNICIPALITIES_DATASET),
    query_params=QUERY_PARAMS,
    # Every query is a page of its own: a crawler asking thousands must not push the site's
    # pages out of the process's layer.
    in_process=False,
)
def search(request: HttpRequest) -> HttpResponse:
    results = engine.search(request.GET)
    if results.query and results.page_number == 1:
        exact_total = 0 if results.corrected_query else results.total
        on_every_hit(request, LOG_HOOK, (results.query, exact_total, results.corrected_query))
    promoted = promoted_pages(results.query) if results.page_number == 1 else []
    add_cache_tags(request, *(page_tag(page.pk) for page in promoted))
    limit_cache_lifetime(request, seconds_to_midnight())
    base_params = {
        key: value
        for key, value in {
            "q": results.query,
            **results.filters,
            "sort": "" if results.sort == "relevans" else results.sort,
        }.items()
        if value
    }
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "promoted": promoted,
            "facets": results.facets,
            "page_query": urlencode(base_params),
            "corrected_query_string": urlencode({"q": results.corrected_query})
            if results.corrected_query
            else "",
            "breadcrumbs": trail((request.path, _("Søk"))),
        },
    )


def autocomplete(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"results": engine_suggestions(request.GET.get("q", ""))})
