"""Load the demo shops: clearly marked "(demo)", placed inside real small municipalities.

The shops, their organisation numbers (starting with 1, a range the Central Coordinating
Register does not assign), services and key figures are invented for demonstration; the
positions are each municipality's representative point from Kartverket's data.

A few demo applications go with them: pending ones, and decided ones (granted, refused, partly
and fully paid) taken through the real case workflow by a demo merchant and a demo advisor
who cannot log in, so the dashboard's grant figures have something to show. Every case is
marked as demo in the data (``is_demo``) and in its texts ("Demo: …"). Idempotent.
"""

import csv
import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from distrikt.merkur import workflow
from distrikt.merkur.models import (
    ADVISOR_GROUP_NAME,
    Application,
    ApplicationStatus,
    CaseEvent,
    Chain,
    DecisionOutcome,
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


# The walk each pending demo application has taken through the case, from the draft on.
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


@dataclass(frozen=True)
class DemoDecision:
    """A decided demo case: the scheme it is for, the outcome and what has been paid of a grant."""

    scheme_slug: str
    requested: int
    granted: int | None
    paid: int = 0
    justification: str = ""


# Decided demo cases, each taken through the real workflow (workflow.py): submitted by the
# demo merchant, assigned to and decided by the demo advisor, and paid in part or in full.
DEMO_DECISIONS = (
    DemoDecision(
        "investeringsstotte",
        requested=400_000,
        granted=300_000,
        justification="Demo: butikken oppfyller vilkåra; tilskotet er 75 % av kostnaden.",
    ),
    DemoDecision(
        "investeringsstotte",
        requested=250_000,
        granted=None,
        justification="Demo: avstanden til næraste butikk er under 5 km.",
    ),
    DemoDecision(
        "investeringsstotte",
        requested=200_000,
        granted=150_000,
        paid=60_000,
        justification="Demo: tilskot til ny kjøledisk; første del er utbetalt.",
    ),
    DemoDecision(
        "investeringsstotte",
        requested=120_000,
        granted=90_000,
        paid=90_000,
        justification="Demo: tilskot til betre lys og varmepumpe; heile tilskotet er utbetalt.",
    ),
)

# The shops the demo cases go on (active demo shops in order): the pending cases on the first
# four, the decided ones on the ninth to twelfth, away from the first eight shops that earlier
# versions of this loader used, so a database loaded before gains the decided cases too.
PENDING_SHOPS = slice(0, 4)
DECIDED_SHOPS = slice(8, 12)
DEMO_ADVISOR = "demo-radgivar"
DEMO_MERCHANT = "demo-kjopmann"


def _demo_application(
    rng: random.Random, shop: Shop, scheme: SupportScheme, year: int, **fields
) -> Application:
    return Application.objects.create(
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
        is_demo=True,
        **fields,
    )


def load_demo_applications(rng: random.Random, year: int) -> int:
    """A few applications for demo shops, marked as demo in the data and the text. Idempotent:
    a shop that already has a demo application gets no other."""
    schemes = list(SupportScheme.objects.published())
    if not schemes:
        return 0
    shops = list(Shop.objects.filter(is_demo=True, status=ShopStatus.ACTIVE).order_by("pk"))
    with_demo_cases = set(
        Application.objects.filter(is_demo=True).values_list("shop_id", flat=True).distinct()
    )
    now = timezone.now()
    created = 0
    for position, shop in enumerate(shops[PENDING_SHOPS]):
        if shop.pk in with_demo_cases:
            continue
        scheme = schemes[position % len(schemes)]
        path = DEMO_PATHS[position % len(DEMO_PATHS)]
        application = _demo_application(
            rng,
            shop,
            scheme,
            year,
            requested_amount=min(scheme.max_amount, rng.randint(5, 40) * 10_000),
            status=path[-1],
            submitted_at=now if len(path) > 1 else None,
        )
        for before, after in zip(("", *path[:-1]), path, strict=True):
            CaseEvent.objects.create(
                application=application, from_status=before, to_status=after, comment="Demo"
            )
        created += 1
    decided_shops = [shop for shop in shops[DECIDED_SHOPS] if shop.pk not in with_demo_cases]
    if decided_shops:
        created += load_decided_demo_applications(rng, decided_shops)
    return created


def _demo_user(username: str, group: str | None = None):
    """A demo user that cannot log in (no usable password), for the demo cases' history."""
    user, is_new = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Demo", "last_name": username.split("-", 1)[1].title()}
    )
    if is_new:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def load_decided_demo_applications(rng: random.Random, shops: list[Shop]) -> int:
    """Decided demo cases (granted, refused, partly and fully paid) through the real workflow."""
    today = timezone.localdate()
    # After this year's application deadline the demo cases are for next year.
    year = today.year if today <= workflow.application_deadline(today.year) else today.year + 1
    schemes = {scheme.slug: scheme for scheme in SupportScheme.objects.open_on(today)}
    advisor = _demo_user(DEMO_ADVISOR, ADVISOR_GROUP_NAME)
    merchant = _demo_user(DEMO_MERCHANT)
    created = 0
    for shop, case in zip(shops, DEMO_DECISIONS, strict=False):
        scheme = schemes.get(case.scheme_slug)
        if scheme is None:
            continue
        shop.merchants.add(merchant)
        application = _demo_application(rng, shop, scheme, year, requested_amount=case.requested)
        CaseEvent.objects.create(
            application=application,
            actor=merchant,
            from_status="",
            to_status=ApplicationStatus.DRAFT,
            comment="Demo",
        )
        workflow.submit_application(application, merchant)
        workflow.assign_case_officer(application, advisor, advisor)
        outcome = DecisionOutcome.GRANT if case.granted else DecisionOutcome.REFUSAL
        workflow.record_decision(
            application,
            advisor,
            workflow.DecisionInput(
                outcome=outcome,
                justification=case.justification,
                amount=case.granted,
                conditions="Demo: tiltaket skal vere ferdig før fristen." if case.granted else "",
                use_deadline=today + datetime.timedelta(days=365) if case.granted else None,
            ),
        )
        if case.paid:
            workflow.register_payment(application, advisor, case.paid)
        created += 1
    return created
