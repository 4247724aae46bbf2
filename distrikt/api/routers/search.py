"""API routes for the site-wide search: the same search as /sok/, and autocomplete."""

import datetime

from django.http import HttpRequest

from ninja import Router, Schema

from distrikt.search import engine
from distrikt.search.models import ResultType

from ..schemas import errors

router = Router(tags=["search"])


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


@router.get("/search", response={200: SearchOut, **errors(422)}, summary="Search the whole site")
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
