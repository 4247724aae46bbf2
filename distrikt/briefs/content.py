"""What a brief says: figures for an area, read from the other apps, each with its source.

`build_content` runs in the brief's language (call it inside `translation.override`) and
returns plain data; `documents.py` turns the same data into the PDF and the workbook, so the
two files never disagree. Nothing here writes.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from distrikt.core import charts
from distrikt.events.models import EventPage, Registration
from distrikt.knowledge.models import KnowledgeEntry
from distrikt.merkur.models import MunicipalityAccessibility, Shop, ShopService
from distrikt.municipalities import indicators
from distrikt.municipalities.models import County, Indicator, Municipality, Observation, Region
from distrikt.municipalities.services import (
    PRIORITY_CENTRALITY_CLASSES,
    PRIORITY_INDEX_BELOW,
    PRIORITY_POPULATION_BELOW,
)
from distrikt.organisation.models import KnowledgeArea

from .models import AreaKind

TREND_YEARS = 10
REMOTE_CLASSES = (5, 6)
COMPONENT_CODES = (
    indicators.BIRTH_BALANCE,
    indicators.NET_DOMESTIC_MIGRATION,
    indicators.NET_IMMIGRATION,
)


class UnknownAreaError(ValueError):
    """The county, region or knowledge area asked for does not exist."""


@dataclass
class Area:
    """The area a brief covers and how to find its municipalities, products and events."""

    kind: str
    key: str
    name: str
    municipalities: list[Municipality]
    county: County | None = None
    region: Region | None = None
    knowledge_area: KnowledgeArea | None = None

    @property
    def is_whole_country(self) -> bool:
        """Themes and the country are described with every municipality's figures."""
        return self.kind in (AreaKind.COUNTRY, AreaKind.THEME)


def resolve_area(kind: str, key: str = "") -> Area | None:
    """The area named by kind and key (county code, region slug, knowledge-area slug), or None."""
    current = Municipality.objects.current().select_related("county").order_by("code")
    if kind == AreaKind.COUNTY:
        county = County.objects.current().filter(code=key).first()
        if county is None:
            return None
        return Area(kind, key, county.name, list(current.filter(county=county)), county=county)
    if kind == AreaKind.REGION:
        region = Region.objects.filter(slug=key).first()
        if region is None:
            return None
        members = current.filter(region_memberships__region=region, region_memberships__valid_to__isnull=True)
        return Area(kind, key, region.name, list(members.distinct()), region=region)
    if kind == AreaKind.THEME:
        knowledge_area = KnowledgeArea.objects.filter(slug=key).first()
        if knowledge_area is None:
            return None
        return Area(kind, key, knowledge_area.localized_name, list(current), knowledge_area=knowledge_area)
    if kind == AreaKind.COUNTRY:
        return Area(kind, "", _("Heile landet"), list(current))
    return None


@dataclass(frozen=True)
class Source:
    """Where a figure comes from and how recent it is."""

    name: str
    vintage: str
    table: str = ""
    is_demo: bool = False

    @property
    def label(self) -> str:
        parts = [self.name]
        if self.table:
            parts.append(_("tabell %(table)s") % {"table": self.table})
        parts.append(self.vintage)
        text = ", ".join(part for part in parts if part)
        return f"{text} ({_('demo')})" if self.is_demo else text


@dataclass
class KeyFigure:
    """One headline number of the brief, with its source."""

    label: str
    value: int | float | None
    unit: str
    source: Source
    decimals: int = 0

    @property
    def is_demo(self) -> bool:
        return self.source.is_demo


@dataclass
class TableSection:
    """A titled table the PDF prints and the workbook writes as one sheet."""

    title: str
    header: list[str]
    rows: list[list]
    source: Source | None = None
    note: str = ""
    empty_text: str = ""

    @property
    def is_demo(self) -> bool:
        return bool(self.source and self.source.is_demo)


@dataclass
class BriefContent:
    """Everything a brief shows, in the language it was built in."""

    area: Area
    year_from: int
    year_to: int
    generated_at: datetime.datetime
    language: str = "nn"
    key_figures: list[KeyFigure] = field(default_factory=list)
    population: TableSection | None = None
    population_chart: charts.LineChart | None = None
    components: TableSection | None = None
    components_chart: charts.ColumnChart | None = None
    remote: TableSection | None = None
    merkur: TableSection | None = None
    knowledge: TableSection | None = None
    events: TableSection | None = None
    sources: list[Source] = field(default_factory=list)
    priority_rule: str = ""
    has_data: bool = True

    @property
    def sections(self) -> list[TableSection]:
        """The tables in the order the PDF prints them (and the workbook's sheets)."""
        candidates = [self.population, self.components, self.remote, self.merkur, self.knowledge, self.events]
        return [section for section in candidates if section is not None]


def _indicator_source(indicator: Indicator | None, years: Sequence[int]) -> Source:
    if indicator is None:
        return Source(_("Statistisk sentralbyrå"), "")
    vintage = _("tal for %(first)s–%(last)s") % {"first": years[0], "last": years[-1]} if years else ""
    if len(years) == 1:
        vintage = _("tal for %(year)s") % {"year": years[0]}
    return Source(indicator.source, vintage, indicator.ssb_table)


def complete_yearly_sums(
    municipality_ids: Iterable[int], code: str
) -> tuple[dict[int, float], Indicator | None]:
    """The sum over the municipalities per year, only for years every one of them has a real value.

    A year where one municipality is missing would show a false drop, so it is left out.
    """
    ids = set(municipality_ids)
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None or not ids:
        return {}, indicator
    sums: dict[int, float] = defaultdict(float)
    counts: dict[int, int] = defaultdict(int)
    rows = (
        Observation.objects.filter(indicator=indicator, municipality_id__in=ids)
        .real()
        .values_list("year", "value")
    )
    for year, value in rows:
        sums[year] += value
        counts[year] += 1
    return {year: sums[year] for year in sorted(sums) if counts[year] == len(ids)}, indicator


def _population(content: BriefContent, ids: list[int]) -> None:
    totals, indicator = complete_yearly_sums(ids, indicators.POPULATION)
    years = [year for year in sorted(totals) if year <= content.year_to + 1][-(TREND_YEARS + 1) :]
    if not years:
        return
    source = _indicator_source(indicator, years)
    latest = years[-1]
    content.key_figures.append(
        KeyFigure(
            _("Folketal 1. januar %(year)s") % {"year": latest}, round(totals[latest]), _("personar"), source
        )
    )
    first = years[0]
    if first != latest and totals[first]:
        change = (totals[latest] - totals[first]) / totals[first] * 100
        content.key_figures.append(
            KeyFigure(
                _("Endring i folketalet %(first)s–%(last)s") % {"first": first, "last": latest},
                round(change, 1),
                "%",
                source,
                decimals=1,
            )
        )
    rows = []
    previous = None
    for year in years:
        value = round(totals[year])
        rows.append([year, value, None if previous is None else value - previous])
        previous = value
    content.population = TableSection(
        _("Folketal"), [_("År"), _("Folketal 1. januar"), _("Endring frå året før")], rows, source
    )
    content.population_chart = charts.line_chart((year, totals[year], False) for year in years)
    content.sources.append(source)


def _components(content: BriefContent, ids: list[int]) -> None:
    series = {}
    used: list[Indicator] = []
    for code in COMPONENT_CODES:
        sums, indicator = complete_yearly_sums(ids, code)
        series[code] = sums
        if indicator is not None and sums:
            used.append(indicator)
    years = sorted(set.intersection(*(set(values) for values in series.values())) if series else set())
    years = [year for year in years if year <= content.year_to][-TREND_YEARS:]
    names = [_("Fødselsoverskot"), _("Netto innanlandsk flytting"), _("Nettoinnvandring")]
    if not years:
        content.components = TableSection(
            _("Kvifor folketalet endrar seg"),
            [_("År"), *names],
            [],
            empty_text=_(
                "Komponentane i folketalsendringa (fødslar, flytting, innvandring) er ikkje lasta inn for dette området."
            ),
        )
        return
    source = _indicator_source(used[0], years)
    rows = [[year, *(round(series[code][year]) for code in COMPONENT_CODES)] for year in years]
    content.components = TableSection(_("Kvifor folketalet endrar seg"), [_("År"), *names], rows, source)
    latest = years[-1]
    content.components_chart = charts.column_chart(
        (name, series[code][latest]) for name, code in zip(names, COMPONENT_CODES, strict=True)
    )
    content.sources.append(source)


def _remote(content: BriefContent, municipalities: list[Municipality]) -> None:
    remote = [m for m in municipalities if m.centrality_class in REMOTE_CLASSES]
    priority_count = sum(1 for m in municipalities if m.is_priority)
    classified = [m for m in municipalities if m.centrality_class is not None]
    source = Source(_("Statistisk sentralbyrå, Klass 128 (sentralitet 2020)"), _("kommunegrenser 2024"))
    rule_source = Source(_("Distriktssenteret, plattforma sin eigen regel"), _("rekna ut frå dei siste tala"))
    content.priority_rule = _(
        "«Prioritert» er plattforma sin eigen regel, ikkje ei offisiell inndeling: kommunar med "
        "under %(population)s innbyggjarar, i sentralitetsklasse %(classes)s eller med "
        "distriktsindeks under %(index)s."
    ) % {
        "population": f"{PRIORITY_POPULATION_BELOW:,}".replace(",", "\u00a0"),
        "classes": "–".join(str(number) for number in PRIORITY_CENTRALITY_CLASSES),
        "index": f"{PRIORITY_INDEX_BELOW:g}",
    }
    content.key_figures.append(KeyFigure(_("Kommunar"), len(municipalities), _("kommunar"), source))
    if classified:
        content.key_figures.append(
            KeyFigure(_("Kommunar i sentralitetsklasse 5–6"), len(remote), _("kommunar"), source)
        )
    content.key_figures.append(
        KeyFigure(
            _("Prioriterte kommunar (plattforma sin regel)"), priority_count, _("kommunar"), rule_source
        )
    )
    rows = [
        [m.code, m.short_name, m.county.name, m.population, m.centrality_class, m.is_priority] for m in remote
    ]
    content.remote = TableSection(
        _("Kommunar i sentralitetsklasse 5–6"),
        [
            _("Kommunenummer"),
            _("Kommune"),
            _("Fylke"),
            _("Folketal"),
            _("Sentralitetsklasse"),
            _("Prioritert (plattforma sin regel)"),
        ],
        rows,
        source,
        note=content.priority_rule,
        empty_text=_("Ingen kommunar i området er i sentralitetsklasse 5 eller 6."),
    )
    content.sources.extend([source, rule_source])


def _merkur(content: BriefContent, municipalities: list[Municipality]) -> None:
    ids = [m.pk for m in municipalities]
    shops = Shop.objects.active().filter(municipality_id__in=ids)
    shop_count = shops.count()
    if not shop_count:
        content.merkur = TableSection(
            _("Merkur-butikkar og tilgjenge"),
            [],
            [],
            empty_text=_("Ingen Merkur-butikkar er registrerte i området."),
        )
        return
    is_demo = shops.filter(is_demo=True).exists()
    services = ShopService.objects.filter(shop__in=shops, ended_on__isnull=True).count()
    vintage = _("registeret per %(date)s") % {"date": timezone.localdate().isoformat()}
    source = Source(_("Merkur-registeret"), vintage, is_demo=is_demo)
    content.key_figures.append(KeyFigure(_("Merkur-butikkar i drift"), shop_count, _("butikkar"), source))
    accessibility = {
        row.municipality_id: row for row in MunicipalityAccessibility.objects.filter(municipality_id__in=ids)
    }
    per_municipality = dict(
        shops.values_list("municipality_id")
        .annotate(total=Count("pk"))
        .values_list("municipality_id", "total")
    )
    access_source = Source(
        _("Tilgjengeanalyse av Merkur-butikkane, SSB rutenett 250 m"), "2019", is_demo=is_demo
    )
    population = sum(row.population for row in accessibility.values())
    far = sum(row.population_over_10km for row in accessibility.values())
    if population:
        content.key_figures.append(
            KeyFigure(
                _("Innbyggjarar over 10 km frå næraste butikk"),
                round(far / population * 100, 1),
                "%",
                access_source,
                1,
            )
        )
    rows = []
    for municipality in municipalities:
        count = per_municipality.get(municipality.pk, 0)
        row = accessibility.get(municipality.pk)
        if not count and row is None:
            continue
        rows.append([municipality.short_name, count, row.percent_over_10km if row else None])
    note = _("Butikkregisteret inneheld demodata: tala er ikkje ekte.") if is_demo else ""
    content.merkur = TableSection(
        _("Merkur-butikkar og tilgjenge"),
        [_("Kommune"), _("Butikkar i drift"), _("Innbyggjarar over 10 km frå butikk (%)")],
        rows,
        access_source,
        note=f"{note} " + _("Tilleggstenester i drift i butikkane: %(count)s.") % {"count": services},
    )
    content.sources.extend([source, access_source])


def _period_filter(year_from: int, year_to: int) -> Q:
    return Q(year__gte=year_from, year__lte=year_to)


def knowledge_entries(area: Area, year_from: int, year_to: int) -> QuerySet[KnowledgeEntry]:
    """The knowledge bank's products for the area published in the period."""
    entries = KnowledgeEntry.objects.filter(_period_filter(year_from, year_to))
    if area.kind == AreaKind.COUNTY and area.county:
        entries = entries.in_county(area.county.code)
    elif area.kind == AreaKind.REGION:
        entries = entries.filter(municipalities__in=[m.pk for m in area.municipalities])
    elif area.kind == AreaKind.THEME:
        entries = entries.with_area(area.key)
    return entries.distinct().newest_first()


def events_for(area: Area, year_from: int, year_to: int) -> QuerySet[EventPage]:
    """The centre's published events in the area that started in the period."""
    events = EventPage.objects.live().filter(start__year__gte=year_from, start__year__lte=year_to)
    if area.kind == AreaKind.COUNTY and area.county:
        events = events.in_county(area.county.slug)
    elif area.kind == AreaKind.REGION:
        events = events.filter(municipality__in=[m.pk for m in area.municipalities])
    elif area.kind == AreaKind.THEME:
        events = events.with_knowledge_areas([area.key])
    return events.distinct().order_by("start", "pk")


def _knowledge(content: BriefContent) -> None:
    entries = list(knowledge_entries(content.area, content.year_from, content.year_to)[:200])
    is_demo = any(entry.is_demo for entry in entries)
    source = Source(
        _("Kunnskapsbanken til Distriktssenteret"),
        _("publisert %(first)s–%(last)s") % {"first": content.year_from, "last": content.year_to},
        is_demo=is_demo,
    )
    content.key_figures.append(KeyFigure(_("Kunnskapsprodukt i perioden"), len(entries), _("stk."), source))
    rows = [
        [
            entry.date,
            entry.content_type_label,
            entry.title + (f" ({_('demo')})" if entry.is_demo else ""),
            entry.url,
        ]
        for entry in entries
    ]
    content.knowledge = TableSection(
        _("Kunnskapsprodukt frå Distriktssenteret"),
        [_("Dato"), _("Type"), _("Tittel"), _("Adresse")],
        rows,
        source,
        empty_text=_("Kunnskapsbanken har ingen produkt for dette området i perioden."),
    )
    content.sources.append(source)


def _events(content: BriefContent) -> None:
    events = list(events_for(content.area, content.year_from, content.year_to)[:200])
    participants = dict(
        Registration.objects.filter(event__in=[event.pk for event in events])
        .confirmed()
        .values_list("event_id")
        .annotate(total=Count("pk"))
        .values_list("event_id", "total")
    )
    is_demo = any(event.is_demo for event in events)
    source = Source(
        _("Arrangementa til Distriktssenteret"),
        _("arrangement %(first)s–%(last)s") % {"first": content.year_from, "last": content.year_to},
        is_demo=is_demo,
    )
    content.key_figures.append(KeyFigure(_("Arrangement i perioden"), len(events), _("stk."), source))
    rows = [
        [
            timezone.localtime(event.start).date(),
            event.get_kind_display(),
            event.title + (f" ({_('demo')})" if event.is_demo else ""),
            participants.get(event.pk, 0),
        ]
        for event in events
    ]
    content.events = TableSection(
        _("Arrangement"),
        [_("Dato"), _("Type"), _("Tittel"), _("Påmelde deltakarar")],
        rows,
        source,
        empty_text=_("Distriktssenteret hadde ingen arrangement her i perioden."),
    )
    content.sources.append(source)


def build_content(area: Area, year_from: int, year_to: int) -> BriefContent:
    """Read every figure of the brief for the area and period (in the active language)."""
    content = BriefContent(
        area=area,
        year_from=year_from,
        year_to=year_to,
        generated_at=timezone.now(),
        language=translation.get_language() or "nn",
    )
    municipalities = area.municipalities
    ids = [m.pk for m in municipalities]
    if municipalities:
        _remote(content, municipalities)
        _population(content, ids)
        _components(content, ids)
        _merkur(content, municipalities)
    _knowledge(content)
    _events(content)
    content.sources = list(dict.fromkeys(content.sources))
    has_figures = bool(content.population and content.population.rows)
    has_products = bool(content.knowledge and content.knowledge.rows) or bool(
        content.events and content.events.rows
    )
    content.has_data = bool(municipalities) and (has_figures or has_products)
    return content
