"""The numbers a municipality profile shows, gathered in few queries."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from distrikt.core.charts import ColumnChart, LineChart, column_chart, line_chart
from distrikt.core.derived import get_or_compute

from . import indicators
from .attractiveness import (
    AttractivenessResult,
    ChangeComponents,
    latest_period,
    period_attractiveness,
    population_change_components,
)
from .indices import DEFAULT_METHOD, compute_edition, latest_published_scores
from .models import DATASET, DistrictIndexScore, Municipality, Observation, RegionMembership
from .profile_sections import ProfileSection, sections_for
from .services import SimilarMunicipality, similar_municipalities


@dataclass
class SeriesPoint:
    """One year of a series, with a flag for estimated values."""

    year: int
    value: float
    is_estimate: bool = False


@dataclass
class IndexStatus:
    """The latest edition of Distriktsindeksen: published, or why not."""

    year: int
    is_published: bool
    missing: list[tuple[str, str]]


@dataclass
class Profile:
    """Everything the profile template shows."""

    municipality: Municipality
    memberships: list[RegionMembership]
    population: list[SeriesPoint]
    population_chart: LineChart | None
    employment: list[SeriesPoint]
    employment_chart: LineChart | None
    components: list[ChangeComponents]
    components_chart: ColumnChart | None
    index_score: DistrictIndexScore | None
    index_status: IndexStatus | None
    index_count: int
    similar: list[SimilarMunicipality]
    attractiveness: AttractivenessResult | None = None
    attractiveness_period: tuple[int, int] | None = None
    sections: list[ProfileSection] = field(default_factory=list)


def series(municipality: Municipality, code: str) -> list[SeriesPoint]:
    return [
        SeriesPoint(year, value, is_estimate)
        for year, value, is_estimate in Observation.objects.filter(
            municipality=municipality, indicator__code=code, value__isnull=False
        )
        .order_by("year")
        .values_list("year", "value", "is_estimate")
    ]


def latest_index_status() -> IndexStatus | None:
    """Whether the newest possible edition (by the latest population year) can be published.

    The missing components are named in the interface language, so the language is in the key.
    """
    return get_or_compute(DATASET, "index-status", _compute_index_status)


def _compute_index_status() -> IndexStatus | None:
    latest = (
        Observation.objects.for_indicator(indicators.POPULATION)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if latest is None:
        return None
    edition = compute_edition(latest, DEFAULT_METHOD)
    return IndexStatus(
        year=latest,
        is_published=edition.is_complete,
        missing=[(component.label, component.basis) for component in edition.missing_components],
    )


def attractiveness_results() -> tuple[tuple[int, int] | None, dict[int, AttractivenessResult]]:
    """Residential attractiveness of every municipality for the latest covered period, per data version."""
    return get_or_compute(DATASET, "attractiveness", _compute_attractiveness, language_neutral=True)


def _compute_attractiveness() -> tuple[tuple[int, int] | None, dict[int, AttractivenessResult]]:
    period = latest_period()
    results = {result.municipality_id: result for result in period_attractiveness(*period)} if period else {}
    return (period, results)


def build_profile(municipality: Municipality) -> Profile:
    population = series(municipality, indicators.POPULATION)
    employment = series(municipality, indicators.EMPLOYMENT)
    components = population_change_components(municipality)
    scores = latest_published_scores()
    period, attractiveness = attractiveness_results() if components else (None, {})
    return Profile(
        municipality=municipality,
        memberships=list(
            RegionMembership.objects.current().filter(municipality=municipality).select_related("region")
        ),
        population=population,
        population_chart=line_chart([(point.year, point.value, point.is_estimate) for point in population]),
        employment=employment,
        employment_chart=line_chart([(point.year, point.value, point.is_estimate) for point in employment]),
        components=components,
        components_chart=column_chart([(str(item.year), item.total) for item in components]),
        index_score=scores.get(municipality.pk),
        index_status=None if scores else latest_index_status(),
        index_count=len(scores),
        similar=similar_municipalities(municipality),
        attractiveness=attractiveness.get(municipality.pk),
        attractiveness_period=period,
        sections=sections_for(municipality),
    )


DOWNLOADS = {
    "folketal": (indicators.POPULATION, _("Folketal")),
    "sysselsetjing": (indicators.EMPLOYMENT, _("Sysselsette etter arbeidsstad")),
    "fodselsoverskot": (indicators.BIRTH_BALANCE, _("Fødselsoverskot")),
    "innanlandsk-flytting": (
        indicators.NET_DOMESTIC_MIGRATION,
        _("Netto innanlandsk flytting"),
    ),
    "nettoinnvandring": (indicators.NET_IMMIGRATION, _("Nettoinnvandring")),
}
ALWAYS_DOWNLOADABLE = ("folketal", "sysselsetjing")
