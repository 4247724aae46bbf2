"""Load obviously fictitious staff to try the directory with. Marked `is_demo` in the data."""

from django.core.management.base import BaseCommand
from django.db import transaction

from distrikt.organisation.models import KnowledgeArea, Office, Person

DEMO_STAFF = [
    (
        "demo-ada-testdotter",
        "Ada Testdotter (demo)",
        "Seniorrådgivar",
        "steinkjer",
        ["framtidas-samfunnsutvikling", "regionalt-samarbeid"],
    ),
    (
        "demo-bjarne-prove",
        "Bjarne Prøve (demo)",
        "Rådgivar",
        "sogndal",
        ["lokaldemokrati"],
    ),
    (
        "demo-cecilie-eksempel",
        "Cecilie Eksempel (demo)",
        "Merkur-rådgivar",
        "alstahaug",
        ["merkur", "naerbutikkane"],
    ),
    (
        "demo-dag-fiktiv",
        "Dag Fiktiv (demo)",
        "Seniorrådgivar",
        "steinkjer",
        ["berekraft-og-verdiskaping"],
    ),
    (
        "demo-eva-oppdikta",
        "Eva Oppdikta (demo)",
        "Kommunikasjonsrådgivar",
        "sogndal",
        [],
    ),
    (
        "demo-frode-attrapp",
        "Frode Attrapp (demo)",
        "Merkur-rådgivar",
        "steinkjer",
        ["merkur"],
    ),
]


class Command(BaseCommand):
    help = "Load demo staff (fictitious, marked as demo) for trying the staff directory."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        offices = {office.slug: office for office in Office.objects.all()}
        areas = {area.slug: area for area in KnowledgeArea.objects.all()}
        for order, (slug, name, title, office, area_slugs) in enumerate(DEMO_STAFF, start=10):
            person, created = Person.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "job_title": title,
                    "office": offices.get(office),
                    "email": f"{slug}@example.org",
                    "phone": "",
                    "bio": "Oppdikta person for å prøve tilsettlista. Ikkje ein verkeleg tilsett.",
                    "is_demo": True,
                    "sort_order": order,
                },
            )
            if created:
                person.knowledge_areas.set([areas[area] for area in area_slugs if area in areas])
        self.stdout.write(f"{len(DEMO_STAFF)} demo staff in place.")
