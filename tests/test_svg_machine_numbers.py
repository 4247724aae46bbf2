"""Every chart and map the site writes is valid SVG with machine numbers, in all three languages.

In Nynorsk and Bokmål Django writes 157.8 as «157,8»; inside an SVG attribute that makes the
shape vanish (the Merkur shop map was empty). Each page is rendered in nn, nb and en, each
<svg> is parsed as XML and every geometric attribute must be plain numbers.
"""

import datetime
import re
from xml.etree.ElementTree import Element

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

import pytest
from defusedxml.ElementTree import fromstring

from distrikt.merkur.factories import ShopFactory, ShopKeyFiguresFactory
from distrikt.merkur.models import ADVISOR_GROUP_NAME, ShopStatus
from distrikt.municipalities import indicators
from distrikt.municipalities.factories import IndicatorFactory, ObservationFactory
from distrikt.municipalities.models import Indicator, Municipality, Observation

LANGUAGES = ("", "/nb", "/en")
NUMBER = r"-?(\d+(\.\d+)?|\.\d+)"
SINGLE_NUMBER = re.compile(rf"^{NUMBER}$")
NUMBER_LIST = re.compile(rf"^{NUMBER}([ ,]{NUMBER})*$")
PATH_DATA = re.compile(rf"^([MLHVCSQTAZmlhvcsqtaz]|{NUMBER}|[ ,])*$")
TRANSFORM = re.compile(rf"^([a-zA-Z]+\(({NUMBER}|[ ,])*\)\s*)*$")
NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "dx", "dy"}
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def svg_elements(html: str) -> list[Element]:
    """Each <svg> of the page parsed as XML (a parse error fails the test)."""
    return [fromstring(fragment) for fragment in SVG.findall(html)]


def bad_attributes(svg: Element) -> list[str]:
    problems = []
    for element in svg.iter():
        for name, value in element.attrib.items():
            if (name in NUMERIC and not SINGLE_NUMBER.match(value)) or (
                name in {"viewBox", "points"} and not NUMBER_LIST.match(value)
            ):
                problems.append(f"{element.tag} {name}={value!r}")
            elif name == "d" and not PATH_DATA.match(value):
                problems.append(f"{element.tag} d={value[:40]!r}")
            elif name == "transform" and not TRANSFORM.match(value):
                problems.append(f"{element.tag} transform={value!r}")
    return problems


def test_a_localised_coordinate_is_caught():
    svg = fromstring('<svg viewBox="0 0 400 497"><circle cx="157,8" cy="12.5" r="3"/></svg>')
    assert bad_attributes(svg) == ["circle cx='157,8'"]


@pytest.fixture(scope="module")
def _site_with_figures(django_db_setup, django_db_blocker):
    """The bundled municipality register, a shop register and irregular employment years; rolled back."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_municipalities", verbosity=0)
            steinkjer = Municipality.objects.current().get(code="5006")
            Observation.objects.filter(municipality=steinkjer, indicator__code=indicators.EMPLOYMENT).delete()
            employment = Indicator.objects.filter(code=indicators.EMPLOYMENT).first() or IndicatorFactory(
                code=indicators.EMPLOYMENT
            )
            for year, value in ((2005, 10_512.5), (2015, 11_020.0), (2017, 11_210.0)):
                ObservationFactory(municipality=steinkjer, indicator=employment, year=year, value=value)
            for code in (
                indicators.BIRTH_BALANCE,
                indicators.NET_DOMESTIC_MIGRATION,
                indicators.NET_IMMIGRATION,
            ):
                indicator = Indicator.objects.filter(code=code).first() or IndicatorFactory(code=code)
                for year, value in ((2021, -12.5), (2022, 30.0), (2023, 7.0)):
                    ObservationFactory(municipality=steinkjer, indicator=indicator, year=year, value=value)
            shop = ShopFactory(
                name="Nærbutikken (demo)", municipality=steinkjer, latitude=64.0149, longitude=11.4954
            )
            ShopFactory(
                name="Nedlagd butikk (demo)",
                municipality=steinkjer,
                latitude=63.4305,
                longitude=10.3951,
                status=ShopStatus.CLOSED,
                closure_reason="Demo",
                closed_on=datetime.date(2021, 3, 1),
            )
            ShopKeyFiguresFactory(shop=shop, year=2022, turnover=12_345_678)
            ShopKeyFiguresFactory(shop=shop, year=2023, turnover=13_000_001)
            yield {"shop": shop}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def advisor(django_user_model):
    user = django_user_model.objects.create_user("radgivar", password="passord-for-test")
    group, _created = Group.objects.get_or_create(name=ADVISOR_GROUP_NAME)
    user.groups.add(group)
    return user


@pytest.fixture
def figures(_site_with_figures, db):
    return _site_with_figures


def pages(shop_id: int) -> dict[str, int]:
    """Each page that draws SVG, with how many <svg> it has at least."""
    return {
        "/kommunar/": 1,
        "/kommunar/?kart=endring": 1,
        "/kommunar/5006-steinkjer/": 3,
        "/merkur-register/kart/": 1,
        "/merkur-register/statistikk/": 2,
        "/merkur-register/tilgjenge/": 0,
        f"/merkur-register/butikk/{shop_id}/": 1,
    }


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_every_chart_and_map_has_machine_numbers(client, figures, prefix, advisor):
    client.force_login(advisor)
    for path, expected in pages(figures["shop"].pk).items():
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        svgs = svg_elements(response.content.decode())
        assert len(svgs) >= expected, path
        for svg in svgs:
            assert bad_attributes(svg) == [], (prefix + path, bad_attributes(svg)[:5])


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_shop_map_places_every_shop_with_a_decimal_point(client, figures, prefix):
    html = client.get(prefix + "/merkur-register/kart/").content.decode()
    (shop_map,) = [svg for svg in svg_elements(html) if svg.get("class") == "map"]
    circles = [element for element in shop_map.iter() if element.tag.endswith("circle")]
    assert len(circles) == 2
    assert all("." in circle.get("cx") + circle.get("cy") for circle in circles)
    paths = [element for element in shop_map.iter() if element.tag.endswith("path")]
    assert len(paths) >= 15, "the county outlines are drawn"


def test_irregular_years_are_drawn_as_points_not_joined_by_a_line(client, figures):
    html = client.get("/kommunar/5006-steinkjer/").content.decode()
    (employment,) = [svg for svg in svg_elements(html) if svg.get("aria-labelledby") == "sysselsetjing-title"]
    lines = [element for element in employment.iter() if element.tag.endswith("path")]
    markers = [element for element in employment.iter() if element.tag.endswith("circle")]
    assert lines == []
    assert len(markers) == 3
    assert "Berre år som følgjer etter kvarandre er bundne saman med strek" in html
