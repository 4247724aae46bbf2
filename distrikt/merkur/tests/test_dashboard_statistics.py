"""Dashboard figures against a hand-counted set of shops."""

import datetime
import io

import openpyxl
import pytest

from distrikt.merkur import statistics
from distrikt.merkur.factories import (
    ExtraServiceFactory,
    ShopFactory,
    ShopKeyFiguresFactory,
    ShopServiceFactory,
)
from distrikt.merkur.models import ShopStatus
from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shops():
    north = CountyFactory(code="91", name="Nordfylke")
    south = CountyFactory(code="92", name="Sørfylke")
    remote = MunicipalityFactory(code="9111", county=north, centrality_class=6)
    village = MunicipalityFactory(code="9112", county=north, centrality_class=5)
    unknown = MunicipalityFactory(code="9221", county=south, centrality_class=None)
    closed = {"status": ShopStatus.CLOSED, "closure_reason": "Demo"}
    result = {
        "s1": ShopFactory(municipality=remote),
        "s2": ShopFactory(municipality=remote),
        "s3": ShopFactory(municipality=village),
        "s4": ShopFactory(municipality=unknown),
        "s5": ShopFactory(municipality=unknown, closed_on=datetime.date(2021, 3, 1), **closed),
        "s6": ShopFactory(municipality=remote, closed_on=datetime.date(2022, 8, 1), **closed),
    }
    post = ExtraServiceFactory(name="Post i butikk", sort_order=0)
    fuel = ExtraServiceFactory(name="Drivstoff", sort_order=1)
    ShopServiceFactory(shop=result["s1"], service=post, started_on=datetime.date(2019, 6, 1))
    ShopServiceFactory(
        shop=result["s2"],
        service=post,
        started_on=datetime.date(2018, 1, 1),
        ended_on=datetime.date(2020, 12, 31),
    )
    ShopServiceFactory(shop=result["s5"], service=post, started_on=datetime.date(2019, 1, 1))
    ShopServiceFactory(shop=result["s3"], service=fuel, started_on=datetime.date(2020, 1, 1))
    for name, turnover in [
        ("s1", 4_999_999),
        ("s2", 5_000_000),
        ("s3", 25_000_000),
        ("s4", 50_000_000),
    ]:
        ShopKeyFiguresFactory(shop=result[name], year=2022, turnover=turnover)
    ShopKeyFiguresFactory(shop=result["s1"], year=2021, turnover=60_000_000)
    return result


def as_pairs(rows):
    return [(str(row.label), row.value) for row in rows]


def test_active_shops_are_counted_by_county(shops):
    assert as_pairs(statistics.shops_by_county()) == [("Nordfylke", 3), ("Sørfylke", 1)]


def test_active_shops_are_counted_by_centrality_class(shops):
    assert as_pairs(statistics.shops_by_centrality()) == [
        ("Klasse 5", 1),
        ("Klasse 6", 2),
        ("Ukjend klasse", 1),
    ]


def test_services_now_count_open_periods_in_active_shops(shops):
    assert as_pairs(statistics.services_now()) == [
        ("Post i butikk", 1),
        ("Drivstoff", 1),
    ]


def test_services_over_time_follow_periods_and_closures(shops):
    spread = statistics.services_over_time([2018, 2019, 2020, 2021])
    assert [(row.service, row.counts) for row in spread] == [
        ("Post i butikk", [1, 3, 2, 1]),
        ("Drivstoff", [0, 0, 1, 1]),
    ]


def test_closures_are_counted_by_year(shops):
    assert as_pairs(statistics.closures_by_year([2020, 2021, 2022])) == [
        ("2020", 0),
        ("2021", 1),
        ("2022", 1),
    ]


def test_turnover_bands_use_the_latest_year(shops):
    assert statistics.latest_report_year() == 2022
    assert [row.value for row in statistics.turnover_bands(2022)] == [1, 1, 0, 1, 1]


def test_the_dashboard_page_has_charts_and_tables(client, shops):
    response = client.get("/merkur-register/statistikk/")
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<svg") >= 4
    assert "<caption>" in content
    assert "Nordfylke" in content


def test_the_dashboard_exports_to_excel(client, shops):
    response = client.get("/merkur-register/statistikk/excel/")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    county_rows = list(workbook["Per fylke"].iter_rows(min_row=2, values_only=True))
    assert county_rows == [("Nordfylke", 3), ("Sørfylke", 1)]
    assert "Omsetnad" in workbook.sheetnames


def test_the_statistics_api_matches_the_dashboard(client, shops):
    data = client.get("/api/v1/merkur/statistics").json()
    assert data["active_shops"] == 4
    assert data["closed_shops"] == 2
    assert data["by_county"] == [
        {"label": "Nordfylke", "value": 3},
        {"label": "Sørfylke", "value": 1},
    ]
