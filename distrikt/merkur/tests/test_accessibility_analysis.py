"""Shop accessibility on the population grid, checked by hand on a tiny grid."""

from pathlib import Path

from django.conf import settings

import numpy as np
import pytest

from distrikt.core.maps import utm33_to_wgs84
from distrikt.merkur.accessibility import (
    PopulationGrid,
    analyse,
    cell_centres,
    load_population_grid,
    recompute_accessibility,
)
from distrikt.merkur.factories import ShopFactory
from distrikt.merkur.models import (
    AccessibilityRun,
    MunicipalityAccessibility,
    ShopAccessibility,
    ShopStatus,
)
from distrikt.municipalities.factories import MunicipalityFactory

# Two shops 30 km apart on a line, four cells between and beside them (metres, UTM 33).
ORIGIN_X, ORIGIN_Y = 500_000.0, 7_000_000.0
SHOPS_X = np.array([ORIGIN_X, ORIGIN_X + 30_000])
SHOPS_Y = np.array([ORIGIN_Y, ORIGIN_Y])


def small_grid() -> PopulationGrid:
    # cell:        A (1 km)  B (14 km)  C (29 km)  D (16 km)
    return PopulationGrid(
        x=ORIGIN_X + np.array([1_000.0, 14_000.0, 29_000.0, 16_000.0]),
        y=np.full(4, ORIGIN_Y),
        population=np.array([10, 5, 7, 3]),
        municipality_codes=np.array(["9001", "9001", "9002", "9002"]),
    )


def test_cell_ids_decode_to_the_cell_centre():
    x, y = cell_centres(np.array([19250006616000]))
    assert (x[0], y[0]) == (-75_000 + 125, 6_616_000 + 125)


def test_each_shop_gets_the_people_nearest_to_it():
    result = analyse(small_grid(), SHOPS_X, SHOPS_Y)
    # A (10) and B (5) are nearest shop 0; C (7) and D (3) nearest shop 1.
    assert result.nearest_population.tolist() == [15, 10]


def test_people_far_from_the_next_shop_are_counted():
    result = analyse(small_grid(), SHOPS_X, SHOPS_Y)
    # Next shop: A 29 km, B 16 km, C 29 km, D 16 km: all over 10 km; A and C over 20 km.
    assert result.next_over_10km.tolist() == [15, 10]
    assert result.next_over_20km.tolist() == [10, 7]
    assert result.distance_to_next_shop_m.tolist() == [30_000, 30_000]


def test_municipality_share_counts_people_over_ten_km_from_any_shop():
    result = analyse(small_grid(), SHOPS_X, SHOPS_Y)
    # Nearest shop: B is 14 km away (9001), D is 14 km away (9002); A and C are close.
    assert result.municipality_population == {"9001": 15, "9002": 10}
    assert result.municipality_over_10km == {"9001": 5, "9002": 3}


def test_a_single_shop_has_no_next_shop():
    result = analyse(small_grid(), SHOPS_X[:1], SHOPS_Y[:1])
    assert result.nearest_population.tolist() == [25]
    assert result.next_over_20km.tolist() == [25]
    assert np.isinf(result.distance_to_next_shop_m[0])


@pytest.mark.django_db
def test_recompute_stores_results_and_flags_critical_shops(settings):
    settings.MERKUR_CRITICAL_POPULATION = 12
    first = MunicipalityFactory(code="9001")
    second = MunicipalityFactory(code="9002")
    longitudes, latitudes = utm33_to_wgs84(SHOPS_X, SHOPS_Y)
    west = ShopFactory(municipality=first, longitude=longitudes[0], latitude=latitudes[0])
    east = ShopFactory(municipality=second, longitude=longitudes[1], latitude=latitudes[1])
    ShopFactory(
        municipality=second,
        longitude=longitudes[1],
        latitude=latitudes[1],
        status=ShopStatus.CLOSED,
        closed_on="2020-01-01",
        closure_reason="Demo",
    )
    ShopFactory(municipality=second, latitude=None, longitude=None)
    run = recompute_accessibility(small_grid())
    assert run.shop_count == 2
    assert run.population == 25
    west_result = ShopAccessibility.objects.get(shop=west)
    east_result = ShopAccessibility.objects.get(shop=east)
    assert (west_result.nearest_population, west_result.is_critical) == (15, True)
    assert (east_result.nearest_population, east_result.is_critical) == (10, False)
    assert west_result.distance_to_next_shop_km == pytest.approx(30, abs=0.05)
    share = MunicipalityAccessibility.objects.get(municipality=first)
    assert (share.population, share.population_over_10km) == (15, 5)
    assert share.percent_over_10km == pytest.approx(33.3)
    recompute_accessibility(small_grid())
    assert ShopAccessibility.objects.count() == 2
    assert AccessibilityRun.objects.count() == 1


@pytest.mark.django_db
def test_without_shops_everyone_is_far_from_a_shop():
    MunicipalityFactory(code="9001")
    recompute_accessibility(small_grid())
    share = MunicipalityAccessibility.objects.get(municipality__code="9001")
    assert share.population_over_10km == share.population == 15


@pytest.mark.django_db
def test_a_changed_shop_queues_one_recompute_after_commit(django_capture_on_commit_callbacks, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "distrikt.merkur.tasks.recompute_accessibility",
        lambda: calls.append(1) or AccessibilityRun(shop_count=0),
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ShopFactory()
        ShopFactory()
    # The page cache repeats its purges after commit too; those are not recomputations.
    recomputes = [callback for callback in callbacks if not callback.__module__.startswith("distrikt.core.")]
    assert len(recomputes) == 1
    assert calls == [1]


@pytest.mark.django_db
def test_the_accessibility_page_explains_straight_line_distance(client):
    MunicipalityFactory(code="9001")
    recompute_accessibility(small_grid())
    response = client.get("/merkur-register/tilgjenge/")
    assert response.status_code == 200
    assert "luftline" in response.content.decode()


def test_the_shipped_grid_holds_the_documented_population():
    grid = load_population_grid(
        Path(settings.DATA_DIR) / "rutenett" / "befolkning_250m_2019.csv",
        Path(settings.DATA_DIR) / "geo" / "kommunar_2024_S.geojson",
    )
    assert len(grid.population) == 221_947
    assert grid.total_population == 5_317_737
    assert (grid.municipality_codes != "").all()
