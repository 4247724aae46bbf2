"""Excel exports of the register and the dashboard (openpyxl, one sheet per table)."""

import io

from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.styles import Font

from .models import ShopKeyFigures, ShopService
from .statistics import Dashboard


def _sheet(workbook: Workbook, title: str, headings: list[str], rows) -> None:
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))


def _to_bytes(workbook: Workbook) -> bytes:
    workbook.remove(workbook.worksheets[0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def shops_workbook(shops) -> bytes:
    """The given shops with their service history and key figures."""
    shops = list(shops.select_related("municipality__county", "chain"))
    shop_ids = [shop.pk for shop in shops]
    workbook = Workbook()
    _sheet(
        workbook,
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
        (
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
                _("ja") if shop.is_demo else _("nei"),
            ]
            for shop in shops
        ),
    )
    _sheet(
        workbook,
        _("Tenester"),
        [
            _("Organisasjonsnummer"),
            _("Butikk"),
            _("Teneste"),
            _("Starta"),
            _("Avslutta"),
        ],
        (
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
        ),
    )
    _sheet(
        workbook,
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
        (
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
        ),
    )
    return _to_bytes(workbook)


def dashboard_workbook(dashboard: Dashboard) -> bytes:
    """Every table on the dashboard, one sheet each."""
    workbook = Workbook()
    _sheet(
        workbook,
        _("Per fylke"),
        [_("Fylke"), _("Butikkar i drift")],
        ([row.label, row.value] for row in dashboard.by_county),
    )
    _sheet(
        workbook,
        _("Per sentralitet"),
        [_("Sentralitetsklasse"), _("Butikkar i drift")],
        ([row.label, row.value] for row in dashboard.by_centrality),
    )
    _sheet(
        workbook,
        _("Tenester no"),
        [_("Teneste"), _("Butikkar")],
        ([row.label, row.value] for row in dashboard.services_now),
    )
    _sheet(
        workbook,
        _("Tenester over tid"),
        [_("Teneste"), *[str(year) for year in dashboard.years]],
        ([spread.service, *spread.counts] for spread in dashboard.services_over_time),
    )
    _sheet(
        workbook,
        _("Nedleggingar"),
        [_("År"), _("Nedlagde butikkar")],
        ([row.label, row.value] for row in dashboard.closures),
    )
    _sheet(
        workbook,
        _("Omsetnad"),
        [
            _("Omsetnad (%(year)s)") % {"year": dashboard.turnover_year or "–"},
            _("Butikkar"),
        ],
        ([row.label, row.value] for row in dashboard.turnover_bands),
    )
    return _to_bytes(workbook)
