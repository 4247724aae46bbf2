"""API routes for the merkur domain: shops (public facts), map points, statistics and,
for the shop's own merchants and advisors, key figures."""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse

from ninja import Query, Router, Schema

from distrikt.core.api_schemas import Pagination, errors, object_or_404
from distrikt.core.derived import get_or_compute
from distrikt.merkur import statistics
from distrikt.merkur.forms import ShopFilterForm
from distrikt.merkur.models import REGISTER_DATASET, Shop

router = Router(tags=["merkur"])


class ShopFilters(Schema):
    county: str | None = None
    chain: str | None = None
    service: str | None = None
    status: str | None = None
    sort: str | None = None


class ShopOut(Schema):
    id: int
    name: str
    organisation_number: str
    municipality_code: str
    municipality: str
    county: str
    chain: str | None
    status: str
    latitude: float | None
    longitude: float | None
    member_since: datetime.date | None
    is_demo: bool


class ShopDetailOut(ShopOut):
    services: list[str]


class ShopPageOut(Schema):
    count: int
    results: list[ShopOut]


class MapPointOut(Schema):
    id: int
    name: str
    latitude: float
    longitude: float
    status: str


class KeyFiguresOut(Schema):
    year: int
    turnover: int
    result: int
    customers: int | None
    services_income: int | None


class RowOut(Schema):
    label: str
    value: int


class ServiceSpreadOut(Schema):
    service: str
    counts: list[int]


class StatisticsOut(Schema):
    active_shops: int
    closed_shops: int
    by_county: list[RowOut]
    by_centrality: list[RowOut]
    services_now: list[RowOut]
    years: list[int]
    services_over_time: list[ServiceSpreadOut]
    closures: list[RowOut]
    turnover_year: int | None
    turnover_bands: list[RowOut]


def _filtered(filters: ShopFilters):
    data = {key: value for key, value in filters.dict().items() if value}
    form = ShopFilterForm(data)
    if data and not form.is_valid():
        raise Http404("Unknown filter value")
    return form.filter(Shop.objects.for_listing())


def _shop_out(shop: Shop) -> dict:
    return {
        "id": shop.pk,
        "name": shop.name,
        "organisation_number": shop.organisation_number,
        "municipality_code": shop.municipality.code,
        "municipality": shop.municipality.name,
        "county": shop.municipality.county.name,
        "chain": shop.chain.name if shop.chain else None,
        "status": shop.status,
        "latitude": shop.latitude,
        "longitude": shop.longitude,
        "member_since": shop.member_since,
        "is_demo": shop.is_demo,
    }


@router.get("/merkur/shops", response={200: ShopPageOut, **errors(404, 422)})
def list_shops(
    request: HttpRequest,
    filters: Query[ShopFilters],
    pagination: Query[Pagination],
):
    """Shops with their public facts, filtered like the register list (404 for an unknown filter value)."""
    shops = _filtered(filters)
    limit, offset = pagination.limit, pagination.offset

    def page() -> bytes:
        data = {
            "count": shops.count(),
            "results": [_shop_out(shop) for shop in shops[offset : offset + limit]],
        }
        return json.dumps(data, cls=DjangoJSONEncoder).encode()

    key = f"api-shops:{sorted(filters.dict().items())}:{limit}:{offset}"
    return _json_response(get_or_compute(REGISTER_DATASET, key, page, language_neutral=True))


def _json_response(content: bytes) -> HttpResponse:
    """Pre-serialised JSON (cached as bytes), shaped as the declared schema."""
    return HttpResponse(content, content_type="application/json")


@router.get("/merkur/shops/{shop_id}", response={200: ShopDetailOut, **errors(404, 422)})
def get_shop(request: HttpRequest, shop_id: int):
    """One shop's public facts and the extra services it offers now."""
    shop = object_or_404(Shop.objects.for_listing(), pk=shop_id)
    return {
        **_shop_out(shop),
        "services": [period.service.name for period in shop.current_service_periods()],
    }


@router.get(
    "/merkur/shops/{shop_id}/key-figures",
    response={200: list[KeyFiguresOut], **errors(404, 422)},
)
def get_key_figures(request: HttpRequest, shop_id: int):
    """A shop's yearly key figures: only for its own merchants and for advisors (else 404)."""
    shop = object_or_404(Shop.objects.visible_to(request.user), pk=shop_id)
    return list(shop.key_figures.order_by("year"))


@router.get("/merkur/map", response={200: list[MapPointOut], **errors(404, 422)})
def map_points(request: HttpRequest, filters: Query[ShopFilters]):
    """Coordinates of the filtered shops, for maps."""
    shops = _filtered(filters)
    return _json_response(
        get_or_compute(
            REGISTER_DATASET,
            f"api-map:{sorted(filters.dict().items())}",
            lambda: json.dumps(_map_points(shops)).encode(),
            language_neutral=True,
        )
    )


def _map_points(shops) -> list[dict]:
    return [
        {
            "id": pk,
            "name": name,
            "latitude": latitude,
            "longitude": longitude,
            "status": status,
        }
        for pk, name, latitude, longitude, status in shops.with_location().values_list(
            "pk", "name", "latitude", "longitude", "status"
        )
    ]


@router.get("/merkur/statistics", response=StatisticsOut)
def get_statistics(request: HttpRequest):
    """The dashboard's figures."""
    return statistics.cached_dashboard()
