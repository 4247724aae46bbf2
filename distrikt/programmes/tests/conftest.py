"""Fixtures of the programmes tests: a small register and one programme with two projects."""

import datetime

from django.core.management import call_command

import pytest

from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory, RegionFactory
from distrikt.municipalities.models import RegionMembership
from distrikt.programmes.models import ProgrammeIndexPage, ProgrammePage, Project


@pytest.fixture
def places(db):
    county = CountyFactory(code="50", name="Trøndelag", slug="trondelag")
    steinkjer = MunicipalityFactory(code="5006", name="Steinkjer", slug="steinkjer", county=county)
    namsos = MunicipalityFactory(code="5007", name="Namsos", slug="namsos", county=county)
    grong = MunicipalityFactory(code="5045", name="Grong", slug="grong", county=county)
    region = RegionFactory(name="Namdal regionråd", slug="namdal")
    RegionMembership.objects.create(region=region, municipality=namsos, valid_from=datetime.date(2020, 1, 1))
    RegionMembership.objects.create(region=region, municipality=grong, valid_from=datetime.date(2020, 1, 1))
    return {"steinkjer": steinkjer, "namsos": namsos, "grong": grong, "region": region, "county": county}


@pytest.fixture
def programme(home_page, places):
    call_command("load_programmes", verbosity=0)
    page = ProgrammePage.objects.get(slug="byregionprogrammet")
    direct = Project.objects.create(programme=page, name="Steinkjer-prosjektet", is_demo=True)
    direct.municipalities.set([places["steinkjer"]])
    direct.save()
    through_region = Project.objects.create(programme=page, name="Namdal-prosjektet", is_demo=True)
    through_region.regions.set([places["region"]])
    through_region.save()
    return page


@pytest.fixture
def programme_index(programme):
    return ProgrammeIndexPage.objects.get()
