"""API routes for the register of local democracy arrangements (published entries only)."""

from django.http import Http404, HttpRequest

from ninja import Field, Query, Router, Schema

from distrikt.core.api_schemas import Pagination, errors
from distrikt.democracy.services import published_arrangements
from distrikt.municipalities.models import Municipality

router = Router(tags=["democracy"])


class ArrangementFilters(Schema):
    municipality: str | None = Field(
        None, pattern=r"^\d{4}$", description="A current four-digit municipality code, e.g. 5006."
    )


class ArrangementOut(Schema):
    id: int
    name: str
    municipality_code: str
    municipality: str
    kind: str
    kind_label: str
    area: str
    member_selection: str
    mandate: str
    has_own_budget: bool
    budget_nok: int | None
    established_year: int | None
    status: str
    is_demo: bool


class ArrangementListOut(Schema):
    count: int
    results: list[ArrangementOut]


@router.get(
    "/democracy/arrangements",
    response={200: ArrangementListOut, **errors(404, 422)},
    summary="Published local democracy arrangements, optionally of one municipality",
)
def list_arrangements(
    request: HttpRequest, filters: Query[ArrangementFilters], pagination: Query[Pagination]
):
    """404 when `municipality` is no current municipality's code; 422 when it is not four digits."""
    arrangements = published_arrangements().order_by("municipality__code", "name")
    if filters.municipality:
        if not Municipality.objects.current().filter(code=filters.municipality).exists():
            raise Http404
        arrangements = arrangements.filter(
            municipality__code=filters.municipality, municipality__valid_to__isnull=True
        )
    count = arrangements.count()
    page = arrangements[pagination.offset : pagination.offset + pagination.limit]
    return {
        "count": count,
        "results": [
            {
                "id": a.pk,
                "name": a.name,
                "municipality_code": a.municipality.code,
                "municipality": a.municipality.short_name,
                "kind": a.kind,
                "kind_label": str(a.get_kind_display()),
                "area": a.area,
                "member_selection": a.member_selection,
                "mandate": a.mandate,
                "has_own_budget": a.has_own_budget,
                "budget_nok": a.budget_nok,
                "established_year": a.established_year,
                "status": a.status,
                "is_demo": a.is_demo,
            }
            for a in page
        ],
    }
