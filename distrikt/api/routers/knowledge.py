"""API routes for the knowledge bank: the filtered list and each page's content."""

import datetime

from django.http import HttpRequest

from ninja import Router, Schema

from distrikt.core.api_schemas import errors, object_or_404
from distrikt.knowledge.models import KnowledgeEntry
from distrikt.knowledge.services import search_entries

router = Router(tags=["knowledge"])


class EntryOut(Schema):
    id: int
    title: str
    url: str
    type: str
    type_label: str
    summary: str
    date: datetime.date
    language: str
    is_demo: bool
    themes: list[str]


class KnowledgeFacetOptionOut(Schema):
    value: str
    label: str
    count: int


class KnowledgeFacetOut(Schema):
    key: str
    label: str
    options: list[KnowledgeFacetOptionOut]


class EntryListOut(Schema):
    count: int
    page: int
    page_count: int
    results: list[EntryOut]
    facets: list[KnowledgeFacetOut]
    ignored_filters: list[str]


class EntryDetailOut(EntryOut):
    body_text: str
    municipalities: list[str]
    target_groups: list[str]


def _entry_out(entry: KnowledgeEntry) -> dict:
    return {
        "id": entry.page_id,
        "title": entry.title,
        "url": entry.url,
        "type": entry.content_type,
        "type_label": str(entry.get_content_type_display()),
        "summary": entry.summary,
        "date": entry.date,
        "language": entry.language,
        "is_demo": entry.is_demo,
        "themes": [area.slug for area in entry.knowledge_areas.all()],
    }


@router.get(
    "/knowledge",
    response={200: EntryListOut, **errors(422)},
    summary="The knowledge bank, filtered",
)
def list_entries(
    request: HttpRequest,
    q: str = "",
    tema: str = "",
    type: str = "",
    malgruppe: str = "",
    fylke: str = "",
    kommune: str = "",
    ar: str = "",
    sort: str = "",
    page: str = "1",
):
    params = {
        "q": q,
        "tema": tema,
        "type": type,
        "malgruppe": malgruppe,
        "fylke": fylke,
        "kommune": kommune,
        "ar": ar,
        "sort": sort,
        "page": page,
    }
    result = search_entries(params)
    entries = list(result.page.object_list)
    areas = {
        entry.pk: entry
        for entry in KnowledgeEntry.objects.filter(pk__in=[e.pk for e in entries]).prefetch_related(
            "knowledge_areas"
        )
    }
    return {
        "count": result.total,
        "page": result.page.number,
        "page_count": result.page.paginator.num_pages,
        "results": [_entry_out(areas[entry.pk]) for entry in entries],
        "facets": [
            {
                "key": facet.key,
                "label": facet.label,
                "options": [{"value": o.value, "label": o.label, "count": o.count} for o in facet.options],
            }
            for facet in result.facets
        ],
        "ignored_filters": result.ignored,
    }


@router.get(
    "/knowledge/{page_id}",
    response={200: EntryDetailOut, **errors(404, 422)},
    summary="One knowledge page",
)
def get_entry(request: HttpRequest, page_id: int):
    from distrikt.core.language_share import text_of_page

    entry = object_or_404(
        KnowledgeEntry.objects.prefetch_related("knowledge_areas", "municipalities", "target_groups"),
        page_id=page_id,
    )
    return {
        **_entry_out(entry),
        "body_text": text_of_page(entry.page.specific),
        "municipalities": [m.code for m in entry.municipalities.all()],
        "target_groups": [group.slug for group in entry.target_groups.all()],
    }
