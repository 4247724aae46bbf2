"""Municipalities side by side: every indicator, with their counties and the country beside them.

The page, the downloads and the API (`/api/v1/compare`) all read `select_municipalities`
and `build_comparison`, so they show the same numbers. The county and national figures
come from `aggregates.aggregate_indicators`, the same function as the county and region
pages use.

Everything a comparison reads (the current municipalities, the list to choose from, the
indicators, every current municipality's values and the group figures) is one derived
value per version of the municipality data (`comparison_basis`), kept in the process: a
comparison of any eight then costs one read of the data version and no query.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.template.defaultfilters import floatformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from distrikt.core.charts import MultiLineChart, multi_line_chart
from distrikt.core.derived import get_or_compute
from distrikt.core.exports import Cell, Table

from . import indicators
from .aggregates import (
    GroupAggregates,
    IndicatorAggregate,
    Method,
    decimals_for,
    group_aggregates,
    method_for,
)
from .models import DATASET, County, Indicator, Municipality, Observation
from .services import similar_municipalities

# The query parameters the page and its downloads read (the page cache keys on these only).
QUERY_PARAMS = ("k", "eigen")
MIN_MUNICIPALITIES = 2
MAX_MUNICIPALITIES = 8
SIMILAR_COUNT = 5
# Values of `k` looked at: enough to name every repeat and typo of a full comparison.
MAX_RAW_CODES = 24
CODE = re.compile(r"^\d{4}$")
# An unknown code is echoed back in the message, shortened.
ECHO_LENGTH = 12


@dataclass(frozen=True)
class ComparedValue:
    """A municipality's value for one year; estimated values are flagged."""

    value: float
    is_estimate: bool = False


# A municipality's values: (indicator code, year, value, is_estimate), by indicator code and
# year. Plain tuples: the basis is unpickled from the shared cache by every process, and
# tens of thousands of dataclass instances took a tenth of a second to unpickle.
Series = tuple[tuple[str, int, float, bool], ...]


@dataclass(frozen=True)
class ComparisonBasis:
    """What every comparison reads, fetched together once per version of the municipality data.

    Kept in the process and shared by every request and thread: nothing may change it.
    """

    # Every current municipality by code, with its county.
    municipalities: dict[str, Municipality]
    # (code, name) of every current municipality, ordered by name (the lists to choose from).
    choices: tuple[tuple[str, str], ...]
    # Every indicator by code.
    indicators: dict[str, Indicator]
    # Every current municipality's values by its id.
    series: dict[int, Series]
    # The county and national figures of the same version.
    groups: GroupAggregates


def _series(municipality_ids: Iterable[int] | None = None) -> dict[int, Series]:
    """The values of these municipalities (of every current one when None), by municipality id."""
    rows = Observation.objects.filter(value__isnull=False)
    if municipality_ids is None:
        rows = rows.filter(municipality__valid_to__isnull=True)
    else:
        rows = rows.filter(municipality_id__in=list(municipality_ids))
    collected: dict[int, list[tuple[str, int, float, bool]]] = defaultdict(list)
    for code, municipality_id, year, value, is_estimate in rows.values_list(
        "indicator__code", "municipality_id", "year", "value", "is_estimate"
    ).order_by("indicator__code", "year"):
        collected[municipality_id].append((code, year, value, is_estimate))
    return {municipality_id: tuple(values) for municipality_id, values in collected.items()}


def _compute_basis() -> ComparisonBasis:
    municipalities = {
        municipality.code: municipality
        for municipality in Municipality.objects.current().select_related("county").order_by("code")
    }
    series = _series()
    return ComparisonBasis(
        municipalities=municipalities,
        choices=tuple(Municipality.objects.current().order_by("name").values_list("code", "name")),
        indicators={indicator.code: indicator for indicator in Indicator.objects.all()},
        series={municipality.pk: series.get(municipality.pk, ()) for municipality in municipalities.values()},
        groups=group_aggregates(),
    )


def comparison_basis() -> ComparisonBasis:
    """The comparison data of the current version (names and numbers only: every language shares it)."""
    return get_or_compute(DATASET, "comparison:basis", _compute_basis, language_neutral=True, in_process=True)


@dataclass
class Selection:
    """The municipalities a request asks for, and what in it could not be used."""

    municipalities: list[Municipality] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    own: Municipality | None = None
    # The data the selection was made from; a comparison of it reads the same.
    basis: ComparisonBasis | None = None

    @property
    def is_too_many(self) -> bool:
        return len(self.municipalities) > MAX_MUNICIPALITIES

    @property
    def is_too_few(self) -> bool:
        return len(self.municipalities) < MIN_MUNICIPALITIES

    @property
    def is_comparable(self) -> bool:
        return not self.is_too_many and not self.is_too_few

    @property
    def codes(self) -> list[str]:
        return [municipality.code for municipality in self.municipalities]


def select_municipalities(raw_codes: Iterable[str], basis: ComparisonBasis | None = None) -> Selection:
    """Current municipalities for the given codes, ordered by code; unknown and repeated codes named.

    The order is by code whatever the order asked, so one comparison has one address.
    """
    selection = Selection(basis=basis or comparison_basis())
    wanted: list[str] = []
    for raw in list(raw_codes)[:MAX_RAW_CODES]:
        code = raw.strip()
        if not code:
            continue
        if not CODE.match(code):
            selection.unknown.append(code[:ECHO_LENGTH])
        elif code in wanted:
            if code not in selection.repeated:
                selection.repeated.append(code)
        else:
            wanted.append(code)
    current = selection.basis.municipalities
    found = {code: current[code] for code in wanted if code in current}
    selection.unknown.extend(code for code in wanted if code not in found)
    selection.municipalities = sorted(found.values(), key=lambda municipality: municipality.code)
    return selection


def select_with_similar(raw_code: str) -> Selection:
    """A municipality and the five most like it (`services.similar_municipalities`)."""
    code = raw_code.strip()
    selection = select_municipalities([code])
    if not selection.municipalities:
        return selection
    own = selection.municipalities[0]
    selection.own = own
    selection.municipalities = [own] + [
        similar.municipality for similar in similar_municipalities(own, limit=SIMILAR_COUNT)
    ]
    return selection


@dataclass
class ComparisonRow:
    """One year of an indicator: each municipality, each county and the country, in column order."""

    year: int
    municipalities: list[ComparedValue | None]
    counties: list[float | None]
    national: float | None


# Formatted numbers by (exact value, format, language): the same municipality, county and
# national figures come back on page after page, and formatting is most of a page's work.
_FORMATTED: dict[tuple[float | str, str, str], str] = {}
_FORMATTED_LIMIT = 100_000
MISSING = "–"


def formatted(value: float, arg: str, language: str | None = None) -> str:
    """`value|floatformat:arg` in `language` (the active one when None), remembered.

    Zero is keyed by its text, which keeps -0.0 apart from 0.0 (they are equal as numbers).
    """
    if language is None:
        language = get_language() or ""
    key = (value or repr(value), arg, language)
    text = _FORMATTED.get(key)
    if text is None:
        text = floatformat(value, arg)
        if len(_FORMATTED) >= _FORMATTED_LIMIT:
            _FORMATTED.clear()
        _FORMATTED[key] = text
    return text


@dataclass(frozen=True)
class DisplayRow:
    """A year of an indicator as printed: the year and each column's text ("–" for no value)."""

    year: str
    municipalities: list[str]
    counties: list[str]
    national: str


@dataclass
class ComparedIndicator:
    """One indicator across the compared municipalities."""

    indicator: Indicator
    name: str
    method: Method | None
    decimals: int
    rows: list[ComparisonRow]
    chart: MultiLineChart | None = None

    @property
    def latest(self) -> ComparisonRow | None:
        """The newest year in which a compared municipality has a value."""
        for row in reversed(self.rows):
            if any(value is not None for value in row.municipalities):
                return row
        return None

    @property
    def number_format(self) -> str:
        """The `floatformat` argument for county and national figures (grouped thousands)."""
        return f"{self.decimals}g"

    @property
    def value_format(self) -> str:
        """The `floatformat` argument for a municipality's own values: as stored, no mean's decimal."""
        return f"{decimals_for(self.indicator.code)}g"

    def display_row(self, row: ComparisonRow, language: str | None = None) -> DisplayRow:
        """`row` as the page prints it: own values as stored (estimates starred), groups rounded."""
        own, group = self.value_format, self.number_format
        if language is None:
            language = get_language() or ""
        return DisplayRow(
            year=str(row.year),
            municipalities=[
                MISSING
                if cell is None
                else formatted(cell.value, own, language) + ("*" if cell.is_estimate else "")
                for cell in row.municipalities
            ],
            counties=[
                MISSING if value is None else formatted(value, group, language) for value in row.counties
            ],
            national=MISSING if row.national is None else formatted(row.national, group, language),
        )

    @cached_property
    def display_rows(self) -> list[DisplayRow]:
        """Every year as printed, newest first (the table under the chart)."""
        language = get_language() or ""
        return [self.display_row(row, language) for row in reversed(self.rows)]

    @property
    def display_latest(self) -> DisplayRow | None:
        """The newest year in which a compared municipality has a value, as printed."""
        for row, shown in zip(reversed(self.rows), self.display_rows, strict=True):
            if any(value is not None for value in row.municipalities):
                return shown
        return None


@dataclass
class Comparison:
    """The compared municipalities, their counties (each once) and every indicator."""

    municipalities: list[Municipality]
    counties: list[County]
    indicators: list[ComparedIndicator]

    # The headings over every table of the page, made once for all of them.
    @cached_property
    def municipality_headings(self) -> list[str]:
        return [municipality.name for municipality in self.municipalities]

    @cached_property
    def county_headings(self) -> list[str]:
        """«Name (fylke)» in the active language."""
        return [_("%(name)s (fylke)") % {"name": county.name} for county in self.counties]


_ORDER = {definition.code: position for position, definition in enumerate(indicators.DEFINITIONS)}


def _ordered_indicators(codes: Iterable[str], known: dict[str, Indicator]) -> list[Indicator]:
    """The indicators with these codes, in the order of the platform's definitions."""
    return sorted(
        (known[code] for code in set(codes) if code in known),
        key=lambda indicator: (_ORDER.get(indicator.code, len(_ORDER)), indicator.code),
    )


def _aggregate_value(aggregate: IndicatorAggregate | None, year: int) -> float | None:
    if aggregate is None or year not in aggregate.years:
        return None
    return aggregate.years[year].value


def build_comparison(
    municipalities: Sequence[Municipality],
    *,
    with_charts: bool = True,
    basis: ComparisonBasis | None = None,
) -> Comparison:
    """Every indicator with a value for a compared municipality or the country, year by year.

    `basis` is the data to read (a selection's `basis`); the current one when not given.
    """
    counties = list(
        {municipality.county.code: municipality.county for municipality in municipalities}.values()
    )
    basis = basis or comparison_basis()
    # A municipality that is no longer current is not in the basis: read its values.
    series = basis.series
    others = [municipality.pk for municipality in municipalities if municipality.pk not in series]
    if others:
        series = {**series, **_series(others)}
    values: dict[str, dict[int, list[ComparedValue | None]]] = defaultdict(dict)
    for index, municipality in enumerate(municipalities):
        for code, year, value, is_estimate in series.get(municipality.pk, ()):
            row = values[code].get(year)
            if row is None:
                row = values[code][year] = [None] * len(municipalities)
            row[index] = ComparedValue(value, is_estimate)
    groups = basis.groups
    by_county = {county.code: groups.counties.get(county.code, {}) for county in counties}
    national = groups.national
    language = get_language() or "nn"
    compared = []
    for indicator in _ordered_indicators([*values, *national], basis.indicators):
        code = indicator.code
        method = method_for(code)
        years = sorted(set(values.get(code, {})) | set(national[code].years if code in national else ()))
        rows = [
            ComparisonRow(
                year=year,
                municipalities=values.get(code, {}).get(year, [None] * len(municipalities)),
                counties=[_aggregate_value(by_county[county.code].get(code), year) for county in counties],
                national=_aggregate_value(national.get(code), year),
            )
            for year in years
        ]
        item = ComparedIndicator(
            indicator=indicator,
            name=indicator.name_in(language),
            method=method,
            decimals=decimals_for(code, method),
            rows=rows,
        )
        if with_charts:
            item.chart = _chart(item, municipalities)
        compared.append(item)
    return Comparison(municipalities=list(municipalities), counties=counties, indicators=compared)


def _chart(item: ComparedIndicator, municipalities: Sequence[Municipality]) -> MultiLineChart | None:
    """The municipalities' lines; for a weighted mean the country's too (a sum is on another scale)."""
    series: list[tuple[str, list[tuple[int, float, bool]]]] = [
        (
            municipality.name,
            [
                (row.year, cell.value, cell.is_estimate)
                for row in item.rows
                if (cell := row.municipalities[index]) is not None
            ],
        )
        for index, municipality in enumerate(municipalities)
    ]
    if item.method is Method.WEIGHTED_MEAN:
        series.append(
            (
                _("Heile landet"),
                [(row.year, row.national, False) for row in item.rows if row.national is not None],
            )
        )
    return multi_line_chart(series)


def method_label(method: Method | None) -> str:
    if method is Method.SUM:
        return _("sum av kommunane")
    if method is Method.WEIGHTED_MEAN:
        return _("snitt vekta med folketal")
    return _("blir ikkje slått saman (klassar)")


def comparison_table(comparison: Comparison) -> Table:
    """The comparison as one long table: a row per indicator and year, a column per place."""
    header = [
        _("Indikatorkode"),
        _("Indikator"),
        _("Eining"),
        _("År"),
        *(f"{municipality.code} {municipality.name}" for municipality in comparison.municipalities),
        *(_("Fylket %(name)s") % {"name": county.name} for county in comparison.counties),
        _("Heile landet"),
        _("Fylke og land: metode"),
    ]
    rows: list[list[Cell]] = []
    for item in comparison.indicators:
        for row in item.rows:
            rows.append(
                [
                    item.indicator.code,
                    item.name,
                    item.indicator.unit,
                    row.year,
                    *(cell.value if cell is not None else None for cell in row.municipalities),
                    *row.counties,
                    row.national,
                    method_label(item.method),
                ]
            )
    return Table(title=_("Samanlikning"), header=header, rows=rows)


def sources_table(comparison: Comparison) -> Table:
    """Where each indicator comes from, and how the county and national figures are made."""
    return Table(
        title=_("Kjelder og metode"),
        header=[
            _("Indikatorkode"),
            _("Indikator"),
            _("Eining"),
            _("Kjelde"),
            _("SSB-tabell"),
            _("Fylke og land"),
        ],
        rows=[
            [
                item.indicator.code,
                item.name,
                item.indicator.unit,
                item.indicator.source,
                item.indicator.ssb_table,
                method_label(item.method),
            ]
            for item in comparison.indicators
        ],
    )


def comparison_payload(comparison: Comparison, selection: Selection) -> dict:
    """The comparison as plain data for the API."""
    return {
        "municipalities": [
            {
                "code": municipality.code,
                "name": municipality.name,
                "county_code": municipality.county.code,
                "county": municipality.county.name,
                "url": municipality.get_absolute_url(),
            }
            for municipality in comparison.municipalities
        ],
        "counties": [{"code": county.code, "name": county.name} for county in comparison.counties],
        "unknown_codes": selection.unknown,
        "repeated_codes": selection.repeated,
        "indicators": [
            {
                "code": item.indicator.code,
                "name": item.name,
                "unit": item.indicator.unit,
                "source": item.indicator.source,
                "aggregation": item.method.value if item.method else None,
                "years": [
                    {
                        "year": row.year,
                        "municipalities": {
                            municipality.code: cell.value if cell is not None else None
                            for municipality, cell in zip(
                                comparison.municipalities, row.municipalities, strict=True
                            )
                        },
                        "estimated": [
                            municipality.code
                            for municipality, cell in zip(
                                comparison.municipalities, row.municipalities, strict=True
                            )
                            if cell is not None and cell.is_estimate
                        ],
                        "counties": {
                            county.code: value
                            for county, value in zip(comparison.counties, row.counties, strict=True)
                        },
                        "national": row.national,
                    }
                    for row in item.rows
                ],
            }
            for item in comparison.indicators
        ],
    }
