"""A small county with known figures, a shop, a knowledge product and an event, for the brief tests."""

import datetime
import io

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from pypdf import PdfReader

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from distrikt.knowledge.factories import ArticlePageFactory
from distrikt.merkur.factories import ShopFactory
from distrikt.merkur.models import MunicipalityAccessibility
from distrikt.municipalities.factories import (
    CountyFactory,
    IndicatorFactory,
    MunicipalityFactory,
    ObservationFactory,
)

# Population on 1 January per municipality and year: Fjellbygd shrinks, Kystby grows.
POPULATIONS = {
    "Fjellbygd": {2015: 2000, 2025: 1800},
    "Kystby": {2015: 8000, 2025: 8400},
}


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def county(db):
    return CountyFactory(code="77", name="Prøvefylke", slug="provefylke")


@pytest.fixture
def county_data(county, home_page):
    population = IndicatorFactory(code="folketal", ssb_table="07459")
    mountain = MunicipalityFactory(
        code="7701", name="Fjellbygd", county=county, centrality_class=6, population=1800, is_priority=True
    )
    coast = MunicipalityFactory(
        code="7702", name="Kystby", county=county, centrality_class=3, population=8400, is_priority=True
    )
    for municipality in (mountain, coast):
        for year, value in POPULATIONS[municipality.name].items():
            ObservationFactory(municipality=municipality, indicator=population, year=year, value=value)
    # A year only one of them has: left out of the sums, never shown as a drop.
    ObservationFactory(municipality=mountain, indicator=population, year=2020, value=1900)
    ShopFactory(name="Fjellbutikken (demo)", municipality=mountain)
    MunicipalityAccessibility.objects.create(municipality=mountain, population=1800, population_over_10km=450)
    ArticlePageFactory(
        title="Korleis Fjellbygd held på ungdomen", counties=[county], date=datetime.date(2025, 3, 1)
    )
    ArticlePageFactory(title="Artikkel om eit anna fylke", date=datetime.date(2025, 3, 1))
    calendar = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=calendar,
        title="Distriktskonferansen i Fjellbygd",
        municipality=mountain,
        place_kind="municipality",
        address="Kommunehuset",
        start=timezone.make_aware(datetime.datetime(2025, 6, 3, 9)),
        end=timezone.make_aware(datetime.datetime(2025, 6, 3, 16)),
    )
    RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    return {"mountain": mountain, "coast": coast, "event": event}


@pytest.fixture
def ministry_user(django_user_model):
    from distrikt.briefs.services import ensure_ministry_group

    user = django_user_model.objects.create_user("radgjevar", "radgjevar@example.org", "passord-123")
    user.groups.add(ensure_ministry_group())
    return user


@pytest.fixture
def ministry_group():
    return Group.objects.get(name="Departementet")
