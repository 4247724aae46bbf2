"""API routes for the municipalities domain: register, indicators and Distriktsindeksen.

Every response carries Cache-Control and a strong ETag over its body; a request with a
matching If-None-Match gets 304. Lists can be had as CSV with ?format=csv.
"""

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language

from ninja import Query, Router, Schema
from pydantic import StringConstraints

from distrikt.core import exports
from distrikt.core.api_schemas import errors
from distrikt.core.derived import get_or_compute
from distrikt.municipalities import comparison, indices
from distrikt.municipalities.models import DATASET, Indicator, Municipality, Observation

router = Router(tags=["municipalities"])

MAX_AGE = 300

# ?format=csv gives the same rows as CSV; both bodies and the 304 for a matching ETag are declared.
Format = Literal["json", "csv"]
YEAR = Query(..., ge=1900, le=2100, description="The year (1900–2100).")
CACHED = {"responses": {304: {"description": "Not Modified: the If-None-Match tag still holds."}}}
WITH_CSV = {
    "responses": {
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        304: {"description": "Not Modified: the If-None-Match tag still holds."},
    }
}


class MunicipalityOut(Schema):
    code: str
    name: str
    county_code: str
    county: str
    population: int | None
    population_year: int | None
    centrality_class: int | None
    centrality_index: int | None
    distriktsindeks: float | None
    distriktsindeks_year: int | None
    is_priority: bool
    url: str


class SeriesPoint(Schema):
    year: int
    value: float | None
    is_estimate: bool
    status: str
    method_version: str


class IndicatorSeries(Schema):
    code: str
    name: str
    unit: str
    source: str
    values: list[SeriesPoint]


class MunicipalityDetailOut(MunicipalityOut):
    alternative_names: list[dict]
    indicators: list[IndicatorSeries]


class IndicatorOut(Schema):
    code: str
    name_nn: str
    name_nb: str
    name_en: str
    unit: str
    source: str
    ssb_table: str
    description: str
    is_derived: bool


class IndicatorValueOut(Schema):
    municipality_code: str
    municipality: str
    year: int
    value: float | None
    is_estimate: bool


class ComponentStatus(Schema):
    component: str
    basis: str
    municipalities_with_data: int
    municipalities_expected: int


class IndexRowOut(Schema):
    code: str
    name: str
    value: float
    rank: int
    components: dict[str, float]


class DistrictIndexOut(Schema):
    year: int
    method: str
    is_complete: bool
    is_published: bool
    is_simplified: bool
    weights: dict[str, float]
    missing_components: list[ComponentStatus]
    results: list[IndexRowOut]


def _respond(
    request: HttpRequest,
    key: str,
    build: Callable[[], dict | list],
    csv_rows: Callable[[dict | list], list[dict]] | None = None,
) -> HttpResponse:
    """JSON (or CSV) with ETag and Cache-Control, built once per version of the municipality data.

    `key` names the endpoint and its parsed parameters (never the raw query string, so
    made-up parameters cannot fill the cache).
    """
    as_csv = csv_rows is not None and request.GET.get("format") == "csv"

    def render() -> tuple[bytes, str, str]:
        payload = build()
        if as_csv:
            rows = csv_rows(payload)
            header = list(rows[0]) if rows else []
            table = exports.Table("data", header, [[row[field] for field in header] for row in rows])
            body, content_type = exports.render_export([table], "csv", exports.MACHINE)
        else:
            body = json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
            content_type = "application/json"
        return (body, content_type, f'"{hashlib.sha256(body).hexdigest()[:32]}"')

    body, content_type, etag = get_or_compute(DATASET, f"api:{key}:{as_csv}", render, language=get_language())
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Vary"] = "Accept-Encoding"
    return response


def _municipality_dict(municipality: Municipality, scores: dict) -> dict:
    score = scores.get(municipality.pk)
    return {
        "code": municipality.code,
        "name": municipality.name,
        "county_code": municipality.county.code,
        "county": municipality.county.name,
        "population": municipality.population,
        "population_year": municipality.population_year,
        "centrality_class": municipality.centrality_class,
        "centrality_index": municipality.centrality_index,
        "distriktsindeks": round(score.value, 2) if score else None,
        "distriktsindeks_year": score.year if score else None,
        "is_priority": municipality.is_priority,
        "url": municipality.get_absolute_url(),
    }


@router.get(
    "/municipalities",
    response={200: list[MunicipalityOut], **errors(422)},
    summary="Current municipalities with key figures",
    openapi_extra=WITH_CSV,
)
def list_municipalities(
    request: HttpRequest,
    county: str | None = None,
    centrality_class: int | None = Query(None, ge=1, le=6, description="Sentralitetsklasse 1–6."),
    format: Format | None = None,
):
    """Filter by county code and centrality class; ?format=csv for CSV."""

    def build() -> list[dict]:
        municipalities = Municipality.objects.current().select_related("county")
        if county:
            municipalities = municipalities.filter(county__code=county)
        if centrality_class is not None:
            municipalities = municipalities.filter(centrality_class=centrality_class)
        scores = indices.latest_published_scores()
        return [_municipality_dict(m, scores) for m in municipalities]

    return _respond(
        request, f"municipalities:{county}:{centrality_class}", build, csv_rows=lambda payload: payload
    )


@router.get(
    "/municipalities/{code}",
    response={200: MunicipalityDetailOut, **errors(404)},
    summary="One municipality with all indicators as series",
    openapi_extra=CACHED,
)
def get_municipality(request: HttpRequest, code: str):
    municipality = Municipality.objects.current().select_related("county").filter(code=code).first()
    if municipality is None:
        raise Http404

    def build() -> dict:
        data = _municipality_dict(municipality, indices.latest_published_scores())
        data["alternative_names"] = municipality.alternative_names
        series: dict[str, dict] = {}
        for observation in (
            Observation.objects.filter(municipality=municipality)
            .select_related("indicator")
            .order_by("indicator__code", "year")
        ):
            indicator = observation.indicator
            entry = series.setdefault(
                indicator.code,
                {
                    "code": indicator.code,
                    "name": indicator.name_nn,
                    "unit": indicator.unit,
                    "source": indicator.source,
                    "values": [],
                },
            )
            entry["values"].append(
                {
                    "year": observation.year,
                    "value": observation.value,
                    "is_estimate": observation.is_estimate,
                    "status": observation.status,
                    "method_version": observation.method_version,
                }
            )
        data["indicators"] = list(series.values())
        return data

    return _respond(request, f"municipality:{code}", build)


@router.get(
    "/indices/distriktsindeks",
    response={200: DistrictIndexOut, **errors(404, 422)},
    summary="Distriktsindeksen per municipality: value, rank and component scores",
    openapi_extra=WITH_CSV,
)
def district_index(
    request: HttpRequest,
    year: int = YEAR,
    method: str = indices.DEFAULT_METHOD,
    simplified: bool = False,
    format: Format | None = None,
):
    """An incomplete edition is not published: `results` is empty and `missing_components` says why.

    `simplified=true` asks explicitly for the variant over the available components.
    """
    if method not in indices.METHODS:
        raise Http404

    def build() -> dict:
        edition = indices.compute_edition(year, method, simplified=simplified)
        return {
            "year": edition.year,
            "method": edition.method,
            "is_complete": edition.is_complete,
            "is_published": edition.is_published,
            "is_simplified": edition.is_simplified,
            "weights": edition.used_weights if edition.rows else edition.weights,
            "missing_components": [
                {
                    "component": component.key,
                    "basis": str(component.basis),
                    "municipalities_with_data": len(component.values),
                    "municipalities_expected": component.expected,
                }
                for component in edition.missing_components
            ],
            "results": [
                {
                    "code": row.municipality.code,
                    "name": row.municipality.name,
                    "value": round(row.value, 3),
                    "rank": row.rank,
                    "components": {key: round(value, 3) for key, value in row.components.items()},
                }
                for row in edition.rows
            ],
        }

    def rows(payload: dict) -> list[dict]:
        return [
            {
                "code": row["code"],
                "name": row["name"],
                "value": row["value"],
                "rank": row["rank"],
                **row["components"],
            }
            for row in payload["results"]
        ]

    return _respond(request, f"district-index:{year}:{method}:{simplified}", build, csv_rows=rows)


@router.get("/indicators", response=list[IndicatorOut], summary="The indicators", openapi_extra=CACHED)
def list_indicators(request: HttpRequest):
    def build() -> list[dict]:
        return [
            {field: getattr(indicator, field) for field in IndicatorOut.model_fields}
            for indicator in Indicator.objects.all()
        ]

    return _respond(request, "indicators", build)


@router.get(
    "/indicators/{code}/values",
    response={200: list[IndicatorValueOut], **errors(404, 422)},
    summary="Values of one indicator for every municipality",
    openapi_extra=WITH_CSV,
)
def indicator_values(
    request: HttpRequest,
    code: str,
    year: int | None = Query(None, ge=1900, le=2100, description="One year (1900–2100)."),
    format: Format | None = None,
):
    """All years, or one with ?year=; ?format=csv for CSV."""
    if not Indicator.objects.filter(code=code).exists():
        raise Http404

    def build() -> list[dict]:
        observations = Observation.objects.filter(indicator__code=code)
        if year is not None:
            observations = observations.filter(year=year)
        return [
            {
                "municipality_code": municipality_code,
                "municipality": name,
                "year": observation_year,
                "value": value,
                "is_estimate": is_estimate,
            }
            for municipality_code, name, observation_year, value, is_estimate in observations.order_by(
                "municipality__code", "year"
            ).values_list(
                "municipality__code",
                "municipality__name",
                "year",
                "value",
                "is_estimate",
            )
        ]

    return _respond(request, f"indicator-values:{code}:{year}", build, csv_rows=lambda payload: payload)


class ComparedMunicipalityOut(Schema):
    code: str
    name: str
    county_code: str
    county: str
    url: str


class ComparedCountyOut(Schema):
    code: str
    name: str


class ComparisonYearOut(Schema):
    year: int
    municipalities: dict[str, float | None]
    estimated: list[str]
    counties: dict[str, float | None]
    national: float | None


class ComparedIndicatorOut(Schema):
    code: str
    name: str
    unit: str
    source: str
    aggregation: Literal["sum", "weighted_mean"] | None
    years: list[ComparisonYearOut]


class ComparisonOut(Schema):
    municipalities: list[ComparedMunicipalityOut]
    counties: list[ComparedCountyOut]
    unknown_codes: list[str]
    repeated_codes: list[str]
    indicators: list[ComparedIndicatorOut]


MunicipalityCode = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]
CODES = Query(
    ...,
    min_length=1,
    max_length=comparison.MAX_MUNICIPALITIES,
    description=f"Municipality numbers (four digits), 1–{comparison.MAX_MUNICIPALITIES}; repeat the parameter.",
)


@router.get(
    "/compare",
    response={200: ComparisonOut, **errors(404, 422)},
    summary="Municipalities side by side: every indicator, with their counties and the country",
    openapi_extra=CACHED,
)
def compare(
    request: HttpRequest,
    k: list[MunicipalityCode] = CODES,
):
    """The same figures as /kommunar/samanlikn/: yearly values per municipality, county and country.

    County and national figures are sums for counts of people and population-weighted means
    otherwise (`aggregation`; null for classes). Codes that are no current municipality are
    listed in `unknown_codes`, repeats in `repeated_codes`; 404 when none is known.
    """
    selection = comparison.select_municipalities(k)
    if not selection.municipalities:
        raise Http404

    def build() -> dict:
        result = comparison.build_comparison(
            selection.municipalities, with_charts=False, basis=selection.basis
        )
        return comparison.comparison_payload(result, selection)

    key = ",".join([*selection.codes, "|", *selection.unknown, "|", *selection.repeated])
    return _respond(request, f"compare:{key}", build)
