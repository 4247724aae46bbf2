"""The tables of the register and dashboard exports; `distrikt.core.exports` writes them.

The shops table comes first, so a CSV download (one table) is the register itself.
"""

from django.utils.translation import gettext as _

from distrikt.core.exports import Table

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
