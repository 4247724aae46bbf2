"""Load the demo shops: clearly marked "(demo)", placed inside real small municipalities.

The shops, their organisation numbers (starting with 1, a range the Central Coordinating
Register does not assign), services and key figures are invented for demonstration; the
positions are each municipality's representative point from Kartverket's data. Idempotent.
"""

import csv
import datetime
import random
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from distrikt.merkur.models import (
    Chain,
    ExtraService,
    Shop,
    ShopKeyFigures,
    ShopService,
    ShopStatus,
)
from distrikt.municipalities.models import Municipality

DEMO_FILE = Path(settings.DATA_DIR) / "merkur" / "demo_butikkar.csv"


class Command(BaseCommand):
    help = "Load the demo shops (marked as demo) with services and key figures."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        rng = random.Random(2026)  # noqa: S311 - reproducible demo figures, not security
        municipalities = {municipality.code: municipality for municipality in Municipality.objects.current()}
        chains = {chain.name: chain for chain in Chain.objects.all()}
        services = list(ExtraService.objects.all())
        this_year = datetime.date.today().year
        created = 0
        with DEMO_FILE.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for position, row in enumerate(rows):
            municipality = municipalities.get(row["kommunenummer"])
            if municipality is None:
                continue
            closes = position == len(rows) - 1
            shop, is_new = Shop.objects.get_or_create(
                organisation_number=row["organisasjonsnummer"],
                defaults={
                    "name": row["namn"],
                    "municipality": municipality,
                    "latitude": float(row["breiddegrad"]),
                    "longitude": float(row["lengdegrad"]),
                    "chain": chains.get(row["kjede"]),
                    "member_since": datetime.date.fromisoformat(row["medlem_sidan"]),
                    "floor_area": int(row["areal_m2"]),
                    "employees": int(row["tilsette"]),
                    "opening_hours": "Måndag–fredag 9–20, laurdag 9–18 (demo)",
                    "is_demo": True,
                    "status": ShopStatus.CLOSED if closes else ShopStatus.ACTIVE,
                    "closed_on": datetime.date(this_year - 1, 6, 30) if closes else None,
                    "closure_reason": "Demo: kjøpmannen gjekk av med pensjon." if closes else "",
                },
            )
            if not is_new:
                continue
            created += 1
            for service in rng.sample(services, rng.randint(2, 5)):
                started = datetime.date(rng.randint(2012, this_year - 1), rng.randint(1, 12), 1)
                ended = None
                if rng.random() < 0.2:
                    ended = started + datetime.timedelta(days=rng.randint(200, 1500))
                    if ended >= datetime.date.today():
                        ended = None
                ShopService.objects.create(
                    shop=shop,
                    service=service,
                    started_on=started,
                    ended_on=ended,
                    note="Demo",
                )
            turnover = rng.randint(4, 30) * 1_000_000
            for year in range(this_year - 4, this_year):
                turnover = int(turnover * rng.uniform(0.92, 1.12))
                ShopKeyFigures.objects.create(
                    shop=shop,
                    year=year,
                    turnover=turnover,
                    result=int(turnover * rng.uniform(-0.02, 0.04)),
                    customers=rng.randint(15, 120) * 1000,
                    services_income=int(turnover * rng.uniform(0.01, 0.06)),
                )
        if options.get("verbosity", 1):
            self.stdout.write(f"{created} demo shops loaded.")
