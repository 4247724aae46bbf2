"""Load the demo shops: clearly marked "(demo)", placed inside real small municipalities.

The shops, their organisation numbers (starting with 1, a range the Central Coordinating
Register does not assign), services and key figures are invented for demonstration; the
positions are each municipality's representative point from Kartverket's data. Idempotent.
"""

import csv
import datetime
import random
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from distrikt.merkur.models import (
    Application,
    ApplicationStatus,
    CaseEvent,
    Chain,
    ExtraService,
    Shop,
    ShopKeyFigures,
    ShopService,
    ShopStatus,
    SupportScheme,
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
        applications = load_demo_applications(rng, this_year)
        if options.get("verbosity", 1):
            self.stdout.write(f"{created} demo shops and {applications} demo applications loaded.")


# The walk each demo application has taken through the case, from the draft on.
DEMO_PATHS = (
    (ApplicationStatus.DRAFT,),
    (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED),
    (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_ASSESSMENT),
    (
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.UNDER_ASSESSMENT,
        ApplicationStatus.MORE_INFORMATION_REQUESTED,
    ),
)


def load_demo_applications(rng: random.Random, year: int) -> int:
    """A few applications for demo shops, marked as demo in the data and the text. Idempotent."""
    if Application.objects.filter(is_demo=True).exists():
        return 0
    schemes = list(SupportScheme.objects.published())
    shops = list(Shop.objects.filter(is_demo=True, status=ShopStatus.ACTIVE).order_by("pk")[:8])
    if not schemes:
        return 0
    now = timezone.now()
    for position, shop in enumerate(shops):
        scheme = schemes[position % len(schemes)]
        path = DEMO_PATHS[position % len(DEMO_PATHS)]
        application = Application.objects.create(
            scheme=scheme,
            shop=shop,
            year=year,
            organisation_number=shop.organisation_number,
            households=rng.randint(60, 260),
            distance_km=Decimal(rng.randint(30, 300)) / 10,
            turnover=rng.randint(20, 140) * 100_000,
            project_description="Demo: ny kjøle- og frysedisk og betre lys i butikken.",
            shop_benefit="Demo: lågare straumrekning og betre vareutval.",
            community_benefit="Demo: butikken held fram som møtestad i bygda.",
            municipality=shop.municipality,
            requested_amount=min(scheme.max_amount, rng.randint(5, 40) * 10_000),
            status=path[-1],
            submitted_at=now if len(path) > 1 else None,
            is_demo=True,
        )
        for before, after in zip(("", *path[:-1]), path, strict=True):
            CaseEvent.objects.create(
                application=application, from_status=before, to_status=after, comment="Demo"
            )
    return len(shops)
