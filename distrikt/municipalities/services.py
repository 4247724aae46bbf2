"""Public functions other apps use to ask about municipalities, and the key-figure refresh."""

import math
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from distrikt.core.derived import bump_datasets, get_or_compute
from distrikt.core.numbers import format_count, format_decimal

from . import indicators
from .indices import latest_published_scores
from .models import DATASET, Municipality, Observation

# The centre's priority group: small and medium municipalities (below this population)
# and those with particular district challenges (centrality class 5–6 or a low index).
PRIORITY_POPULATION_BELOW = 20_000
PRIORITY_CENTRALITY_CLASSES = (5, 6)
PRIORITY_INDEX_BELOW = 25.0


@dataclass
class SimilarMunicipality:
    municipality: Municipality
    distance: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PriorityRule:
    """The thresholds of the platform's own priority group, for the page that explains it."""

    population_below: int
    centrality_classes: str
    index_below: float


def priority_rule() -> PriorityRule:
    classes = [str(number) for number in PRIORITY_CENTRALITY_CLASSES]
    joined = classes[0] if len(classes) == 1 else f"{', '.join(classes[:-1])} {_('eller')} {classes[-1]}"
    return PriorityRule(PRIORITY_POPULATION_BELOW, joined, PRIORITY_INDEX_BELOW)


def is_priority(population: int | None, centrality_class: int | None, index_value: float | None) -> bool:
    """Whether a municipality belongs to the centre's priority group."""
    return (
        (population is not None and population < PRIORITY_POPULATION_BELOW)
        or centrality_class in PRIORITY_CENTRALITY_CLASSES
        or (index_value is not None and index_value < PRIORITY_INDEX_BELOW)
    )


def _latest_real(code: str) -> dict[int, tuple[int, float]]:
    """Latest real (not estimated) value per municipality id: (year, value)."""
    latest: dict[int, tuple[int, float]] = {}
    for municipality_id, year, value in (
        Observation.objects.for_indicator(code)
        .real()
        .order_by("year")
        .values_list("municipality_id", "year", "value")
    ):
        latest[municipality_id] = (year, value)
    return latest


@transaction.atomic
def refresh_key_figures() -> int:
    """Copy the latest observations into the key-figure fields other apps filter on."""
    population = _latest_real(indicators.POPULATION)
    centrality = _latest_real(indicators.CENTRALITY_INDEX)
    centrality_class = _latest_real(indicators.CENTRALITY_CLASS)
    earlier = {
        (municipality_id, year): value
        for municipality_id, year, value in Observation.objects.for_indicator(indicators.POPULATION)
        .real()
        .values_list("municipality_id", "year", "value")
    }
    scores = latest_published_scores()
    municipalities = list(Municipality.objects.current())
    for municipality in municipalities:
        year, value = population.get(municipality.pk, (None, None))
        municipality.population = int(value) if value is not None else None
        municipality.population_year = year
        before = earlier.get((municipality.pk, year - 10)) if year else None
        municipality.population_change_10y = round((value / before - 1) * 100, 2) if before else None
        municipality.centrality_index = (
            int(centrality[municipality.pk][1]) if municipality.pk in centrality else None
        )
        municipality.centrality_class = (
            int(centrality_class[municipality.pk][1]) if municipality.pk in centrality_class else None
        )
        score = scores.get(municipality.pk)
        municipality.is_priority = is_priority(
            municipality.population,
            municipality.centrality_class,
            score.value if score else None,
        )
    # One UPDATE per row: far cheaper than bulk_update's CASE expressions at this size.
    for municipality in municipalities:
        Municipality.objects.filter(pk=municipality.pk).update(
            population=municipality.population,
            population_year=municipality.population_year,
            population_change_10y=municipality.population_change_10y,
            centrality_index=municipality.centrality_index,
            centrality_class=municipality.centrality_class,
            is_priority=municipality.is_priority,
        )
    # Bulk updates send no signals, so make cached pages and figures stale here.
    bump_datasets(DATASET)
    return len(municipalities)


def _features(
    population: int | None, centrality_index: int | None, change: float | None
) -> tuple[float, float, float] | None:
    if population is None or centrality_index is None or change is None:
        return None
    return (math.log(max(population, 1)), float(centrality_index), change)


def _number(value: float | None, decimals: int | None = None) -> str:
    return format_decimal(value, decimals) if decimals else format_count(value)


def _reasons(municipality: Municipality, other: Municipality) -> list[str]:
    return [
        _("Folketal %(other)s (mot %(own)s)")
        % {
            "other": _number(other.population),
            "own": _number(municipality.population),
        },
        _("Sentralitetsindeks %(other)s, klasse %(other_class)s (mot %(own)s, klasse %(own_class)s)")
        % {
            "other": other.centrality_index,
            "other_class": other.centrality_class,
            "own": municipality.centrality_index,
            "own_class": municipality.centrality_class,
        },
        _("Folketalsendring siste ti år %(other)s %% (mot %(own)s %%)")
        % {
            "other": _number(other.population_change_10y, 1),
            "own": _number(municipality.population_change_10y, 1),
        },
    ]


FeatureTable = tuple[list[float], list[float], list[tuple[int, list[float]]]]


def _feature_table() -> FeatureTable:
    """Means, standard deviations and z-scores of every current municipality, per version of the data."""
    return get_or_compute(DATASET, "feature-table", _compute_feature_table, language_neutral=True)


def _compute_feature_table() -> FeatureTable:
    candidates = [
        (pk, features)
        for pk, *values in Municipality.objects.current().values_list(
            "pk", "population", "centrality_index", "population_change_10y"
        )
        if (features := _features(*values)) is not None
    ]
    if len(candidates) < 2:
        return [], [], []
    columns = list(zip(*(features for _pk, features in candidates), strict=True))
    means = [sum(column) / len(column) for column in columns]
    deviations = [
        math.sqrt(sum((value - mean) ** 2 for value in column) / (len(column) - 1)) or 1.0
        for column, mean in zip(columns, means, strict=True)
    ]
    table = [
        (
            pk,
            [
                (value - mean) / deviation
                for value, mean, deviation in zip(features, means, deviations, strict=True)
            ],
        )
        for pk, features in candidates
    ]
    return (means, deviations, table)


def similar_municipalities(municipality: Municipality, limit: int = 5) -> list[SimilarMunicipality]:
    """The nearest current municipalities on standardised log population, centrality and ten-year growth.

    Each indicator is turned into a z-score over all current municipalities with all three
    values, and the distance is Euclidean over the three z-scores.
    """
    own = _features(
        municipality.population,
        municipality.centrality_index,
        municipality.population_change_10y,
    )
    if own is None:
        return []
    means, deviations, table = _feature_table()
    if len(table) < 2:
        return []

    def standardised(features: tuple[float, float, float]) -> list[float]:
        return [
            (value - mean) / deviation
            for value, mean, deviation in zip(features, means, deviations, strict=True)
        ]

    own_z = standardised(own)
    nearest = sorted((math.dist(own_z, z_scores), pk) for pk, z_scores in table if pk != municipality.pk)[
        :limit
    ]
    objects = Municipality.objects.select_related("county").in_bulk([pk for _distance, pk in nearest])
    ranked = [SimilarMunicipality(objects[pk], distance) for distance, pk in nearest]
    for similar in ranked:
        similar.reasons = _reasons(municipality, similar.municipality)
    return ranked
