"""The search app's API routes: the same search as /sok/, and autocomplete.

Search owns them; `distrikt/urls.py` attaches this router to the public API, so neither
`search` nor `api` imports the other.
"""

import datetime

from django.http import HttpRequest

from ninja import Router, Schema

from distrikt.core.api_schemas import errors

from . import engine
from .models import ResultType

router = Router(tags=["search"])

# The operation ids the published document has always given (the routes once lived in
# distrikt.api.routers.search); clients generated from it keep working.
SEARCH_OPERATION_ID = "distrikt_api_routers_search_search"
AUTOCOMPLETE_OPERATION_ID = "distrikt_api_routers_search_autocomplete"


class HitOut(Schema):
    title: str
    url: str
    type: str
    type_label: str
    snippet: str
    language: str
    date: datetime.date | None


class SearchOut(Schema):
    query: str
    total: int
    total_is_lower_bound: bool
    page: int
    page_count: int
    results: list[HitOut]
    ignored_filters: list[str]


class SuggestionOut(Schema):
    title: str
    url: str
    type: str


@router.get(
    "/search",
    response={200: SearchOut, **errors(422)},
    summary="Search the whole site",
    operation_id=SEARCH_OPERATION_ID,
)
def search(
    request: HttpRequest,
    q: str = "",
    type: str = "",
    page: str = "1",
    tema: str = "",
    malgruppe: str = "",
    fylke: str = "",
    kommune: str = "",
    ar: str = "",
):
    results = engine.search(
        {
            "q": q,
            "type": type,
            "page": page,
            "tema": tema,
            "malgruppe": malgruppe,
            "fylke": fylke,
            "kommune": kommune,
            "ar": ar,
        }
    )
    return {
        "query": results.query,
        "total": results.total,
        "total_is_lower_bound": results.is_capped,
        "page": results.page_number,
        "page_count": results.page_count,
        "results": [
            {
                "title": hit.title,
                "url": hit.url,
                "type": hit.result_type,
                "type_label": hit.type_label,
                "snippet": str(hit.snippet),
                "language": hit.language,
                "date": hit.date,
            }
            for hit in results.hits
        ],
        "ignored_filters": results.ignored,
    }


@router.get(
    "/search/autocomplete",
    response={200: list[SuggestionOut], **errors(422)},
    summary="Suggestions while typing",
    operation_id=AUTOCOMPLETE_OPERATION_ID,
)
def autocomplete(request: HttpRequest, q: str = ""):
    return [
        {
            "title": document.title,
            "url": document.url,
            "type": str(ResultType(document.result_type).label),
        }
        for document in engine.autocomplete(q)
    ]
