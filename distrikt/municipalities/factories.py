"""Factories for counties and municipalities, used by every app's tests."""

import factory
from factory.django import DjangoModelFactory

from .models import County, Municipality


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
