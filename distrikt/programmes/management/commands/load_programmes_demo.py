"""Demo projects in the programmes, with made-up participants and results (is_demo=True).

Real places (by municipality code) are used so the map and profiles show something, but
what is told about them is invented; editors replace it with the real participants.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction

from distrikt.municipalities.models import Municipality, Region, RegionKind
from distrikt.programmes.models import ProgrammePage, Project, ProjectMilestone

DEMO_PROJECTS = [
    {
        "programme": "byregionprogrammet",
        "name": "Demo: samspel mellom by og omland i Innherred",
        "leader": "Prosjektleiar i regionrådet (demo)",
        "goals": "Oppdikta døme: fleire arbeidsplassar i omlandet rundt byen.",
        "activities": "Oppdikta døme: samfunnsanalyse, næringsmøte og felles strategi.",
        "results": "Oppdikta døme: ein felles næringsstrategi vart vedteken i alle kommunestyra.",
        "municipalities": ["5006", "5037", "5038"],
        "region_kind": None,
        "milestones": [(datetime.date(2014, 6, 1), "Samfunnsanalysen ferdig (demo)")],
    },
    {
        "programme": "byregionprogrammet",
        "name": "Demo: ein bu- og arbeidsmarknadsregion som deltakar",
        "leader": "Regionkoordinator (demo)",
        "goals": "Oppdikta døme på ein region som deltek som heilskap.",
        "activities": "",
        "results": "",
        "municipalities": [],
        "region_kind": RegionKind.LABOUR_MARKET,
        "milestones": [],
    },
    {
        "programme": "fremtidens-lokaldemokrati",
        "name": "Demo: lokalutval i den nye kommunen",
        "leader": "Prosjektleiar for lokaldemokrati (demo)",
        "goals": "Oppdikta døme: lokalutval i alle dei tidlegare kommunesentra.",
        "activities": "Oppdikta døme: folkemøte og innbyggjarundersøking.",
        "results": "",
        "municipalities": ["5007", "1806"],
        "region_kind": None,
        "milestones": [],
    },
    {
        "programme": "kommunen-og-naerbutikken",
        "name": "Demo: butikken som servicepunkt",
        "leader": "Næringssjef (demo)",
        "goals": "Oppdikta døme: kommunale tenester i nærbutikken.",
        "activities": "",
        "results": "",
        "municipalities": ["1825"],
        "region_kind": None,
        "milestones": [],
    },
]


class Command(BaseCommand):
    help = "Add demo projects (marked is_demo) to the programme pages."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        programmes = {page.slug: page for page in ProgrammePage.objects.all()}
        municipalities = {m.code: m for m in Municipality.objects.current()}
        created = 0
        for item in DEMO_PROJECTS:
            programme = programmes.get(item["programme"])
            if programme is None or Project.objects.filter(programme=programme, name=item["name"]).exists():
                continue
            project = Project(
                programme=programme,
                name=item["name"],
                leader=item["leader"],
                goals=item["goals"],
                activities=item["activities"],
                results=item["results"],
                is_demo=True,
            )
            project.municipalities = [
                municipalities[c] for c in item["municipalities"] if c in municipalities
            ]
            if item["region_kind"]:
                project.regions = list(Region.objects.filter(kind=item["region_kind"]).order_by("name")[:1])
            project.milestones = [ProjectMilestone(date=date, text=text) for date, text in item["milestones"]]
            project.save()
            created += 1
        self.stdout.write(f"Programme demo projects: {created} added.")
