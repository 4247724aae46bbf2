"""The editors' report of visitors' searches that found nothing (from the retained log)."""

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wagtail.admin.auth import require_admin_access

from .models import SearchOutcome

REPORT_ROWS = 200


def unanswered(limit: int = REPORT_ROWS) -> list[dict]:
    """Queries whose latest search gave no exact results, most searched first."""
    outcomes = (
        SearchOutcome.objects.filter(result_count=0)
        .select_related("query")
        .annotate(searches=Sum("query__daily_hits__hits"))
        .order_by("-searches", "query__query_string")[:limit]
    )
    return [
        {
            "query": outcome.query.query_string,
            "searches": outcome.searches or 0,
            "suggestion": outcome.suggestion,
            "searched_at": outcome.searched_at,
        }
        for outcome in outcomes
    ]


@require_admin_access
def unanswered_queries(request: HttpRequest) -> HttpResponse:
    return render(request, "search/admin/unanswered_queries.html", {"rows": unanswered()})
