"""Figures for a group of municipalities (a county, a region, the whole country) from their indicators.

One function, `aggregate_indicators`, serves every page that shows a group: the county and
region pages, and the county and national columns of a comparison. Counts of people
(population, employed, births minus deaths, migration) are summed. Every other quantity
(indices, shares, percentage points) is a mean weighted by each municipality's population
on 1 January of the same year, so a municipality of 200 000 weighs a hundred times one of
2 000. Classes (centrality class 1–6) are categories, not quantities, and are not
aggregated. Estimated values (split municipalities before the split) are left out. A sum
needs every member's value; a mean says how many of the group's municipalities it rests on.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import TextChoices
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from distrikt.core.derived import get_or_compute

from . import indicators
from .models import DATASET, Indicator, Municipality, Observation


class Method(TextChoices):
    """How the values of the members become one figure for the group."""

    SUM = "sum", _("sum")
    WEIGHTED_MEAN = "weighted_mean", _("snitt vekta med folketal")


SUMMED = frozenset(
    {
        indicators.POPULATION,
        indicators.EMPLOYMENT,
        indicators.BIRTH_BALANCE,
        indicators.NET_DOMESTIC_MIGRATION,
        indicators.NET_IMMIGRATION,
    }
)
NOT_AGGREGATED = frozenset({indicators.CENTRALITY_CLASS})


def method_for(code: str) -> Method | None:
    """The method for an indicator, or None when its values are categories."""
    if code in NOT_AGGREGATED:
        return None
    return Method.SUM if code in SUMMED else Method.WEIGHTED_MEAN


@dataclass(frozen=True)
class AggregateValue:
    """A group's figure for one year, and how many members it rests on."""

    value: float
    count: int
    expected: int

    @property
    def is_complete(self) -> bool:
        return self.count == self.expected


@dataclass
class IndicatorAggregate:
    """A group's figures for one indicator, per year."""

    code: str
    method: Method
    years: dict[int, AggregateValue] = field(default_factory=dict)

    @property
    def latest_year(self) -> int | None:
        return max(self.years, default=None)

    @property
    def latest(self) -> AggregateValue | None:
        year = self.latest_year
        return self.years[year] if year is not None else None


def aggregate_indicators(municipality_ids: Iterable[int]) -> dict[str, IndicatorAggregate]:
    """Every aggregatable indicator's figure per year for the municipalities with these ids.

    A sum is given only for years where every member has a value (a sum over part of the
    group would read as a fall). A weighted mean uses the members that have both the value
    and a population for that year, and says how many they are. Years without a figure are
    absent.
    """
    members = set(municipality_ids)
    if not members:
        return {}
    rows = (
        Observation.objects.real()
        .filter(municipality_id__in=members)
        .values_list("indicator__code", "municipality_id", "year", "value")
    )
    values: dict[str, dict[int, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    for code, municipality_id, year, value in rows:
        values[code][year][municipality_id] = value
    population = values.get(indicators.POPULATION, {})
    result: dict[str, IndicatorAggregate] = {}
    for code in sorted(values):
        method = method_for(code)
        if method is None:
            continue
        aggregate = IndicatorAggregate(code, method)
        for year in sorted(values[code]):
            by_member = values[code][year]
            if method is Method.SUM:
                # A sum over part of the group would look like a fall; give none instead.
                if len(by_member) == len(members):
                    aggregate.years[year] = AggregateValue(
                        sum(by_member.values()), len(members), len(members)
                    )
                continue
            weights = population.get(year, {})
            weighted = [
                (value, weights[member]) for member, value in by_member.items() if weights.get(member)
            ]
            total_weight = sum(weight for _value, weight in weighted)
            if total_weight > 0:
                aggregate.years[year] = AggregateValue(
                    sum(value * weight for value, weight in weighted) / total_weight,
                    len(weighted),
                    len(members),
                )
        if aggregate.years:
            result[code] = aggregate
    return result


@dataclass(frozen=True)
class GroupAggregates:
    """The aggregates of every current county (by county code) and of the whole country."""

    counties: dict[str, dict[str, IndicatorAggregate]]
    national: dict[str, IndicatorAggregate]


def group_aggregates() -> GroupAggregates:
    """Every county's and the country's aggregates, computed together once per version of the data.

    One cached value rather than one per county: a comparison of eight municipalities reads
    it once (kept in the process too; callers only read it), whatever counties they are in.
    The numbers hold no translated text, so every language shares them.
    """

    def compute() -> GroupAggregates:
        members: dict[str, list[int]] = defaultdict(list)
        for county_code, pk in Municipality.objects.current().values_list("county__code", "pk"):
            members[county_code].append(pk)
        return GroupAggregates(
            counties={code: aggregate_indicators(members[code]) for code in sorted(members)},
            national=aggregate_indicators(Municipality.objects.current().values_list("pk", flat=True)),
        )

    return get_or_compute(DATASET, "aggregates:groups", compute, language_neutral=True, in_process=True)


def county_aggregates(county_code: str) -> dict[str, IndicatorAggregate]:
    """The aggregates of a current county's current municipalities, per version of the data."""
    return group_aggregates().counties.get(county_code, {})


def national_aggregates() -> dict[str, IndicatorAggregate]:
    """The aggregates of every current municipality, per version of the data."""
    return group_aggregates().national


@dataclass(frozen=True)
class SummaryRow:
    """One line of the aggregates table on a county or region page: the latest year."""

    indicator: Indicator
    name: str
    method: Method
    year: int
    value: float
    count: int
    expected: int
    decimals: int

    @property
    def number_format(self) -> str:
        """The argument of the `floatformat` filter: the decimals, with thousands grouped."""
        return f"{self.decimals}g"

    @property
    def is_complete(self) -> bool:
        return self.count == self.expected


# Shown with this many decimals; every other indicator as a whole number.
DECIMALS = {
    indicators.PRIVATE_DIVERSITY: 3,
    indicators.RESIDENTIAL_ATTRACTIVENESS: 1,
}


def decimals_for(code: str, method: Method | None = None) -> int:
    """Decimals for display: as the indicator needs, and one for weighted means of whole numbers."""
    if code in DECIMALS:
        return DECIMALS[code]
    return 1 if method is Method.WEIGHTED_MEAN else 0


def summary_rows(aggregates: dict[str, IndicatorAggregate]) -> list[SummaryRow]:
    """The latest figure of each aggregated indicator, in the order of the platform's definitions."""
    by_code = Indicator.objects.in_bulk(list(aggregates), field_name="code")
    order = {definition.code: position for position, definition in enumerate(indicators.DEFINITIONS)}
    rows = []
    for code in sorted(aggregates, key=lambda code: (order.get(code, len(order)), code)):
        aggregate = aggregates[code]
        latest = aggregate.latest
        if code not in by_code or latest is None or aggregate.latest_year is None:
            continue
        rows.append(
            SummaryRow(
                indicator=by_code[code],
                name=by_code[code].name_in(get_language() or "nn"),
                method=aggregate.method,
                year=aggregate.latest_year,
                value=latest.value,
                count=latest.count,
                expected=latest.expected,
                decimals=decimals_for(code, aggregate.method),
            )
        )
    return rows
