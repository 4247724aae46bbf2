"""Generate many demo applications over the demo shops, for the case-queue benchmark."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from distrikt.core.derived import bump_datasets
from distrikt.merkur.models import (
    ADVISOR_GROUP_NAME,
    GRANTS_DATASET,
    Application,
    ApplicationStatus,
    Shop,
    SupportScheme,
)

BATCH = 2000


class Command(BaseCommand):
    help = "Create COUNT demo applications (is_demo) spread over the demo shops and statuses."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--count", type=int, default=20_000)
        parser.add_argument("--advisors", type=int, default=6)

    @transaction.atomic
    def handle(self, *args, count: int, advisors: int, **options) -> None:
        rng = random.Random(20_000)  # noqa: S311 - reproducible demo data, not security
        shops = list(Shop.objects.filter(is_demo=True).values_list("pk", "organisation_number"))
        schemes = list(SupportScheme.objects.values_list("pk", "max_amount"))
        if not shops or not schemes:
            raise CommandError("Generate the demo shops (and migrate the schemes) first.")
        group, _created = Group.objects.get_or_create(name=ADVISOR_GROUP_NAME)
        users = []
        for number in range(advisors):
            user, _created = get_user_model().objects.get_or_create(username=f"demo-radgivar-{number + 1}")
            user.groups.add(group)
            users.append(user)
        statuses = [status for status in ApplicationStatus if status != ApplicationStatus.DRAFT]
        now = timezone.now()
        this_year = timezone.localdate().year
        batch: list[Application] = []
        for _number in range(count):
            shop_id, organisation_number = rng.choice(shops)
            scheme_id, max_amount = rng.choice(schemes)
            status = rng.choice(statuses)
            submitted = now - datetime.timedelta(days=rng.randint(0, 900))
            granted = status not in (
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.UNDER_ASSESSMENT,
                ApplicationStatus.MORE_INFORMATION_REQUESTED,
                ApplicationStatus.REFUSED,
                ApplicationStatus.WITHDRAWN,
            )
            is_decided = granted or status == ApplicationStatus.REFUSED
            amount = rng.randint(1, max_amount // 10_000) * 10_000
            batch.append(
                Application(
                    scheme_id=scheme_id,
                    shop_id=shop_id,
                    year=submitted.year if submitted.year <= this_year else this_year,
                    organisation_number=organisation_number,
                    households=rng.randint(30, 400),
                    distance_km=Decimal(rng.randint(10, 500)) / 10,
                    turnover=rng.randint(10, 200) * 100_000,
                    project_description="Demo: generert søknad for ytingstest.",
                    requested_amount=amount,
                    status=status,
                    assigned_advisor=rng.choice(users) if status != ApplicationStatus.SUBMITTED else None,
                    deadline=(submitted + datetime.timedelta(days=rng.randint(30, 700))).date(),
                    submitted_at=submitted,
                    decided_at=submitted + datetime.timedelta(days=rng.randint(5, 90))
                    if is_decided
                    else None,
                    granted_amount=amount if granted else None,
                    is_demo=True,
                )
            )
            if len(batch) >= BATCH:
                Application.objects.bulk_create(batch)
                batch = []
        Application.objects.bulk_create(batch)
        # Bulk inserts write no case events: make the grant statistics stale once.
        bump_datasets(GRANTS_DATASET)
        if options.get("verbosity", 1):
            self.stdout.write(f"{count} demo applications created.")
