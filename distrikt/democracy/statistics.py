"""Shares of municipalities with local democracy arrangements, and the kinds of mandate.

A municipality "has an arrangement" when at least one published arrangement in it is in
operation (status active). Only current municipalities count; those without a known
centrality class or population land in the "unknown" group of that breakdown.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from distrikt.core.exports import Table
from distrikt.municipalities.forms import SIZE_BANDS
from distrikt.municipalities.models import Municipality

from .models import Arrangement, ArrangementKind, Mandate


@dataclass(frozen=True)
class ShareRow:
    label: str
    municipalities: int
    with_arrangement: int

    @property
    def percent(self) -> float:
        return round(100 * self.with_arrangement / self.municipalities, 1) if self.municipalities else 0.0

    @property
    def value(self) -> float:  # what charts.bar_chart draws
        return self.percent


@dataclass(frozen=True)
class CountRow:
    label: str
    value: int


@dataclass(frozen=True)
class Statistics:
    total: ShareRow
    by_county: list[ShareRow]
    by_centrality: list[ShareRow]
    by_size: list[ShareRow]
    by_mandate: list[CountRow]
    by_kind: list[CountRow]


def size_band(population: int | None) -> str | None:
    if population is None:
        return None
    for key, (low, high) in SIZE_BANDS.items():
        if population >= low and (high is None or population < high):
            return key
    return None


def size_band_label(key: str) -> str:
    low, high = SIZE_BANDS[key]
    if high is None:
        return _("%(low)s innbyggjarar og fleire") % {"low": f"{low:,}".replace(",", " ")}
    return _("%(low)s–%(high)s innbyggjarar") % {
        "low": f"{low:,}".replace(",", " "),
        "high": f"{high - 1:,}".replace(",", " "),
    }


def _shares(municipalities: list[Municipality], having: set[int], key, labels: dict) -> list[ShareRow]:
    totals: Counter = Counter()
    hits: Counter = Counter()
    for municipality in municipalities:
        group = key(municipality)
        totals[group] += 1
        hits[group] += municipality.pk in having
    rows = [
        ShareRow(label=label, municipalities=totals[group], with_arrangement=hits[group])
        for group, label in labels.items()
        if totals[group]
    ]
    if totals[None]:
        rows.append(ShareRow(label=_("Ukjent"), municipalities=totals[None], with_arrangement=hits[None]))
    return rows


def compute_statistics() -> Statistics:
    municipalities = list(Municipality.objects.current().select_related("county").order_by("code"))
    current_ids = {m.pk for m in municipalities}
    arrangements = list(Arrangement.objects.published().active().filter(municipality_id__in=current_ids))
    having = {a.municipality_id for a in arrangements}
    counties = {}
    for municipality in municipalities:
        counties.setdefault(municipality.county.code, municipality.county.name)
    mandates = Counter(a.mandate for a in arrangements)
    kinds = Counter(a.kind for a in arrangements)
    return Statistics(
        total=ShareRow(_("Heile landet"), len(municipalities), len(having)),
        by_county=_shares(municipalities, having, lambda m: m.county.code, dict(sorted(counties.items()))),
        by_centrality=_shares(
            municipalities,
            having,
            lambda m: m.centrality_class,
            {number: _("Sentralitetsklasse %(number)s") % {"number": number} for number in range(1, 7)},
        ),
        by_size=_shares(
            municipalities,
            having,
            lambda m: size_band(m.population),
            {key: size_band_label(key) for key in SIZE_BANDS},
        ),
        by_mandate=[
            *(CountRow(str(label), mandates[value]) for value, label in Mandate.choices),
            CountRow(_("Med eige budsjett"), sum(1 for a in arrangements if a.has_own_budget)),
        ],
        by_kind=[CountRow(str(label), kinds[value]) for value, label in ArrangementKind.choices],
    )


def statistics_tables(statistics: Statistics) -> list[Table]:
    """The statistics as tables for CSV/Excel (core.exports)."""
    share_header = [_("Gruppe"), _("Kommunar"), _("Med ordning"), _("Del (%)")]

    def shares(title: str, rows: list[ShareRow]) -> Table:
        return Table(
            title=title,
            header=share_header,
            rows=[[row.label, row.municipalities, row.with_arrangement, row.percent] for row in rows],
        )

    return [
        shares(_("Fylke"), [*statistics.by_county, statistics.total]),
        shares(_("Sentralitet"), statistics.by_centrality),
        shares(_("Storleik"), statistics.by_size),
        Table(
            title=_("Mandat"),
            header=[_("Mandat"), _("Ordningar")],
            rows=[[row.label, row.value] for row in statistics.by_mandate],
        ),
        Table(
            title=_("Type"),
            header=[_("Type ordning"), _("Ordningar")],
            rows=[[row.label, row.value] for row in statistics.by_kind],
        ),
    ]


def statistics_long_table(statistics: Statistics) -> Table:
    """Every share in one long table (the CSV export, which holds one table)."""
    rows = []
    for breakdown, share_rows in (
        (_("Fylke"), statistics.by_county),
        (_("Sentralitet"), statistics.by_centrality),
        (_("Storleik"), statistics.by_size),
        (_("Heile landet"), [statistics.total]),
    ):
        rows.extend(
            [breakdown, row.label, row.municipalities, row.with_arrangement, row.percent]
            for row in share_rows
        )
    return Table(
        title=_("Nærdemokratiske ordningar"),
        header=[_("Inndeling"), _("Gruppe"), _("Kommunar"), _("Med ordning"), _("Del (%)")],
        rows=rows,
    )
