"""Attractiveness after the Telemarksforsking model: population change in its components,
and residential attractiveness as net migration beyond what employment growth predicts.

Population change over a year (1 January to 1 January) is split into birth balance, net
domestic migration and net immigration (SSB 06913). What the three do not explain
(corrections in the register) is shown as its own part, so the parts always add up to
the change in population.

Residential attractiveness for a period is the residual of an ordinary least-squares
regression across municipalities of net migration (per cent of the population at the
start) on employment growth (per cent) over the same period.
"""

from dataclasses import dataclass

from . import indicators
from .importers.observations import ObservationRow, write_observations
from .models import Municipality, Observation

METHOD_VERSION = "attraktivitet-1"
COMPONENT_CODES = (
    indicators.BIRTH_BALANCE,
    indicators.NET_DOMESTIC_MIGRATION,
    indicators.NET_IMMIGRATION,
)


@dataclass
class ChangeComponents:
    """The change in population over one year and its parts."""

    year: int
    total: float
    birth_balance: float
    net_domestic_migration: float
    net_immigration: float

    @property
    def unexplained(self) -> float:
        return self.total - (self.birth_balance + self.net_domestic_migration + self.net_immigration)


def decompose(population: dict[int, float], parts: dict[str, dict[int, float]]) -> list[ChangeComponents]:
    """Years where the population at both ends and all three parts are known."""
    result = []
    for year in sorted(population):
        if year + 1 not in population:
            continue
        if not all(year in parts.get(code, {}) for code in COMPONENT_CODES):
            continue
        result.append(
            ChangeComponents(
                year=year,
                total=population[year + 1] - population[year],
                birth_balance=parts[indicators.BIRTH_BALANCE][year],
                net_domestic_migration=parts[indicators.NET_DOMESTIC_MIGRATION][year],
                net_immigration=parts[indicators.NET_IMMIGRATION][year],
            )
        )
    return result


def population_change_components(municipality: Municipality) -> list[ChangeComponents]:
    """The decomposition for one municipality from stored real observations."""
    values: dict[str, dict[int, float]] = {}
    for code, year, value in (
        Observation.objects.real()
        .filter(
            municipality=municipality,
            indicator__code__in=(indicators.POPULATION, *COMPONENT_CODES),
        )
        .values_list("indicator__code", "year", "value")
    ):
        values.setdefault(code, {})[year] = value
    if not all(code in values for code in COMPONENT_CODES):
        return []
    return decompose(values.pop(indicators.POPULATION, {}), values)


@dataclass
class AttractivenessResult:
    """Residential attractiveness of one municipality over a period."""

    municipality_id: int
    net_migration_percent: float
    employment_growth_percent: float
    predicted_percent: float

    @property
    def attractiveness(self) -> float:
        return self.net_migration_percent - self.predicted_percent


def residential_attractiveness(
    net_migration_percent: dict[int, float], employment_growth_percent: dict[int, float]
) -> list[AttractivenessResult]:
    """Residuals of net migration regressed on employment growth across municipalities."""
    keys = sorted(net_migration_percent.keys() & employment_growth_percent.keys())
    if len(keys) < 3:
        return []
    xs = [employment_growth_percent[key] for key in keys]
    ys = [net_migration_percent[key] for key in keys]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0.0
    intercept = mean_y - slope * mean_x
    return [
        AttractivenessResult(key, y, x, intercept + slope * x) for key, x, y in zip(keys, xs, ys, strict=True)
    ]


def period_attractiveness(start: int, end: int) -> list[AttractivenessResult]:
    """Residential attractiveness for the period start–end from stored observations."""

    def by_year(code: str, year: int) -> dict[int, float]:
        return dict(
            Observation.objects.real()
            .filter(indicator__code=code, year=year)
            .values_list("municipality_id", "value")
        )

    population_start = by_year(indicators.POPULATION, start)
    migration: dict[int, float] = {}
    complete: set[int] | None = None
    for year in range(start, end):
        for code in (indicators.NET_DOMESTIC_MIGRATION, indicators.NET_IMMIGRATION):
            values = by_year(code, year)
            complete = set(values) if complete is None else complete & set(values)
            for key, value in values.items():
                migration[key] = migration.get(key, 0.0) + value
    employment_start = by_year(indicators.EMPLOYMENT, start)
    employment_end = by_year(indicators.EMPLOYMENT, end)
    net_migration_percent = {
        key: migration[key] / population_start[key] * 100
        for key in (complete or set())
        if population_start.get(key)
    }
    employment_growth = {
        key: (employment_end[key] / employment_start[key] - 1) * 100
        for key in employment_start.keys() & employment_end.keys()
        if employment_start[key]
    }
    return residential_attractiveness(net_migration_percent, employment_growth)


def latest_period() -> tuple[int, int] | None:
    """The longest period ending in the latest employment year that migration data covers."""
    employment_years = set(
        Observation.objects.real()
        .filter(indicator__code=indicators.EMPLOYMENT)
        .values_list("year", flat=True)
        .distinct()
    )
    migration_years = set(
        Observation.objects.real()
        .filter(indicator__code=indicators.NET_DOMESTIC_MIGRATION)
        .values_list("year", flat=True)
        .distinct()
    )
    if not migration_years:
        return None
    for end in sorted(employment_years, reverse=True):
        for start in sorted(employment_years):
            if start < end and all(year in migration_years for year in range(start, end)):
                return start, end
    return None


def store_period_attractiveness(start: int, end: int) -> int:
    """Store residential attractiveness for start–end as derived observations (year = end)."""
    results = period_attractiveness(start, end)
    codes = dict(
        Municipality.objects.filter(pk__in=[result.municipality_id for result in results]).values_list(
            "pk", "code"
        )
    )
    rows = [
        ObservationRow(
            codes[result.municipality_id],
            indicators.RESIDENTIAL_ATTRACTIVENESS,
            end,
            round(result.attractiveness, 4),
            method_version=f"{METHOD_VERSION}:{start}-{end}",
        )
        for result in results
    ]
    write_observations(rows, replace=True)
    return len(rows)
