"""The search app's API routes: the same search as /sok/, and autocomplete.

Search owns them; `distrikt/urls.py` attaches this router to the public API, so neither
`search` nor `api` imports the other.
"""

import datetime

from django.http import HttpRequest

from ninja import Router, Schema

from distrikt.core.api_schemas import errors

from . import engine
from .sources import type_labels

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
    is_demo: bool
    is_upcoming: bool


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    key: str
    label: str
    options: list[FacetOptionOut]


class SearchOut(Schema):
    query: str
    total: int
    total_is_lower_bound: bool
    page: int
    page_count: int
    results: list[HitOut]
    ignored_filters: list[str]
    facets: list[FacetOut]
    sort: str
    corrected_query: str


class SuggestionOut(Schema):
    title: str
    url: str
    type: str
    is_demo: bool


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
    sprak: str = "",
    sort: str = "",
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
            "sprak": sprak,
            "sort": sort,
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
                "is_demo": hit.is_demo,
                "is_upcoming": hit.is_upcoming,
            }
            for hit in results.hits
        ],
        "ignored_filters": results.ignored,
        "facets": [
            {
                "key": facet.key,
                "label": facet.label,
                "options": [
                    {"value": o.value, "label": o.label, "count": o.count, "selected": o.is_selected}
                    for o in facet.options
                ],
            }
            for facet in results.facets
        ],
        "sort": results.sort,
        "corrected_query": results.corrected_query,
    }


@router.get(
    "/search/autocomplete",
    response={200: list[SuggestionOut], **errors(422)},
    summary="Suggestions while typing",
    operation_id=AUTOCOMPLETE_OPERATION_ID,
)
def autocomplete(request: HttpRequest, q: str = ""):
    return engine_suggestions(q)


def engine_suggestions(query: str) -> list[dict]:
    """Autocomplete answers: title, address, type label and the demo mark."""
    labels = type_labels()
    return [
        {
            "title": document.title,
            "url": document.url,
            "type": labels.get(document.result_type, document.result_type),
            "is_demo": document.is_demo,
        }
        for document in engine.autocomplete(query)
    ]
