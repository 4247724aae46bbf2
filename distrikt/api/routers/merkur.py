"""API routes for the merkur domain: shops (public facts), map points, statistics and,
for the shop's own merchants and advisors, key figures."""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse

from ninja import Field, Query, Router, Schema

from distrikt.core.api_schemas import Pagination, errors, object_or_404
from distrikt.core.derived import get_or_compute
from distrikt.merkur import grant_statistics, statistics
from distrikt.merkur.forms import ShopFilterForm
from distrikt.merkur.models import (
    REGISTER_DATASET,
    SCHEMES_DATASET,
    Application,
    RuleKind,
    Shop,
    SupportScheme,
)

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


class MerkurGrantRowOut(Schema):
    """Decided grants in one year, scheme or county (the public figures: grants only)."""

    label: str
    granted: int = Field(description="How many grants.")
    granted_sum: int = Field(description="The sum granted (NOK).")
    paid_sum: int = Field(description="The sum paid of those grants (NOK).")
    demo: int = Field(description="How many of the cases were made for demonstration.")


class MerkurBudgetRowOut(Schema):
    """How much of one scheme's budget for the year the year's grants bind."""

    scheme: str
    budget: int | None = Field(description="The scheme's budget for the year (NOK); null when none is set.")
    committed: int = Field(description="What the grants bind (NOK): granted, or paid of a lapsed grant.")
    percent: float | None = Field(description="The share of the budget bound; null without a budget.")
    demo: int


class MerkurProcessingRowOut(Schema):
    """The median days from submission to decision of the grants in one year or scheme."""

    label: str
    median_days: float | None
    demo: int


class MerkurGrantFiguresOut(Schema):
    """The public grant figures of the Merkur dashboard for one year: decided grants only."""

    year: int = Field(description="The year of the per-scheme, per-county and budget figures.")
    years: list[int] = Field(description="The years with figures, newest first (ask with grant_year).")
    by_year: list[MerkurGrantRowOut]
    by_scheme: list[MerkurGrantRowOut]
    by_county: list[MerkurGrantRowOut]
    budget: list[MerkurBudgetRowOut]
    processing_by_year: list[MerkurProcessingRowOut]
    processing_by_scheme: list[MerkurProcessingRowOut]
    demo_cases: int = Field(description="Cases made for demonstration behind any figure here.")


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
    grants: MerkurGrantFiguresOut


class SchemeRuleOut(Schema):
    kind: str = Field(description="What the rule compares (turnover_at_most, distance_at_least, …).")
    value: int | None = Field(description="The limit: kroner, households, kilometres, litres or a count.")
    discretion_from: int | None = Field(description="Distance: from here up to `value` the advisor judges.")
    share_percent: int | None = Field(description="Cost-share band: the share for turnover up to `value`.")
    allows_no_road_link: bool
    other_scheme: str | None = Field(description="Not in the same year as this scheme (slug).")
    explanation: str


class SchemeOut(Schema):
    slug: str
    name: str
    purpose: str
    who_may_apply: str
    max_amount: int = Field(description="Highest grant, kroner.")
    min_amount: int | None = Field(description="Lowest amount one may apply for, kroner.")
    max_cost_share_percent: int = Field(
        description="Highest share of the cost, unless a turnover band says otherwise."
    )
    is_yearly: bool
    turnover_min: int | None = Field(
        description="Lowest turnover (kroner, without VAT, fuel, feed, fertiliser)."
    )
    turnover_max: int | None = Field(
        description="Highest turnover (kroner); below this when `turnover_max_exclusive`."
    )
    turnover_max_exclusive: bool
    distance_min_km: int | None
    distance_discretion_from_km: int | None
    opens_on: datetime.date | None = Field(description="None: open all year.")
    closes_on: datetime.date | None = Field(description="None: open all year.")
    required_attachments: str
    rules: list[SchemeRuleOut]


def _scheme_out(scheme: SupportScheme) -> dict:
    rules = list(scheme.rules.all())

    def first(kind: str):
        return next((rule for rule in rules if rule.kind == kind), None)

    bands = [rule.value for rule in rules if rule.kind == RuleKind.COST_SHARE_BAND and rule.value]
    at_most, below = first(RuleKind.TURNOVER_AT_MOST), first(RuleKind.TURNOVER_BELOW)
    at_least, distance = first(RuleKind.TURNOVER_AT_LEAST), first(RuleKind.DISTANCE_AT_LEAST)
    turnover_max = below.value if below else (at_most.value if at_most else (max(bands) if bands else None))
    return {
        "slug": scheme.slug,
        "name": scheme.name,
        "purpose": scheme.purpose,
        "who_may_apply": scheme.who_may_apply,
        "max_amount": scheme.max_amount,
        "min_amount": scheme.min_amount,
        "max_cost_share_percent": scheme.max_cost_share,
        "is_yearly": scheme.is_yearly,
        "turnover_min": at_least.value if at_least else None,
        "turnover_max": turnover_max,
        "turnover_max_exclusive": below is not None,
        "distance_min_km": distance.value if distance else None,
        "distance_discretion_from_km": distance.discretion_from if distance else None,
        "opens_on": scheme.opens_on,
        "closes_on": scheme.closes_on,
        "required_attachments": scheme.required_attachments,
        "rules": [
            {
                "kind": rule.kind,
                "value": rule.value,
                "discretion_from": rule.discretion_from,
                "share_percent": rule.share,
                "allows_no_road_link": rule.allows_no_road_link,
                "other_scheme": rule.other_scheme.slug if rule.other_scheme else None,
                "explanation": rule.explanation,
            }
            for rule in rules
        ],
    }


@router.get("/merkur/schemes", response=list[SchemeOut])
def list_schemes(request: HttpRequest):
    """The Merkur support schemes with their published limits and eligibility rules.

    Applications are never public and have no public endpoint.
    """

    def build() -> bytes:
        schemes = SupportScheme.objects.published().prefetch_related("rules__other_scheme")
        return json.dumps([_scheme_out(scheme) for scheme in schemes], cls=DjangoJSONEncoder).encode()

    return _json_response(get_or_compute(SCHEMES_DATASET, "api-schemes", build))


class ApplicationOut(Schema):
    id: int
    scheme: str
    shop_id: int
    year: int
    status: str
    requested_amount: int | None
    granted_amount: int | None
    paid_amount: int
    is_demo: bool


def _application_out(application: Application) -> dict:
    return {
        "id": application.pk,
        "scheme": application.scheme.slug,
        "shop_id": application.shop_id,
        "year": application.year,
        "status": application.status,
        "requested_amount": application.requested_amount,
        "granted_amount": application.granted_amount,
        "paid_amount": application.paid_amount,
        "is_demo": application.is_demo,
    }


@router.get("/merkur/my/applications", response=list[ApplicationOut])
def my_applications(request: HttpRequest):
    """The logged-in merchant's own applications (advisors: all). Never public: empty when anonymous."""
    applications = Application.objects.visible_to(request.user).select_related("scheme")[:500]
    return [_application_out(application) for application in applications]


@router.get("/merkur/my/applications/{application_id}", response={200: ApplicationOut, **errors(404, 422)})
def my_application(request: HttpRequest, application_id: int):
    """One of the merchant's own applications; another's answers 404, as if it did not exist."""
    application = object_or_404(
        Application.objects.visible_to(request.user).select_related("scheme"), pk=application_id
    )
    return _application_out(application)


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


@router.get("/merkur/statistics", response={200: StatisticsOut, **errors(404, 422)})
def get_statistics(
    request: HttpRequest,
    grant_year: int | None = Query(
        None,
        ge=1900,
        le=9999,
        description="The year of the grant figures (default: the latest with figures).",
    ),
):
    """The dashboard's figures, with the public grant figures (decided grants only, as on the
    public dashboard; never an application, a pending case or a refusal)."""
    years = grant_statistics.cached_grant_years(is_full=False)
    if grant_year is not None and grant_year not in years:
        raise Http404
    grants = grant_statistics.cached_grant_statistics(grant_year or years[0], is_full=False)
    dashboard = statistics.cached_dashboard()
    return {
        **{name: getattr(dashboard, name) for name in StatisticsOut.model_fields if name != "grants"},
        "grants": {
            **{name: getattr(grants, name) for name in MerkurGrantFiguresOut.model_fields if name != "years"},
            "years": years,
        },
    }
