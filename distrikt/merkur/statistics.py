"""Figures for the Merkur dashboard: shops by county and centrality, services over time,
closures and turnover bands. Read-only queries; every chart has these rows as its table."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from distrikt.core.derived import get_or_compute
from distrikt.municipalities.models import County

from .models import REGISTER_DATASET, ExtraService, Shop, ShopKeyFigures, ShopService, ShopStatus

# Turnover bands in kroner: (lower bound inclusive, upper bound exclusive or None).
TURNOVER_BANDS: list[tuple[int, int | None]] = [
    (0, 5_000_000),
    (5_000_000, 10_000_000),
    (10_000_000, 20_000_000),
    (20_000_000, 40_000_000),
    (40_000_000, None),
]


@dataclass(frozen=True)
class Row:
    """One labelled figure: a bar in a chart and a row in its table."""

    label: str
    value: int


@dataclass(frozen=True)
class ServiceSpread:
    """How many shops offered a service at the end of each year."""

    service: str
    counts: list[int]


def shops_by_county() -> list[Row]:
    counts = dict(
        Shop.objects.active()
        .values_list("municipality__county__code")
        .annotate(total=Count("pk"))
        .values_list("municipality__county__code", "total")
    )
    return [
        Row(county.name, counts.get(county.code, 0))
        for county in County.objects.current()
        if county.code in counts
    ]


def shops_by_centrality() -> list[Row]:
    counts = dict(
        Shop.objects.active()
        .values_list("municipality__centrality_class")
        .annotate(total=Count("pk"))
        .values_list("municipality__centrality_class", "total")
    )
    rows = [
        Row(_("Klasse %(number)s") % {"number": number}, counts[number])
        for number in sorted(key for key in counts if key is not None)
    ]
    if None in counts:
        rows.append(Row(_("Ukjend klasse"), counts[None]))
    return rows


def services_now() -> list[Row]:
    counts = dict(
        ShopService.objects.current()
        .filter(shop__status=ShopStatus.ACTIVE)
        .values_list("service")
        .annotate(total=Count("shop", distinct=True))
        .values_list("service", "total")
    )
    return [Row(service.localized_name, counts.get(service.pk, 0)) for service in ExtraService.objects.all()]


def report_years(first_year: int | None = None) -> list[int]:
    this_year = timezone.localdate().year
    if first_year is None:
        earliest = ShopService.objects.order_by("started_on").values_list("started_on", flat=True).first()
        first_year = earliest.year if earliest else this_year
    first_year = max(first_year, this_year - 14)
    return list(range(first_year, this_year + 1))


def services_over_time(years: list[int]) -> list[ServiceSpread]:
    """Shops offering each service on 31 December of each year (today for this year).

    A period counts while it is open and the shop is not yet closed.
    """
    today = timezone.localdate()
    periods = list(ShopService.objects.values_list("service_id", "started_on", "ended_on", "shop__closed_on"))
    result = []
    for service in ExtraService.objects.all():
        own = [period for period in periods if period[0] == service.pk]
        counts = []
        for year in years:
            day = min(datetime.date(year, 12, 31), today)
            counts.append(
                sum(
                    1
                    for _service, started, ended, closed in own
                    if started <= day and (ended is None or ended > day) and (closed is None or closed > day)
                )
            )
        result.append(ServiceSpread(service.localized_name, counts))
    return result


def closures_by_year(years: list[int]) -> list[Row]:
    counts = dict(
        Shop.objects.filter(status=ShopStatus.CLOSED, closed_on__year__in=years)
        .values_list("closed_on__year")
        .annotate(total=Count("pk"))
        .values_list("closed_on__year", "total")
    )
    return [Row(str(year), counts.get(year, 0)) for year in years]


def band_label(lower: int, upper: int | None) -> str:
    millions_lower = lower // 1_000_000
    if upper is None:
        return _("%(lower)s mill. kr og meir") % {"lower": millions_lower}
    return _("%(lower)s–%(upper)s mill. kr") % {
        "lower": millions_lower,
        "upper": upper // 1_000_000,
    }


def latest_report_year() -> int | None:
    return ShopKeyFigures.objects.aggregate(year=Max("year"))["year"]


def turnover_bands(year: int | None) -> list[Row]:
    """Shops per turnover band in the given year's reports."""
    if year is None:
        return []
    turnovers = list(ShopKeyFigures.objects.for_year(year).values_list("turnover", flat=True))
    return [
        Row(
            band_label(lower, upper),
            sum(1 for turnover in turnovers if turnover >= lower and (upper is None or turnover < upper)),
        )
        for lower, upper in TURNOVER_BANDS
    ]


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard page and its Excel export show."""

    by_county: list[Row]
    by_centrality: list[Row]
    services_now: list[Row]
    years: list[int]
    services_over_time: list[ServiceSpread]
    closures: list[Row]
    turnover_year: int | None
    turnover_bands: list[Row]
    active_shops: int
    closed_shops: int
    # Shops invented for demonstration: while there are any, every figure here is demo.
    demo_shops: int = 0


def cached_dashboard() -> Dashboard:
    """The dashboard, computed once per version of the register and municipality data, per language."""
    return get_or_compute(
        (REGISTER_DATASET, "municipalities"),
        "dashboard",
        build_dashboard,
        language=get_language(),
        # It counts this year's figures: recompute at least hourly as the date moves on.
        timeout=3600,
    )


def build_dashboard() -> Dashboard:
    years = report_years()
    turnover_year = latest_report_year()
    return Dashboard(
        by_county=shops_by_county(),
        by_centrality=shops_by_centrality(),
        services_now=services_now(),
        years=years,
        services_over_time=services_over_time(years),
        closures=closures_by_year(years),
        turnover_year=turnover_year,
        turnover_bands=turnover_bands(turnover_year),
        active_shops=Shop.objects.active().count(),
        closed_shops=Shop.objects.filter(status=ShopStatus.CLOSED).count(),
        demo_shops=Shop.objects.filter(is_demo=True).count(),
    )
