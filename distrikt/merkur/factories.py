"""Factories for the Merkur register, used by the tests."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from distrikt.municipalities.factories import MunicipalityFactory

from .models import Application, Chain, ExtraService, Shop, ShopKeyFigures, ShopService, SupportScheme
from .validators import ORGANISATION_NUMBER_WEIGHTS


def valid_organisation_number(sequence: int) -> str:
    """The first valid organisation number at or after 1 + sequence (test range)."""
    candidate = sequence
    while True:
        base = f"1{candidate % 10_000_000:07d}"
        total = sum(
            int(digit) * weight for digit, weight in zip(base, ORGANISATION_NUMBER_WEIGHTS, strict=True)
        )
        remainder = total % 11
        if remainder != 1:
            return base + str(0 if remainder == 0 else 11 - remainder)
        candidate += 1


class ChainFactory(DjangoModelFactory):
    class Meta:
        model = Chain
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testkjede {n}")
    slug = factory.Sequence(lambda n: f"testkjede-{n}")


class ExtraServiceFactory(DjangoModelFactory):
    class Meta:
        model = ExtraService
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testteneste {n}")
    slug = factory.Sequence(lambda n: f"testteneste-{n}")


class ShopFactory(DjangoModelFactory):
    class Meta:
        model = Shop

    name = factory.Sequence(lambda n: f"Testbutikk {n} (demo)")
    organisation_number = factory.Sequence(lambda n: valid_organisation_number(n * 2 + 1))
    municipality = factory.SubFactory(MunicipalityFactory)
    latitude = 63.0
    longitude = 11.0
    is_demo = True


class ShopServiceFactory(DjangoModelFactory):
    class Meta:
        model = ShopService

    shop = factory.SubFactory(ShopFactory)
    service = factory.SubFactory(ExtraServiceFactory)
    started_on = datetime.date(2020, 1, 1)


class ShopKeyFiguresFactory(DjangoModelFactory):
    class Meta:
        model = ShopKeyFigures

    shop = factory.SubFactory(ShopFactory)
    year = 2023
    turnover = 10_000_000
    result = 200_000


class ApplicationFactory(DjangoModelFactory):
    """A demo application for a published scheme (the schemes ship in a data migration)."""

    class Meta:
        model = Application

    scheme = factory.LazyFunction(lambda: SupportScheme.objects.get(slug="investeringsstotte"))
    shop = factory.SubFactory(ShopFactory)
    year = 2026
    organisation_number = factory.LazyAttribute(lambda application: application.shop.organisation_number)
    households = 150
    distance_km = Decimal("12.0")
    turnover = 6_000_000
    project_description = "Demo: nye kjøledisker og betre inngangsparti."
    requested_amount = 300_000
    is_demo = True
