"""Create the programme pages with the publicly known facts (idempotent; never overwrites edits).

Only what is documented publicly is written here: names, purposes, owners, periods and
phases where known (sources in data/SOURCES.md). Participants and results are demo data,
loaded by load_programmes_demo.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from distrikt.core.models import HomePage
from distrikt.organisation.models import KnowledgeArea
from distrikt.programmes.models import ProgrammeIndexPage, ProgrammePage, ProgrammePhase, ProgrammeStatus

INDEX_LEAD = (
    "Distriktssenteret driv og følgjer utviklingsprogram der kommunar og regionar prøver ut "
    "nye arbeidsmåtar saman. Her finn du programma, prosjekta og kven som er med."
)

PROGRAMMES = [
    {
        "slug": "byregionprogrammet",
        "title": "Byregionprogrammet",
        "purpose": (
            "Utviklingsprogram for byregionar. Programmet skulle styrkje vekstkrafta i byregionane "
            "som var med, og gi meir kunnskap om samspelet mellom byen og omlandet rundt."
        ),
        "body": [
            "37 byregionar med til saman 213 kommunar var med i programmet. Distriktssenteret "
            "etablerte og dreiv det nasjonale læringsnettverket mellom deltakarane.",
        ],
        "owner": "Kommunal- og moderniseringsdepartementet (KMD)",
        "status": ProgrammeStatus.COMPLETED,
        "start": datetime.date(2014, 1, 1),
        "end": datetime.date(2018, 12, 31),
        "budget": 87_000_000,
        "budget_note": "tildelt regionane for fase 2, 2015–2018",
        "areas": ["regionalt-samarbeid"],
        "source": "distriktssenteret.no/byregionprogrammet og regjeringen.no",
        "phases": [
            (
                "Fase 1",
                "Etablere samarbeidet i regionen, lage ei samfunnsanalyse og velje eit tema å arbeide vidare med.",
                datetime.date(2014, 1, 1),
                datetime.date(2015, 12, 31),
            ),
            (
                "Fase 2",
                "Finne fram til og setje i verk lokalt forankra strategiar og tiltak innanfor temaet regionen valde.",
                datetime.date(2015, 1, 1),
                datetime.date(2018, 12, 31),
            ),
        ],
    },
    {
        "slug": "fremtidens-lokaldemokrati",
        "title": "Fremtidens lokaldemokrati",
        "purpose": (
            "Prosjektet «Fremtidens lokaldemokrati – i nye kommuner» skulle leggje til rette for "
            "arbeidet kommunar som slo seg saman, gjorde lokalt med å forme lokaldemokratiet i den nye kommunen."
        ),
        "body": [
            "Departementet inviterte i 2017 kommunar som skulle slå seg saman, til å vere med. "
            "32 nye kommunar deltok.",
        ],
        "owner": "Kommunal- og moderniseringsdepartementet (KMD)",
        "status": ProgrammeStatus.UNKNOWN,
        "start": datetime.date(2017, 1, 1),
        "end": None,
        "budget": None,
        "budget_note": "",
        "areas": ["lokaldemokrati"],
        "source": "regjeringen.no (Fremtidens lokaldemokrati – i nye kommuner)",
        "phases": [],
    },
    {
        "slug": "kommunen-og-naerbutikken",
        "title": "Kommunen og nærbutikken",
        "purpose": (
            "Prosjekt om samarbeidet mellom kommunen og nærbutikken, der butikken får ei rolle "
            "som knutepunkt og utviklingsaktør i lokalsamfunnet. Erfaringane blir delte med andre kommunar."
        ),
        "body": [],
        "owner": "Distriktssenteret",
        "status": ProgrammeStatus.UNKNOWN,
        "start": None,
        "end": None,
        "budget": None,
        "budget_note": "",
        "areas": ["naerbutikkane"],
        "source": "Distriktssenteret si verksemdsomtale (2019)",
        "phases": [],
    },
]


class Command(BaseCommand):
    help = "Create the programme index and the three programme pages with their public facts."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        home = HomePage.objects.first()
        if home is None:
            self.stderr.write("No home page; run setup_site_pages first.")
            return
        index = ProgrammeIndexPage.objects.first()
        if index is None:
            index = ProgrammeIndexPage(
                title="Utviklingsprogram", slug="program", language="nn", lead=INDEX_LEAD
            )
            home.add_child(instance=index)
            index.save_revision().publish()
        existing = set(Page.objects.child_of(index).values_list("slug", flat=True))
        areas = {area.slug: area for area in KnowledgeArea.objects.all()}
        created = 0
        for item in PROGRAMMES:
            if item["slug"] in existing:
                continue
            page = ProgrammePage(
                title=item["title"],
                slug=item["slug"],
                language="nn",
                purpose=item["purpose"],
                body=[("paragraph", f"<p>{text}</p>") for text in item["body"]],
                programme_owner=item["owner"],
                status=item["status"],
                start_date=item["start"],
                end_date=item["end"],
                budget_nok=item["budget"],
                budget_note=item["budget_note"],
                source=item["source"],
            )
            page.knowledge_areas = [areas[slug] for slug in item["areas"] if slug in areas]
            page.phases = [
                ProgrammePhase(name=name, description=text, start_date=start, end_date=end)
                for name, text, start, end in item["phases"]
            ]
            index.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        self.stdout.write(f"Programmes ready: {created} added.")
