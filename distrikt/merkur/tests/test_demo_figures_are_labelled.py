"""Figures computed from invented shops say so wherever they appear; technical detail stays in the admin."""

from datetime import date

from django.utils import translation

import pytest

from distrikt.core.maps import utm33_to_wgs84
from distrikt.merkur.accessibility import recompute_accessibility
from distrikt.merkur.factories import ShopFactory
from distrikt.merkur.tests.test_accessibility_analysis import SHOPS_X, SHOPS_Y, small_grid
from distrikt.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

DEMO_FIGURES = "Demotal: utrekninga tek med"


def _place_shops(*, is_demo: bool):
    first = MunicipalityFactory(code="9001", slug="9001-testkommune", valid_from=date(2024, 1, 1))
    second = MunicipalityFactory(code="9002", slug="9002-testkommune", valid_from=date(2024, 1, 1))
    longitudes, latitudes = utm33_to_wgs84(SHOPS_X, SHOPS_Y)
    ShopFactory(municipality=first, longitude=longitudes[0], latitude=latitudes[0], is_demo=is_demo)
    ShopFactory(municipality=second, longitude=longitudes[1], latitude=latitudes[1], is_demo=False)
    return first


def test_a_run_over_a_register_with_demo_shops_is_demo():
    _place_shops(is_demo=True)
    run = recompute_accessibility(small_grid())
    assert run.demo_shop_count == 1
    assert run.uses_demo_data


def test_a_run_over_real_shops_only_is_not_demo():
    _place_shops(is_demo=False)
    assert not recompute_accessibility(small_grid()).uses_demo_data


def test_the_accessibility_page_marks_demo_rows_and_hides_the_timing(client):
    _place_shops(is_demo=True)
    recompute_accessibility(small_grid())
    html = client.get("/merkur-register/tilgjenge/").content.decode()
    assert DEMO_FIGURES in html
    tbody = html.split("<tbody>", 2)
    assert 'data-color="warning">Demo</span>' in tbody[1] and 'data-color="warning">Demo</span>' in tbody[2]
    assert "sekund" not in html.split("<main", 1)[1]


def test_the_accessibility_page_groups_thousands(client, monkeypatch):
    _place_shops(is_demo=False)
    grid = small_grid()
    grid.population[:] = [880_257, 5, 7, 3]
    recompute_accessibility(grid)
    html = client.get("/merkur-register/tilgjenge/").content.decode()
    assert "880\xa0257" in html or "880&nbsp;257" in html
    assert "880257" not in html
    with translation.override("en"):
        english = client.get("/en/merkur-register/tilgjenge/").content.decode()
    assert "880,257" in english


def test_the_municipality_profile_labels_the_share_far_from_a_shop_as_demo(client):
    municipality = _place_shops(is_demo=True)
    recompute_accessibility(small_grid())
    html = client.get(f"/kommunar/{municipality.slug}/").content.decode()
    assert "bur meir enn 10 km" in html
    assert DEMO_FIGURES in html


def test_the_dashboard_says_its_figures_include_demo_shops(client):
    _place_shops(is_demo=True)
    html = client.get("/merkur-register/statistikk/").content.decode()
    assert "Demotal: 1 av butikkane i registeret er laga for demonstrasjon" in html


def test_one_closed_shop_is_singular_on_the_dashboard(client):
    ShopFactory(status="closed", closed_on="2020-01-01", closure_reason="Demo")
    html = client.get("/merkur-register/statistikk/").content.decode()
    assert "1 nedlagd butikk i registeret." in html
    assert "1 nedlagde" not in html
