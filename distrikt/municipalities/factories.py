"""Factories for counties, municipalities, indicators and observations, used by every app's tests."""

import factory
from factory.django import DjangoModelFactory

from .indicators import BY_CODE
from .models import County, Indicator, Municipality, Observation, Region, RegionKind


class CountyFactory(DjangoModelFactory):
    class Meta:
        model = County
        django_get_or_create = ("code", "valid_from")

    code = factory.Sequence(lambda n: f"{(n % 89) + 10:02d}")
    name = factory.Sequence(lambda n: f"Testfylke {n}")
    slug = factory.LazyAttribute(lambda county: f"{county.code}-testfylke")
    valid_from = None


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code", "valid_from")

    code = factory.Sequence(lambda n: f"{9000 + (n % 999):04d}")
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.LazyAttribute(lambda municipality: f"{municipality.code}-testkommune")
    county = factory.SubFactory(CountyFactory)
    valid_from = None


class IndicatorFactory(DjangoModelFactory):
    """An indicator from the platform's definitions (pass code=…)."""

    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = "folketal"
    name_nn = factory.LazyAttribute(lambda indicator: BY_CODE[indicator.code].name_nn)
    name_nb = factory.LazyAttribute(lambda indicator: BY_CODE[indicator.code].name_nb)
    name_en = factory.LazyAttribute(lambda indicator: BY_CODE[indicator.code].name_en)
    unit = factory.LazyAttribute(lambda indicator: BY_CODE[indicator.code].unit)
    source = factory.LazyAttribute(lambda indicator: BY_CODE[indicator.code].source)


class ObservationFactory(DjangoModelFactory):
    class Meta:
        model = Observation

    municipality = factory.SubFactory(MunicipalityFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    year = 2024
    value = 1000.0


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    kind = RegionKind.REGIONAL_COUNCIL
    name = factory.Sequence(lambda n: f"Testregion {n}")
    slug = factory.Sequence(lambda n: f"testregion-{n}")
