"""Demo arrangements in a few real municipalities (is_demo=True; the facts are invented).

They let the register, the statistics and the profiles show something before the
municipalities have answered the survey. Editors delete them when real answers arrive.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from distrikt.democracy.models import Arrangement, ArrangementKind, Mandate, MemberSelection
from distrikt.municipalities.models import Municipality

DEMO = [
    (
        "5006",
        "Demo: Ogndal lokalutval",
        ArrangementKind.LOCAL_COUNCIL,
        "Ogndal",
        MemberSelection.ELECTED_BY_RESIDENTS,
        Mandate.ADVISORY,
        True,
        50000,
        2020,
    ),
    (
        "5006",
        "Demo: Beitstad bygdeutval",
        ArrangementKind.VILLAGE_COUNCIL,
        "Beitstad",
        MemberSelection.APPOINTED_BY_ASSOCIATIONS,
        Mandate.ADVISORY,
        False,
        None,
        2021,
    ),
    (
        "1806",
        "Demo: Ballangen lokalutval",
        ArrangementKind.LOCAL_COUNCIL,
        "Ballangen",
        MemberSelection.APPOINTED_BY_COUNCIL,
        Mandate.DECISION,
        True,
        200000,
        2020,
    ),
    (
        "4204",
        "Demo: Ungdomsrådet i bydelen",
        ArrangementKind.YOUTH_COUNCIL,
        "Ein bydel",
        MemberSelection.MIXED,
        Mandate.ADVISORY,
        False,
        None,
        2019,
    ),
]


class Command(BaseCommand):
    help = "Add demo local democracy arrangements (marked is_demo, published)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        municipalities = {m.code: m for m in Municipality.objects.current()}
        created = 0
        for code, name, kind, area, selection, mandate, budget, amount, year in DEMO:
            municipality = municipalities.get(code)
            if (
                municipality is None
                or Arrangement.objects.filter(municipality=municipality, name=name).exists()
            ):
                continue
            Arrangement.objects.create(
                municipality=municipality,
                name=name,
                kind=kind,
                area=area,
                member_selection=selection,
                mandate=mandate,
                has_own_budget=budget,
                budget_nok=amount,
                established_year=year,
                contact="Postmottak i kommunen (demo)",
                is_published=True,
                is_demo=True,
            )
            created += 1
        self.stdout.write(f"Democracy demo arrangements: {created} added.")
