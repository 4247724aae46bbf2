"""Distriktsindeksen computed from stored observations, reproducibly (see docs/distriktsindeksen.md).

Each component is standardised (z-score over the municipalities, sample standard
deviation), truncated at ±2.5 standard deviations and scaled linearly to 0–100 over the
truncated range. The index is the weighted sum of the component scores with weights
that sum to one, so it lies between 0 and 100; lower means greater district challenges.
"""

import math
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from distrikt.core.derived import bump_datasets

from . import indicators
from .models import DATASET, DistrictIndexScore, Municipality, Observation

CENTRALITY = "centrality"
POPULATION_GROWTH = "population_growth"
EMPLOYMENT_GROWTH = "employment_growth"
BUSINESS_DIVERSITY = "business_diversity"

COMPONENT_LABELS = {
    CENTRALITY: _("Sentralitet"),
    POPULATION_GROWTH: _("Folketalsvekst siste ti år"),
    EMPLOYMENT_GROWTH: _("Sysselsetjingsvekst siste ti år"),
    BUSINESS_DIVERSITY: _("Breidd i privat næringsliv"),
}

METHODS: dict[str, dict[str, float]] = {
    "2022": {
        CENTRALITY: 0.40,
        POPULATION_GROWTH: 0.40,
        EMPLOYMENT_GROWTH: 0.10,
        BUSINESS_DIVERSITY: 0.10,
    },
    "2018": {CENTRALITY: 0.60, POPULATION_GROWTH: 0.20, EMPLOYMENT_GROWTH: 0.20},
}
DEFAULT_METHOD = "2022"
TRUNCATE_AT = 2.5
# A component enters the simplified variant when at least this share of municipalities has it.
SIMPLIFIED_MIN_COVERAGE = 0.9


@dataclass
class ComponentInput:
    """The raw values of one component for an edition, and what they rest on."""

    key: str
    values: dict[int, float]
    basis: str
    expected: int

    @property
    def coverage(self) -> float:
        return len(self.values) / self.expected if self.expected else 0.0

    @property
    def is_complete(self) -> bool:
        return self.expected > 0 and len(self.values) == self.expected

    @property
    def label(self) -> str:
        return str(COMPONENT_LABELS[self.key])


@dataclass
class IndexRow:
    """One municipality's place in an edition."""

    municipality: Municipality
    value: float
    rank: int
    components: dict[str, float]


@dataclass
class Edition:
    """Distriktsindeksen for one year and method, or why it cannot be published."""

    year: int
    method: str
    weights: dict[str, float]
    inputs: dict[str, ComponentInput]
    is_simplified: bool = False
    rows: list[IndexRow] = field(default_factory=list)
    left_out: list[Municipality] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return all(self.inputs[key].is_complete for key, weight in self.weights.items() if weight > 0)

    @property
    def missing_components(self) -> list[ComponentInput]:
        return [
            self.inputs[key]
            for key, weight in self.weights.items()
            if weight > 0 and not self.inputs[key].is_complete
        ]

    @property
    def used_weights(self) -> dict[str, float]:
        """The weights behind the rows, re-normalised to sum to one."""
        if not self.is_simplified:
            return normalise(self.weights)
        return normalise(
            {
                key: weight
                for key, weight in self.weights.items()
                if self.inputs[key].coverage >= SIMPLIFIED_MIN_COVERAGE
            }
        )

    @property
    def is_published(self) -> bool:
        return bool(self.rows)


def normalise(weights: dict[str, float]) -> dict[str, float]:
    total = sum(weight for weight in weights.values() if weight > 0)
    if total <= 0:
        return {}
    return {key: weight / total for key, weight in weights.items() if weight > 0}


def component_scores(values: dict[int, float]) -> dict[int, float]:
    """Standardise, truncate at ±2.5 SD and scale to 0–100."""
    if len(values) < 2:
        return dict.fromkeys(values, 50.0)
    numbers = list(values.values())
    mean = sum(numbers) / len(numbers)
    deviation = math.sqrt(sum((number - mean) ** 2 for number in numbers) / (len(numbers) - 1))
    if deviation == 0:
        return dict.fromkeys(values, 50.0)
    truncated = {
        key: max(-TRUNCATE_AT, min(TRUNCATE_AT, (value - mean) / deviation)) for key, value in values.items()
    }
    low, high = min(truncated.values()), max(truncated.values())
    return {key: (value - low) * 100 / (high - low) for key, value in truncated.items()}


def combine(
    inputs: dict[str, dict[int, float]], weights: dict[str, float]
) -> dict[int, tuple[float, dict[str, float]]]:
    """The index value and component scores per key, over keys that have every weighted component."""
    weights = normalise(weights)
    keys = set.intersection(*(set(inputs[name]) for name in weights)) if weights else set()
    scores = {name: component_scores({key: inputs[name][key] for key in keys}) for name in weights}
    return {
        key: (
            sum(weights[name] * scores[name][key] for name in weights),
            {name: scores[name][key] for name in weights},
        )
        for key in keys
    }


def _values(code: str, year: int, *, real_only: bool = True) -> dict[int, float]:
    queryset = Observation.objects.filter(indicator__code=code, year=year, value__isnull=False)
    if real_only:
        queryset = queryset.filter(is_estimate=False)
    return dict(queryset.values_list("municipality_id", "value"))


def _growth(code: str, start: int, end: int) -> dict[int, float]:
    before = _values(code, start)
    after = _values(code, end)
    return {
        key: (after[key] / before[key] - 1) * 100 for key in before.keys() & after.keys() if before[key] > 0
    }


def gather_inputs(year: int, municipality_ids: set[int]) -> dict[str, ComponentInput]:
    """Read each component from the observations, following the 2025 edition's years."""
    expected = len(municipality_ids)
    centrality_years = (
        Observation.objects.filter(indicator__code=indicators.CENTRALITY_INDEX, year__lte=year)
        .order_by("-year")
        .values_list("year", flat=True)[:1]
    )
    centrality_year = centrality_years[0] if centrality_years else None

    def restrict(values: dict[int, float]) -> dict[int, float]:
        return {key: value for key, value in values.items() if key in municipality_ids}

    return {
        CENTRALITY: ComponentInput(
            CENTRALITY,
            restrict(_values(indicators.CENTRALITY_INDEX, centrality_year)) if centrality_year else {},
            _("SSB sentralitetsindeks %(year)s") % {"year": centrality_year or f"≤ {year}"},
            expected,
        ),
        POPULATION_GROWTH: ComponentInput(
            POPULATION_GROWTH,
            restrict(_growth(indicators.POPULATION, year - 10, year)),
            _("Folketal 1.1.%(start)s–1.1.%(end)s") % {"start": year - 10, "end": year},
            expected,
        ),
        EMPLOYMENT_GROWTH: ComponentInput(
            EMPLOYMENT_GROWTH,
            restrict(_growth(indicators.EMPLOYMENT, year - 11, year - 1)),
            _("Sysselsette etter arbeidsstad, 4. kvartal %(start)s–%(end)s")
            % {"start": year - 11, "end": year - 1},
            expected,
        ),
        BUSINESS_DIVERSITY: ComponentInput(
            BUSINESS_DIVERSITY,
            restrict(_values(indicators.PRIVATE_DIVERSITY, year - 1)),
            _("Privat sysselsetjing etter tosifra næring, 4. kvartal %(year)s") % {"year": year - 1},
            expected,
        ),
    }


def compute_edition(
    year: int,
    method: str = DEFAULT_METHOD,
    *,
    weights: dict[str, float] | None = None,
    simplified: bool = False,
) -> Edition:
    """Compute an edition. Incomplete inputs give no rows unless the simplified variant is asked for."""
    municipalities = {
        municipality.pk: municipality
        for municipality in Municipality.objects.current().select_related("county")
    }
    edition = Edition(
        year=year,
        method=method,
        weights=dict(weights if weights is not None else METHODS[method]),
        inputs=gather_inputs(year, set(municipalities)),
    )
    if not edition.is_complete:
        if not simplified:
            return edition
        edition.is_simplified = True
    used = edition.used_weights
    if not used:
        return edition
    combined = combine({key: edition.inputs[key].values for key in used}, used)
    ordered = sorted(combined.items(), key=lambda item: (item[1][0], item[0]))
    edition.rows = [
        IndexRow(municipalities[key], value, rank, components)
        for rank, (key, (value, components)) in enumerate(ordered, start=1)
    ]
    edition.left_out = sorted(
        (municipalities[key] for key in municipalities.keys() - combined.keys()),
        key=lambda municipality: municipality.code,
    )
    return edition


@transaction.atomic
def store_edition(edition: Edition) -> int:
    """Replace the stored scores of this edition, method and variant with the computed rows."""
    DistrictIndexScore.objects.filter(
        year=edition.year, method=edition.method, is_simplified=edition.is_simplified
    ).delete()
    DistrictIndexScore.objects.bulk_create(
        DistrictIndexScore(
            municipality=row.municipality,
            year=edition.year,
            method=edition.method,
            is_simplified=edition.is_simplified,
            value=row.value,
            rank=row.rank,
            components=row.components,
        )
        for row in edition.rows
    )
    bump_datasets(DATASET)
    return len(edition.rows)


def latest_published_scores() -> dict[int, DistrictIndexScore]:
    """The newest complete (not simplified) stored edition of the default method, per municipality id."""
    latest = (
        DistrictIndexScore.objects.filter(method=DEFAULT_METHOD, is_simplified=False)
        .order_by("-year")
        .values_list("year", flat=True)[:1]
    )
    if not latest:
        return {}
    return {
        score.municipality_id: score
        for score in DistrictIndexScore.objects.filter(
            method=DEFAULT_METHOD, is_simplified=False, year=latest[0]
        )
    }
