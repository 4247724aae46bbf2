"""Grant figures for the Merkur dashboard and the annual report: applications and grants by
year, scheme and county, budget use per scheme, and processing times.

Two audiences, two builds. The public build reads decided grants only, so nothing about a
pending or refused case can reach a public page or export, not even as a zero in a county
row. The full build (Merkur advisors, and the annual report for the ministry) adds the
applications received, the pending and the refused cases. Counts and sums are aggregated in
the database; the medians read two timestamps per decided case.

What is counted:

- the year is the application's year (the budget year it was made for);
- an application is a case that was submitted; an appeal (klage) is not a new application,
  but a grant given on appeal is a grant;
- a grant is a decision to grant (``granted_amount`` is set); it stays counted when it is
  later paid, reported, lapses or is withdrawn;
- budget use counts what the grants bind: the granted amount, or only what was paid of a
  grant that lapsed or was withdrawn, against the scheme's budget for that year (none set
  for the year: no budget, no share);
- processing time is calendar days (Norwegian time) from the first submission, read from the
  audit log, to the decision; a request for more information does not restart the clock.
  The public build takes the grants, the full build every decision.
"""

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from distrikt.core.derived import get_or_compute
from distrikt.municipalities.models import County

from .models import (
    GRANTS_DATASET,
    REGISTER_DATASET,
    SCHEMES_DATASET,
    Application,
    ApplicationStatus,
    CaseEvent,
    SchemeBudget,
    SupportScheme,
)
from .statistics import Row

S = ApplicationStatus

# Every dataset the figures are computed from: the cases, the shops' municipalities, the
# schemes (names, budgets) and the counties.
DATASETS = (GRANTS_DATASET, REGISTER_DATASET, SCHEMES_DATASET, "municipalities")
PENDING_STATUSES = (S.SUBMITTED, S.UNDER_ASSESSMENT, S.MORE_INFORMATION_REQUESTED)
# A grant in one of these binds only what was paid of it.
RELEASED_STATUSES = (S.LAPSED, S.WITHDRAWN)
# Recompute at least this often even when no case changes (the current year moves on).
CACHE_SECONDS = 3600

IS_GRANT = Q(granted_amount__isnull=False, decided_at__isnull=False)
IS_APPLICATION = Q(submitted_at__isnull=False, appeal_of__isnull=True)
IS_REFUSAL = IS_APPLICATION & Q(decided_at__isnull=False, granted_amount__isnull=True)

YEAR_KEY = "year"
SCHEME_KEY = "scheme_id"
COUNTY_KEY = "shop__municipality__county_id"


@dataclass(frozen=True)
class GrantRow:
    """One year, scheme or county: the grants, and for advisors the applications behind them.

    `demo` counts the cases in the row that were made for demonstration. The advisor-only
    counts are None in the public build.
    """

    label: str
    granted: int
    granted_sum: int
    paid_sum: int
    demo: int
    applications: int | None = None
    pending: int | None = None
    refused: int | None = None


@dataclass(frozen=True)
class BudgetRow:
    """How much of one scheme's yearly budget the year's grants bind; no budget, no share."""

    scheme: str
    budget: int | None
    committed: int
    demo: int

    @property
    def percent(self) -> float | None:
        if not self.budget:
            return None
        return round(self.committed / self.budget * 100, 1)


@dataclass(frozen=True)
class ProcessingRow:
    """The median number of days from submission to decision for one year or scheme."""

    label: str
    median_days: float | None
    demo: int
    # Advisors only: how many decided cases the median is taken over.
    decided: int | None = None


@dataclass(frozen=True)
class GrantStatistics:
    """The grant sections of the dashboard for one year, for one audience."""

    year: int
    is_full: bool
    by_year: list[GrantRow]
    by_scheme: list[GrantRow]
    by_county: list[GrantRow]
    budget: list[BudgetRow]
    processing_by_year: list[ProcessingRow]
    processing_by_scheme: list[ProcessingRow]

    @property
    def demo_cases(self) -> int:
        """Cases made for demonstration behind any figure here (every year is in `by_year`)."""
        return sum(row.demo for row in self.by_year)

    @property
    def has_grants(self) -> bool:
        return any(row.granted for row in self.by_year)

    @property
    def year_row(self) -> GrantRow | None:
        return next((row for row in self.by_year if row.label == str(self.year)), None)


# --------------------------------------------------------------------------- aggregates


def _cases(*, is_full: bool) -> QuerySet:
    """The cases an audience's figures are built from (ordering cleared for GROUP BY)."""
    cases = (
        Application.objects.filter(IS_APPLICATION | IS_GRANT)
        if is_full
        else Application.objects.filter(IS_GRANT)
    )
    return cases.order_by()


def _aggregate(cases: QuerySet, key: str, *, is_full: bool) -> dict:
    """Counts and sums per value of `key`, in one grouped query."""
    measures = {
        "granted": Count("pk", filter=IS_GRANT),
        "granted_sum": Coalesce(Sum("granted_amount", filter=IS_GRANT), 0),
        "paid_sum": Coalesce(Sum("paid_amount", filter=IS_GRANT), 0),
        "demo": Count("pk", filter=Q(is_demo=True)),
    }
    if is_full:
        measures.update(
            applications=Count("pk", filter=IS_APPLICATION),
            pending=Count("pk", filter=IS_APPLICATION & Q(status__in=PENDING_STATUSES)),
            refused=Count("pk", filter=IS_REFUSAL),
        )
    return {row.pop(key): row for row in cases.values(key).annotate(**measures)}


def _row(label: str, values: dict | None, *, is_full: bool) -> GrantRow:
    values = values or {}
    advisor_only = (
        {
            "applications": values.get("applications", 0),
            "pending": values.get("pending", 0),
            "refused": values.get("refused", 0),
        }
        if is_full
        else {}
    )
    return GrantRow(
        label=label,
        granted=values.get("granted", 0),
        granted_sum=values.get("granted_sum", 0),
        paid_sum=values.get("paid_sum", 0),
        demo=values.get("demo", 0),
        **advisor_only,
    )


def grant_years(*, is_full: bool) -> list[int]:
    """The years with figures for the audience, newest first (this year when there are none)."""
    years = set(_cases(is_full=is_full).values_list("year", flat=True).distinct())
    return sorted(years, reverse=True) or [timezone.localdate().year]


def by_year(*, is_full: bool) -> list[GrantRow]:
    """Every year from the first with figures to the last, gaps as zeros."""
    figures = _aggregate(_cases(is_full=is_full), YEAR_KEY, is_full=is_full)
    if not figures:
        return []
    return [
        _row(str(year), figures.get(year), is_full=is_full) for year in range(min(figures), max(figures) + 1)
    ]


def _schemes_shown(figures: dict) -> list[SupportScheme]:
    """The published schemes, and any other scheme that has figures."""
    return [scheme for scheme in SupportScheme.objects.all() if scheme.is_published or scheme.pk in figures]


def by_scheme(year: int, *, is_full: bool) -> list[GrantRow]:
    figures = _aggregate(_cases(is_full=is_full).filter(year=year), SCHEME_KEY, is_full=is_full)
    return [_row(scheme.name, figures.get(scheme.pk), is_full=is_full) for scheme in _schemes_shown(figures)]


def by_county(year: int, *, is_full: bool) -> list[GrantRow]:
    """Every current county (zeros included, so a row reveals nothing), then any other with figures."""
    figures = _aggregate(_cases(is_full=is_full).filter(year=year), COUNTY_KEY, is_full=is_full)
    counties = list(County.objects.current())
    shown = {county.pk for county in counties}
    counties += list(
        County.objects.filter(pk__in=[pk for pk in figures if pk is not None and pk not in shown])
    )
    rows = [_row(county.name, figures.get(county.pk), is_full=is_full) for county in counties]
    if None in figures:
        rows.append(_row(_("Ukjend fylke"), figures[None], is_full=is_full))
    return rows


def budget_use(year: int) -> list[BudgetRow]:
    """What the year's grants bind of each scheme's budget (public: grants are decided cases)."""
    committed = Case(
        When(status__in=RELEASED_STATUSES, then=F("paid_amount")),
        default=F("granted_amount"),
    )
    figures = {
        row.pop(SCHEME_KEY): row
        for row in Application.objects.filter(IS_GRANT, year=year)
        .order_by()
        .values(SCHEME_KEY)
        .annotate(committed=Sum(committed), demo=Count("pk", filter=Q(is_demo=True)))
    }
    budgets = dict(SchemeBudget.objects.filter(year=year).values_list("scheme_id", "amount"))
    return [
        BudgetRow(
            scheme=scheme.name,
            budget=budgets.get(scheme.pk),
            committed=figures.get(scheme.pk, {}).get("committed") or 0,
            demo=figures.get(scheme.pk, {}).get("demo", 0),
        )
        for scheme in _schemes_shown(figures)
    ]


def processing_days(*, is_full: bool) -> list[tuple[int, int, int, bool]]:
    """(year, scheme id, days, is demo) per decided application (appeals excluded).

    The full build takes every decision; the public one only grants, like every public figure.
    The database gives two timestamps per case and nothing else; the days between their
    dates in Norwegian time are counted here, so both databases give the same answer (and
    SQLite need not call a Python function per row to convert time zones).
    """
    first_submitted = Subquery(
        CaseEvent.objects.filter(application=OuterRef("pk"), to_status=S.SUBMITTED)
        .order_by("at", "pk")
        .values("at")[:1]
    )
    decided = Q(decided_at__isnull=False) if is_full else IS_GRANT
    cases = (
        Application.objects.filter(IS_APPLICATION & decided)
        .order_by()
        .annotate(received=Coalesce(first_submitted, F("submitted_at")))
        .values_list("year", SCHEME_KEY, "received", "decided_at", "is_demo")
    )
    zone = timezone.get_default_timezone()
    return [
        (
            year,
            scheme_id,
            (decided_at.astimezone(zone).date() - received.astimezone(zone).date()).days,
            is_demo,
        )
        for year, scheme_id, received, decided_at, is_demo in cases
    ]


def median_days(days: Iterable[int]) -> float | None:
    values = list(days)
    return round(float(statistics.median(values)), 1) if values else None


def _processing_row(label: str, cases: list[tuple[int, bool]], *, is_full: bool) -> ProcessingRow:
    return ProcessingRow(
        label=label,
        median_days=median_days(days for days, _is_demo in cases),
        demo=sum(1 for _days, is_demo in cases if is_demo),
        decided=len(cases) if is_full else None,
    )


def processing_times(year: int, *, is_full: bool) -> tuple[list[ProcessingRow], list[ProcessingRow]]:
    """Median days per year (every year with decisions) and per scheme (the given year)."""
    per_year: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    per_scheme: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for case_year, scheme_id, days, is_demo in processing_days(is_full=is_full):
        per_year[case_year].append((days, is_demo))
        if case_year == year:
            per_scheme[scheme_id].append((days, is_demo))
    years = [
        _processing_row(str(case_year), per_year[case_year], is_full=is_full)
        for case_year in sorted(per_year)
    ]
    schemes = [
        _processing_row(scheme.name, per_scheme.get(scheme.pk, []), is_full=is_full)
        for scheme in _schemes_shown(per_scheme)
    ]
    return years, schemes


def build_grant_statistics(year: int, *, is_full: bool) -> GrantStatistics:
    processing_by_year, processing_by_scheme = processing_times(year, is_full=is_full)
    return GrantStatistics(
        year=year,
        is_full=is_full,
        by_year=by_year(is_full=is_full),
        by_scheme=by_scheme(year, is_full=is_full),
        by_county=by_county(year, is_full=is_full),
        budget=budget_use(year),
        processing_by_year=processing_by_year,
        processing_by_scheme=processing_by_scheme,
    )


# --------------------------------------------------------------------------- cached


def _audience(is_full: bool) -> str:
    return "full" if is_full else "public"


def cached_grant_years(*, is_full: bool) -> list[int]:
    return get_or_compute(
        DATASETS,
        f"grant-years:{_audience(is_full)}",
        lambda: grant_years(is_full=is_full),
        language_neutral=True,
        timeout=CACHE_SECONDS,
    )


def cached_grant_statistics(year: int, *, is_full: bool) -> GrantStatistics:
    """The figures for one year and audience, until a case, shop, scheme or county changes."""
    return get_or_compute(
        DATASETS,
        f"grant-statistics:{_audience(is_full)}:{int(year)}",
        lambda: build_grant_statistics(year, is_full=is_full),
        language=get_language(),
        timeout=CACHE_SECONDS,
    )


# --------------------------------------------------------------------------- chart rows


def chart_rows(rows: Iterable, attribute: str) -> list[Row]:
    """Rows for `distrikt.core.charts.bar_chart`: one figure of each row (missing as zero)."""
    return [Row(row.label, getattr(row, attribute) or 0) for row in rows]


def budget_chart_rows(rows: Iterable[BudgetRow]) -> list[Row]:
    """The share of the budget bound, in whole per cent, for the schemes that have a budget."""
    return [Row(row.scheme, round(row.percent)) for row in rows if row.percent is not None]
