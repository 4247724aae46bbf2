"""Reading the knowledge bank: filters that combine, counts per filter value, themes, feeds."""

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from distrikt.core.derived import get_or_compute
from distrikt.core.exports import Table
from distrikt.municipalities.models import County, Municipality
from distrikt.organisation.models import KnowledgeArea, TargetGroup

from . import ranking
from .models import (
    CommissionStatus,
    ContentType,
    FollowUpStatus,
    KnowledgeEntry,
    KnowledgeEntryQuerySet,
    ResearchCommission,
)
from .models.entries import DATASET
from .models.followups import RUNNING_STATUSES
from .models.research import DELIVERED_STATUSES

FILTER_KEYS = ("tema", "type", "malgruppe", "fylke", "kommune", "ar", "oppfolging")
FILTER_LABELS = {
    "tema": _("Tema"),
    "type": _("Innhaldstype"),
    "malgruppe": _("Målgruppe"),
    "fylke": _("Fylke"),
    "kommune": _("Kommune"),
    "ar": _("År"),
    "oppfolging": _("Oppfølging"),
}
FOLLOWED_UP = "fylgt-opp"
RUNNING_AFTER_THREE_YEARS = "i-drift-etter-3-ar"
FOLLOW_UP_FILTERS = {
    FOLLOWED_UP: _("Praksisdøme som er fylgde opp"),
    RUNNING_AFTER_THREE_YEARS: _("Held framleis fram etter 3 år"),
}
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_RANKED = 1000


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    is_selected: bool = False


@dataclass
class Facet:
    key: str
    label: str
    options: list[FacetOption] = field(default_factory=list)


def clean_query(raw: str | None) -> str:
    printable = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[:10_000])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def parse_filters(params: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Keep the filter values that exist; name the ones that do not, so the page can say so."""
    filters: dict[str, str] = {}
    ignored: list[str] = []
    checks = {
        "tema": lambda v: KnowledgeArea.objects.filter(slug=v).exists(),
        "type": lambda v: v in ContentType.values,
        "malgruppe": lambda v: TargetGroup.objects.filter(slug=v).exists(),
        "fylke": lambda v: County.objects.current().filter(code=v).exists(),
        "kommune": lambda v: Municipality.objects.current().filter(code=v).exists(),
        "ar": lambda v: v.isascii() and v.isdigit() and 1900 <= int(v) <= 2100,
        "oppfolging": lambda v: v in FOLLOW_UP_FILTERS,
    }
    for key in FILTER_KEYS:
        value = (params.get(key) or "").strip()[:100]
        if not value:
            continue
        if checks[key](value):
            filters[key] = value
        else:
            ignored.append(str(FILTER_LABELS[key]))
    return filters, ignored


def apply_filters(
    entries: KnowledgeEntryQuerySet, filters: Mapping[str, str], skip: str = ""
) -> KnowledgeEntryQuerySet:
    """Narrow entries by every filter except `skip` (used to count one facet's values)."""
    appliers = {
        "tema": entries.model.objects.with_area,
        "type": entries.model.objects.of_type,
        "malgruppe": entries.model.objects.for_target_group,
        "fylke": entries.model.objects.in_county,
        "kommune": entries.model.objects.in_municipality,
        "ar": lambda value: entries.model.objects.in_year(int(value)),
        "oppfolging": follow_up_entries,
    }
    for key, value in filters.items():
        if key != skip:
            entries = entries.filter(pk__in=appliers[key](value).values("pk"))
    return entries


def follow_up_entries(value: str) -> KnowledgeEntryQuerySet:
    """Practical examples that were followed up, or that still ran at a follow-up after 3 years or more."""
    follow_ups = "page__practicalexamplepage__follow_ups"
    if value == RUNNING_AFTER_THREE_YEARS:
        return KnowledgeEntry.objects.filter(
            **{f"{follow_ups}__after_years__gte": 3, f"{follow_ups}__status__in": RUNNING_STATUSES}
        ).exclude(**{f"{follow_ups}__status": FollowUpStatus.ENDED})
    return KnowledgeEntry.objects.filter(**{f"{follow_ups}__isnull": False})


def _counted(rows) -> Counter:
    counts: Counter = Counter()
    for value, count in rows:
        if value is not None:
            counts[str(value)] += count
    return counts


def facet_counts(base: KnowledgeEntryQuerySet, filters: Mapping[str, str]) -> list[Facet]:
    """For each filter, how many entries each value would give with the other filters kept."""
    facets = []
    for key in FILTER_KEYS:
        entries = apply_filters(base, filters, skip=key)
        if key == "tema":
            counts = _counted(
                entries.values_list("knowledge_areas__slug").annotate(n=Count("pk", distinct=True))
            )
            labels = {area.slug: area.localized_name for area in KnowledgeArea.objects.all()}
        elif key == "type":
            counts = _counted(entries.values_list("content_type").annotate(n=Count("pk", distinct=True)))
            labels = {code: str(label) for code, label in ContentType.choices}
        elif key == "malgruppe":
            counts = _counted(
                entries.values_list("target_groups__slug").annotate(n=Count("pk", distinct=True))
            )
            labels = {group.slug: group.localized_name for group in TargetGroup.objects.all()}
        elif key == "fylke":
            pairs = set(entries.values_list("pk", "counties__code")) | set(
                entries.values_list("pk", "municipalities__county__code")
            )
            counts = Counter(code for _pk, code in pairs if code)
            labels = dict(County.objects.current().values_list("code", "name"))
        elif key == "kommune":
            counts = _counted(
                entries.values_list("municipalities__code").annotate(n=Count("pk", distinct=True))
            )
            labels = dict(
                Municipality.objects.current().filter(code__in=list(counts)).values_list("code", "name")
            )
        elif key == "oppfolging":
            counts = Counter(
                {
                    value: entries.filter(pk__in=follow_up_entries(value).values("pk")).count()
                    for value in FOLLOW_UP_FILTERS
                }
            )
            counts = Counter({value: count for value, count in counts.items() if count})
            labels = {value: str(label) for value, label in FOLLOW_UP_FILTERS.items()}
        else:
            counts = _counted(entries.values_list("year").annotate(n=Count("pk", distinct=True)))
            labels = {value: value for value in counts}
        selected = filters.get(key, "")
        options = [
            FacetOption(value, str(labels.get(value, value)), count, value == selected)
            for value, count in counts.items()
            if value in labels
        ]
        if selected and selected not in counts:
            options.append(FacetOption(selected, str(labels.get(selected, selected)), 0, True))
        if key == "ar":
            options.sort(key=lambda option: option.value, reverse=True)
        else:
            options.sort(key=lambda option: option.label)
        facets.append(Facet(key, str(FILTER_LABELS[key]), options))
    return facets


def cached_facet_counts(
    base: KnowledgeEntryQuerySet, filters: Mapping[str, str], scope: str = ""
) -> list[Facet]:
    """`facet_counts` per version of the bank, the registers its labels come from, and language.

    `scope` names what `base` holds (e.g. the search words), as part of the key.
    """
    fingerprint = hashlib.sha256(repr((scope, sorted(filters.items()))).encode()).hexdigest()
    return get_or_compute(
        (DATASET, "organisation", "municipalities"),
        f"facets:{fingerprint}",
        lambda: facet_counts(base, filters),
        language=get_language(),
    )


class RankedEntries(Sequence):
    """Entries in relevance order; a slice (one page) loads only its own entries."""

    def __init__(self, entries: KnowledgeEntryQuerySet, scores: Mapping[int, float]) -> None:
        ordered = sorted(
            entries.values_list("pk", "date"),
            key=lambda row: (-scores.get(row[0], 0.0), -row[1].toordinal()),
        )
        self._pks = [pk for pk, _date in ordered]
        self._entries = entries

    def __len__(self) -> int:
        return len(self._pks)

    @overload
    def __getitem__(self, index: int) -> KnowledgeEntry: ...

    @overload
    def __getitem__(self, index: slice) -> list[KnowledgeEntry]: ...

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self._load([self._pks[index]])[0]
        return self._load(self._pks[index])

    def _load(self, pks: list[int]) -> list[KnowledgeEntry]:
        by_pk = self._entries.in_bulk(pks)
        return [by_pk[pk] for pk in pks if pk in by_pk]


@dataclass
class EntrySelection:
    """The entries a knowledge-index request selects (not yet paged), with its facets."""

    entries: KnowledgeEntryQuerySet | RankedEntries
    facets: list[Facet]
    filters: dict[str, str]
    ignored: list[str]
    query: str
    sort: str


@dataclass
class EntrySearch:
    """The answer to one knowledge-index request: one page of the selection and its facets."""

    page: PaginatorPage
    total: int
    facets: list[Facet]
    filters: dict[str, str]
    ignored: list[str]
    query: str
    sort: str

    @classmethod
    def of(cls, selection: EntrySelection, page: PaginatorPage) -> "EntrySearch":
        return cls(
            page=page,
            total=page.paginator.count,
            facets=selection.facets,
            filters=selection.filters,
            ignored=selection.ignored,
            query=selection.query,
            sort=selection.sort,
        )


def search_entries(params: Mapping[str, str]) -> EntrySearch:
    """Filter, optionally search, sort and paginate the knowledge bank (the API's list)."""
    selection = select_entries(params)
    return EntrySearch.of(selection, Paginator(selection.entries, PAGE_SIZE).get_page(params.get("page")))


def select_entries(params: Mapping[str, str]) -> EntrySelection:
    """Filter, optionally search and sort the knowledge bank; `filter_list` pages the result."""
    query = clean_query(params.get("q"))
    filters, ignored = parse_filters(params)
    sort = params.get("sort") if params.get("sort") in ("relevance", "newest") else ""
    base = KnowledgeEntry.objects.all()
    scores: dict[int, float] = {}
    if query:
        ranked = ranking.rank_pages(query, limit=MAX_RANKED)
        if ranked is None:
            base = base.filter(title__icontains=query)
        else:
            scores = dict(ranked)
            base = base.filter(pk__in=list(scores))
    facets = cached_facet_counts(base, filters, scope=query)
    newest = apply_filters(base, filters).newest_first()
    sort = sort or ("relevance" if query else "newest")
    entries: KnowledgeEntryQuerySet | RankedEntries = newest
    if query and sort == "relevance" and scores:
        entries = RankedEntries(newest, scores)
    return EntrySelection(
        entries=entries, facets=facets, filters=filters, ignored=ignored, query=query, sort=sort
    )


def entries_for_area(area: KnowledgeArea, limit: int = 30) -> list[KnowledgeEntry]:
    return list(KnowledgeEntry.objects.with_area(area.slug).newest_first()[:limit])


def latest_entries(area: KnowledgeArea | None = None, limit: int = 50) -> list[KnowledgeEntry]:
    entries = KnowledgeEntry.objects.all()
    if area is not None:
        entries = entries.with_area(area.slug)
    return list(entries.newest_first()[:limit])


def entries_for_municipality(municipality: Municipality, limit: int = 10) -> list[KnowledgeEntry]:
    return list(KnowledgeEntry.objects.filter(municipalities=municipality).newest_first()[:limit])


def examples_from_similar_municipalities(
    municipality: Municipality, limit: int = 6
) -> list[tuple[KnowledgeEntry, list[Municipality]]]:
    """Practical examples from the municipalities most like this one, nearest first."""
    from distrikt.municipalities.services import similar_municipalities

    similar = [item.municipality for item in similar_municipalities(municipality, limit=20)]
    if not similar:
        return []
    rank = {m.pk: position for position, m in enumerate(similar)}
    entries = (
        KnowledgeEntry.objects.of_type(ContentType.EXAMPLE)
        .filter(municipalities__in=similar)
        .exclude(municipalities=municipality)
        .distinct()
        .prefetch_related("municipalities")
    )
    found = []
    for entry in entries:
        matched = [m for m in entry.municipalities.all() if m.pk in rank]
        found.append((min(rank[m.pk] for m in matched), entry, matched))
    found.sort(key=lambda row: (row[0], -row[1].date.toordinal()))
    return [(entry, matched) for _rank, entry, matched in found[:limit]]


def upcoming_webinars(today, limit: int = 3) -> list[KnowledgeEntry]:
    """Webinars (pages of the events app) still to come, soonest first."""
    return list(
        KnowledgeEntry.objects.of_type(ContentType.WEBINAR)
        .filter(date__gte=today)
        .order_by("date", "page_id")[:limit]
    )


@dataclass
class ResearchOverview:
    """The public view of the research register: ongoing, completed, and counts."""

    ongoing: list[ResearchCommission]
    completed: list[ResearchCommission]
    by_year: list[tuple[int, int, int]]
    by_theme: list[tuple[str, int]]
    by_institution: list[tuple[str, int]]


def research_overview() -> ResearchOverview:
    """Ongoing and completed commissions with counts by year (ordered, delivered), theme and institution."""
    commissions = ResearchCommission.objects.exclude(status=CommissionStatus.PLANNED).prefetch_related(
        "themes"
    )
    listed = list(commissions.exclude(status=CommissionStatus.CANCELLED).order_by("-ordered_on", "title"))
    ordered = Counter(item.ordered_on.year for item in listed if item.ordered_on)
    delivered = Counter(item.delivered_on.year for item in listed if item.delivered_on)
    themes: Counter = Counter(theme.localized_name for item in listed for theme in item.themes.all())
    institutions = Counter(item.institution for item in listed)
    return ResearchOverview(
        ongoing=[item for item in listed if item.status not in DELIVERED_STATUSES],
        completed=[item for item in listed if item.status in DELIVERED_STATUSES],
        by_year=[
            (year, ordered[year], delivered[year])
            for year in sorted(set(ordered) | set(delivered), reverse=True)
        ],
        by_theme=sorted(themes.items(), key=lambda pair: (-pair[1], pair[0])),
        by_institution=sorted(institutions.items(), key=lambda pair: (-pair[1], pair[0])),
    )


def research_tables(overview: ResearchOverview) -> list[Table]:
    """The register and its counts as export tables (public fields only)."""
    header = [
        _("Tittel"),
        _("Problemstilling"),
        _("Forskingsinstitusjon"),
        _("Status"),
        _("Bestilt"),
        _("Frist"),
        _("Levert"),
        _("Budsjett (kr)"),
        _("Tema"),
    ]
    rows = [
        [
            item.title,
            item.question,
            item.institution,
            item.get_status_display(),
            item.ordered_on,
            item.due_on,
            item.delivered_on,
            item.budget,
            ", ".join(theme.localized_name for theme in item.themes.all()),
        ]
        for item in [*overview.ongoing, *overview.completed]
    ]
    return [
        Table(str(_("FoU-oppdrag")), [str(heading) for heading in header], rows),
        Table(str(_("Per år")), [str(_("År")), str(_("Bestilte")), str(_("Leverte"))], overview.by_year),
        Table(str(_("Per tema")), [str(_("Tema")), str(_("Oppdrag"))], overview.by_theme),
        Table(
            str(_("Per institusjon")),
            [str(_("Forskingsinstitusjon")), str(_("Oppdrag"))],
            overview.by_institution,
        ),
    ]
