"""Load the organisation's bundled registers and pages (idempotent; never overwrites edits).

Knowledge areas, target groups, the three offices (addresses left for editors: we do not
invent them), the director named in the organisation's own description, and the about
section with the staff directory and the office page.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from distrikt.core.models import AccessibilityStatementPage, HomePage, SiteSettings, StandardPage
from distrikt.municipalities.models import Municipality
from distrikt.organisation.models import (
    ContactPage,
    KnowledgeArea,
    Office,
    OfficeIndexPage,
    Person,
    StaffDirectoryPage,
    TargetGroup,
)
from distrikt.organisation.services import ensure_contact_message_reader_group

from ._about_content import ABOUT_BODY, ABOUT_BODY_EN, ABOUT_LEAD, ABOUT_LEAD_EN, ABOUT_TITLE_EN

KNOWLEDGE_AREAS = [
    (
        "framtidas-samfunnsutvikling",
        "Framtidas samfunnsutvikling i kommunane",
        "Fremtidens samfunnsutvikling i kommunene",
        "Future community development in municipalities",
        "Arbeidsmåtar, kunnskap og erfaringar som gjer små og mellomstore kommunar til gode samfunnsutviklarar.",
    ),
    (
        "naerbutikkane",
        "Nærbutikkane si rolle",
        "Nærbutikkenes rolle",
        "The role of the local shop",
        "Kva nærbutikken betyr for lokalsamfunnet, og samarbeidet mellom butikk og kommune.",
    ),
    (
        "berekraft-og-verdiskaping",
        "Berekraftig samfunnsutvikling og verdiskaping",
        "Bærekraftig samfunnsutvikling og verdiskaping",
        "Sustainable development and value creation",
        "Samspelet mellom økonomiske, miljømessige, kulturelle og sosiale verdiar i lokal utvikling.",
    ),
    (
        "regionalt-samarbeid",
        "Regionalt samarbeid",
        "Regionalt samarbeid",
        "Regional cooperation",
        "Korleis kommunar styrkjer utviklingskapasiteten gjennom samarbeid i regionen.",
    ),
    (
        "lokaldemokrati",
        "Lokaldemokrati",
        "Lokaldemokrati",
        "Local democracy",
        "Nærdemokratiske ordningar og korleis innbyggjarane kan ta del i utviklinga av staden sin.",
    ),
    (
        "merkur",
        "Merkur",
        "Merkur",
        "Merkur",
        "Programmet for distriktsbutikkar: tilleggstenester som gjer butikken meir lønsam og lokalsamfunnet betre tent.",
    ),
]

TARGET_GROUPS = [
    (
        "kommunar-og-regionar",
        "Kommunar og regionar",
        "Kommuner og regioner",
        "Municipalities and regions",
    ),
    ("ordforarar", "Ordførarar", "Ordførere", "Mayors"),
    ("kommunedirektorar", "Kommunedirektørar", "Kommunedirektører", "Chief executives"),
    ("prosjektleiarar", "Prosjektleiarar", "Prosjektledere", "Project leaders"),
    ("kjopmenn", "Kjøpmenn", "Kjøpmenn", "Merchants"),
    ("departementet", "Departementet", "Departementet", "The ministry"),
    (
        "andre-utviklingsaktorar",
        "Andre med utviklingsoppgåver",
        "Andre med utviklingsoppgaver",
        "Others with development tasks",
    ),
]

# (slug, name, municipality code) — addresses, phone and opening hours are for editors to fill.
OFFICES = [
    ("steinkjer", "Steinkjer", "5006"),
    ("sogndal", "Sogndal", "4640"),
    ("alstahaug", "Alstahaug", "1820"),
]


class Command(BaseCommand):
    help = "Load knowledge areas, target groups, offices, the director and the about pages."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        ensure_contact_message_reader_group()
        for order, (slug, name, name_nb, name_en, description) in enumerate(KNOWLEDGE_AREAS):
            KnowledgeArea.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_nb": name_nb,
                    "name_en": name_en,
                    "description": description,
                    "sort_order": order,
                },
            )
        for order, (slug, name, name_nb, name_en) in enumerate(TARGET_GROUPS):
            TargetGroup.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_nb": name_nb,
                    "name_en": name_en,
                    "sort_order": order,
                },
            )
        for order, (slug, name, code) in enumerate(OFFICES):
            municipality = Municipality.objects.current().filter(code=code).first()
            Office.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "municipality": municipality,
                    "sort_order": order,
                },
            )
        Person.objects.get_or_create(
            slug="halvor-holmli",
            defaults={
                "name": "Halvor Holmli",
                "job_title": "Direktør",
                "sort_order": 0,
                "bio": "Leiar Distriktssenteret.",
            },
        )
        self._create_about_section()
        self._create_english_about_page()
        self._create_contact_page()
        self.stdout.write("Organisation registers and about pages are in place.")

    def _create_about_section(self) -> None:
        home = HomePage.objects.first()
        if home is None or Page.objects.child_of(home).filter(slug="om-oss").exists():
            return
        about = StandardPage(
            title="Om oss",
            seo_title="Om Distriktssenteret",
            slug="om-oss",
            language="nn",
            lead=ABOUT_LEAD,
            body=ABOUT_BODY,
            show_in_menus=True,
        )
        home.add_child(instance=about)
        about.save_revision().publish()
        staff = StaffDirectoryPage(
            title="Tilsette",
            slug="tilsette",
            language="nn",
            lead="Finn rett person hos oss: søk på namn, eller avgrens etter kontor og fagområde.",
        )
        about.add_child(instance=staff)
        staff.save_revision().publish()
        offices = OfficeIndexPage(
            title="Kontora våre",
            slug="kontor",
            language="nn",
            lead="Vi held til i Steinkjer, Sogndal og Alstahaug. Her finn du adresser og kontaktinformasjon.",
        )
        about.add_child(instance=offices)
        offices.save_revision().publish()

    def _create_english_about_page(self) -> None:
        """The about page in English (/en/about/), linked as the English version of the about
        section and of the home page, where an editor has not chosen another."""
        home = HomePage.objects.first()
        if home is None:
            return
        english = StandardPage.objects.child_of(home).filter(slug="about").first()
        if english is None:
            english = StandardPage(
                title=ABOUT_TITLE_EN,
                slug="about",
                language="en",
                lead=ABOUT_LEAD_EN,
                body=ABOUT_BODY_EN,
                show_in_menus=False,
            )
            home.add_child(instance=english)
            english.save_revision().publish()
        # Fetched again: adding a child changed the home page's row in the tree.
        about = StandardPage.objects.child_of(home).filter(slug="om-oss").first()
        for page in (about, HomePage.objects.get(pk=home.pk)):
            if page is not None and page.english_version_id is None and not page.has_unpublished_changes:
                page.english_version = english
                page.save_revision().publish()

    def _create_contact_page(self) -> None:
        home = HomePage.objects.first()
        if home is None:
            return
        contact = ContactPage.objects.first()
        if contact is None:
            contact = ContactPage(
                title="Kontakt oss",
                slug="kontakt",
                language="nn",
                lead=(
                    "Har du spørsmål til oss? Vel kontoret eller fagområdet spørsmålet gjeld, så kjem "
                    "meldinga til dei som kan svare."
                ),
                privacy_note=(
                    "Vi bruker det du skriv berre til å svare deg, og slettar meldinga når tida i "
                    "personvernerklæringa er ute."
                ),
            )
            home.add_child(instance=contact)
            contact.save_revision().publish()
        site_settings = SiteSettings.load()
        if site_settings.contact_page_id is None:
            site_settings.contact_page = contact
            site_settings.save(update_fields=["contact_page"])
        for statement in AccessibilityStatementPage.objects.filter(feedback_page__isnull=True):
            statement.feedback_page = contact
            statement.save_revision().publish()
