"""Site-wide search at /sok/ and its autocomplete answers."""

from urllib.parse import urlencode

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from distrikt.core.breadcrumbs import trail

from . import engine
from .api import engine_suggestions
from .models import SearchOutcome

MAX_RECORDED_QUERY = 255


def record_query(query: str, results: engine.SearchResults) -> Query | None:
    """Count the query (Wagtail's search log, kept for the retention period) and its outcome."""
    if not query:
        return None
    recorded = Query.get(query[:MAX_RECORDED_QUERY])
    today = timezone.now().date()
    exact_total = 0 if results.corrected_query else results.total
    outcome = {"result_count": exact_total, "suggestion": results.corrected_query[:255]}
    # One write transaction with one UPDATE each when the rows exist (a query asked before
    # today, the usual case); Wagtail's add_hit and update_or_create read first and lock,
    # and each took the database's write lock on its own.
    with transaction.atomic():
        if not QueryDailyHits.objects.filter(query=recorded, date=today).update(hits=F("hits") + 1):
            recorded.add_hit(today)
        if not SearchOutcome.objects.filter(query=recorded).update(**outcome, searched_at=timezone.now()):
            SearchOutcome.objects.update_or_create(query=recorded, defaults=outcome)
    return recorded


def promoted_pages(recorded: Query | None) -> list:
    """Pages editors pinned for this query (Wagtail search promotions)."""
    if recorded is None:
        return []
    return [
        pick.page.specific
        for pick in recorded.editors_picks.select_related("page")
        if pick.page and pick.page.live
    ]


def search(request: HttpRequest) -> HttpResponse:
    results = engine.search(request.GET)
    recorded = record_query(results.query, results) if results.page_number == 1 else None
    promoted = promoted_pages(recorded)
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
