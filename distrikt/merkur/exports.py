"""The tables of the register and dashboard exports; `distrikt.core.exports` writes them.

The shops table comes first, so a CSV download (one table) is the register itself.
"""

from django.utils.translation import gettext as _

from distrikt.core.exports import Table

from .grant_statistics import GrantRow, GrantStatistics, ProcessingRow
from .models import ShopKeyFigures, ShopService
from .statistics import Dashboard


def shops_tables(shops) -> list[Table]:
    """The given shops, then their service history and key figures."""
    shops = list(shops.select_related("municipality__county", "chain"))
    shop_ids = [shop.pk for shop in shops]
    shop_rows = [
        [
            shop.name,
            shop.organisation_number,
            shop.address,
            shop.postcode,
            shop.post_town,
            shop.municipality.code,
            shop.municipality.name,
            shop.municipality.county.name,
            shop.latitude,
            shop.longitude,
            shop.chain.name if shop.chain else "",
            shop.member_since,
            shop.get_status_display(),
            shop.closed_on,
            shop.floor_area,
            shop.employees,
            shop.is_demo,
        ]
        for shop in shops
    ]
    service_rows = [
        [
            period.shop.organisation_number,
            period.shop.name,
            period.service.name,
            period.started_on,
            period.ended_on,
        ]
        for period in ShopService.objects.filter(shop_id__in=shop_ids)
        .select_related("shop", "service")
        .order_by("shop__name", "started_on")
    ]
    figure_rows = [
        [
            figures.shop.organisation_number,
            figures.shop.name,
            figures.year,
            figures.turnover,
            figures.result,
            figures.customers,
            figures.services_income,
        ]
        for figures in ShopKeyFigures.objects.filter(shop_id__in=shop_ids)
        .select_related("shop")
        .order_by("shop__name", "year")
    ]
    return [
        Table(
            _("Butikkar"),
            [
                _("Namn"),
                _("Organisasjonsnummer"),
                _("Adresse"),
                _("Postnummer"),
                _("Poststad"),
                _("Kommunenummer"),
                _("Kommune"),
                _("Fylke"),
                _("Breiddegrad"),
                _("Lengdegrad"),
                _("Kjede"),
                _("Medlem sidan"),
                _("Status"),
                _("Nedlagd"),
                _("Areal (m²)"),
                _("Tilsette"),
                _("Demodata"),
            ],
            shop_rows,
        ),
        Table(
            _("Tenester"),
            [_("Organisasjonsnummer"), _("Butikk"), _("Teneste"), _("Starta"), _("Avslutta")],
            service_rows,
        ),
        Table(
            _("Nøkkeltal"),
            [
                _("Organisasjonsnummer"),
                _("Butikk"),
                _("År"),
                _("Omsetnad (kr)"),
                _("Resultat (kr)"),
                _("Kundar"),
                _("Inntekter frå tilleggstenester (kr)"),
            ],
            figure_rows,
        ),
    ]


def dashboard_tables(dashboard: Dashboard) -> list[Table]:
    """Every table on the dashboard, one sheet each."""
    return [
        Table(
            _("Per fylke"),
            [_("Fylke"), _("Butikkar i drift")],
            [[row.label, row.value] for row in dashboard.by_county],
        ),
        Table(
            _("Per sentralitet"),
            [_("Sentralitetsklasse"), _("Butikkar i drift")],
            [[row.label, row.value] for row in dashboard.by_centrality],
        ),
        Table(
            _("Tenester no"),
            [_("Teneste"), _("Butikkar")],
            [[row.label, row.value] for row in dashboard.services_now],
        ),
        Table(
            _("Tenester over tid"),
            [_("Teneste"), *[str(year) for year in dashboard.years]],
            [[spread.service, *spread.counts] for spread in dashboard.services_over_time],
        ),
        Table(
            _("Nedleggingar"),
            [_("År"), _("Nedlagde butikkar")],
            [[row.label, row.value] for row in dashboard.closures],
        ),
        Table(
            _("Omsetnad"),
            [
                _("Omsetnad (%(year)s)") % {"year": dashboard.turnover_year or "–"},
                _("Butikkar"),
            ],
            [[row.label, row.value] for row in dashboard.turnover_bands],
        ),
    ]


def _grant_columns(grants: GrantStatistics, first: str) -> list[str]:
    advisor_only = [_("Søknader"), _("Under handsaming"), _("Avslått")] if grants.is_full else []
    demo = [_("Av dette demosaker (ikkje ekte)")] if grants.demo_cases else []
    return [first, *advisor_only, _("Innvilga tilskot"), _("Innvilga (kr)"), _("Utbetalt (kr)"), *demo]


def _grant_cells(grants: GrantStatistics, row: GrantRow) -> list:
    advisor_only = [row.applications, row.pending, row.refused] if grants.is_full else []
    demo = [row.demo] if grants.demo_cases else []
    return [row.label, *advisor_only, row.granted, row.granted_sum, row.paid_sum, *demo]


def _processing_table(grants: GrantStatistics, title: str, first: str, rows: list[ProcessingRow]) -> Table:
    decided = [_("Avgjorde søknader")] if grants.is_full else []
    demo = [_("Av dette demosaker (ikkje ekte)")] if grants.demo_cases else []
    return Table(
        title,
        [first, _("Median dagar frå innsending til vedtak"), *decided, *demo],
        [
            [
                row.label,
                row.median_days,
                *([row.decided] if grants.is_full else []),
                *([row.demo] if grants.demo_cases else []),
            ]
            for row in rows
        ],
    )


def grant_tables(grants: GrantStatistics) -> list[Table]:
    """The grant tables of the dashboard, for the audience they were built for.

    When demo cases are among them, each table has a column counting them and a last row
    saying the figures are not real.
    """
    year = grants.year
    tables = [
        Table(
            _("Tilskot per år"),
            _grant_columns(grants, _("År")),
            [_grant_cells(grants, row) for row in grants.by_year],
        ),
        Table(
            _("Tilskot per ordning %(year)s") % {"year": year},
            _grant_columns(grants, _("Ordning")),
            [_grant_cells(grants, row) for row in grants.by_scheme],
        ),
        Table(
            _("Tilskot per fylke %(year)s") % {"year": year},
            _grant_columns(grants, _("Fylke")),
            [_grant_cells(grants, row) for row in grants.by_county],
        ),
        Table(
            _("Budsjettbruk %(year)s") % {"year": year},
            [
                _("Ordning"),
                _("Budsjett for året (kr)"),
                _("Bunde av tilskota (kr)"),
                _("Del av budsjettet (%)"),
                *([_("Av dette demosaker (ikkje ekte)")] if grants.demo_cases else []),
            ],
            [
                [
                    row.scheme,
                    row.budget if row.budget is not None else _("Ikkje sett budsjett"),
                    row.committed,
                    row.percent,
                    *([row.demo] if grants.demo_cases else []),
                ]
                for row in grants.budget
            ],
        ),
        _processing_table(grants, _("Handsamingstid per år"), _("År"), grants.processing_by_year),
        _processing_table(
            grants,
            _("Handsamingstid %(year)s") % {"year": year},
            _("Ordning"),
            grants.processing_by_scheme,
        ),
    ]
    if not grants.demo_cases:
        return tables
    note = _("Demodata: %(count)s av sakene bak tala er laga for demonstrasjon. Tala er ikkje ekte.") % {
        "count": grants.demo_cases
    }
    return [
        Table(table.title, table.header, [*table.rows, [note, *[None] * (len(table.header) - 1)]])
        for table in tables
    ]
