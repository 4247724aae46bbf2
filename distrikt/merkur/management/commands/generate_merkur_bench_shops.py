"""Generate many demo shops for the benchmark, at populated grid cells (marked demo)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

import numpy as np

from distrikt.core.maps import utm33_to_wgs84
from distrikt.merkur.accessibility import default_grid
from distrikt.merkur.models import Chain, ExtraService, Shop, ShopService
from distrikt.merkur.validators import ORGANISATION_NUMBER_WEIGHTS
from distrikt.municipalities.models import Municipality


def demo_organisation_number(sequence: int) -> str | None:
    """A valid-looking number starting with 1 (not assigned by the register), or None."""
    base = f"1{sequence:07d}"
    total = sum(int(digit) * weight for digit, weight in zip(base, ORGANISATION_NUMBER_WEIGHTS, strict=True))
    remainder = total % 11
    if remainder == 1:
        return None
    return base + str(0 if remainder == 0 else 11 - remainder)


class Command(BaseCommand):
    help = "Create COUNT benchmark shops named '(demo)' at populated cells of the grid."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--count", type=int, default=5000)

    @transaction.atomic
    def handle(self, *args, count: int, **options) -> None:
        municipalities = {municipality.code: municipality for municipality in Municipality.objects.current()}
        if not municipalities:
            raise CommandError("Load the municipality register first.")
        grid = default_grid()
        rng = np.random.default_rng(5000)
        weights = grid.population / grid.population.sum()
        cells = rng.choice(len(grid.population), size=count, replace=False, p=weights)
        longitudes, latitudes = utm33_to_wgs84(grid.x[cells], grid.y[cells])
        chains = list(Chain.objects.all())
        services = list(ExtraService.objects.all())
        shops = []
        sequence = 500_000
        for position, cell in enumerate(cells):
            municipality = municipalities.get(str(grid.municipality_codes[cell]))
            if municipality is None:
                continue
            number = None
            while number is None:
                sequence += 1
                number = demo_organisation_number(sequence)
            shops.append(
                Shop(
                    name=f"Testbutikk {position + 1} (demo)",
                    organisation_number=number,
                    municipality=municipality,
                    latitude=float(latitudes[position]),
                    longitude=float(longitudes[position]),
                    chain=chains[position % len(chains)] if chains else None,
                    is_demo=True,
                )
            )
        created = Shop.objects.bulk_create(shops, batch_size=500)
        periods = [
            ShopService(
                shop=shop,
                service=services[(index + offset) % len(services)],
                started_on=datetime.date(2015 + index % 10, 1, 1),
            )
            for index, shop in enumerate(created)
            for offset in range(2)
            if services
        ]
        ShopService.objects.bulk_create(periods, batch_size=1000)
        self.stdout.write(f"{len(created)} benchmark shops created.")
