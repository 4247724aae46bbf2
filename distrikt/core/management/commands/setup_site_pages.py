"""Create the home page and make it the root of the default site (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from distrikt.core.models import HomePage

HOME_LEAD = (
    "Distriktssenteret hjelper små og mellomstore kommunar og regionar med å byggje "
    "lokalsamfunn som folk vil bu, arbeide og drive næring i. Her finn du kunnskap frå "
    "praksis og forsking, tal om din eigen kommune, Merkur-programmet for nærbutikkar "
    "og arrangement du kan melde deg på."
)

KNOWLEDGE_AREA_CARDS = [
    (
        "Framtidas samfunnsutvikling i kommunane",
        "Arbeidsmåtar og erfaringar som gjer kommunen til ein god samfunnsutviklar, i dag og i åra som kjem.",
    ),
    (
        "Nærbutikkane si rolle",
        "Kva butikken betyr for bygda, og korleis kommune og kjøpmann kan dra saman.",
    ),
    (
        "Berekraftig samfunnsutvikling og verdiskaping",
        "Samanhengen mellom økonomiske, miljømessige, kulturelle og sosiale verdiar lokalt.",
    ),
    (
        "Regionalt samarbeid",
        "Korleis kommunar styrkjer utviklingskapasiteten sin ved å samarbeide i regionen.",
    ),
    (
        "Lokaldemokrati",
        "Ordningar og erfaringar som gjer det lettare for innbyggjarane å vere med og påverke.",
    ),
    (
        "Merkur",
        "Programmet for distriktsbutikkar: tilleggstenester, kompetanse og støtte til kjøpmenn.",
    ),
]


class Command(BaseCommand):
    help = "Create the home page of the site if it does not exist."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        if HomePage.objects.exists():
            self.stdout.write("Home page exists; nothing to do.")
            return
        root = Page.get_first_root_node() or self._create_tree_root()
        home = HomePage(
            title="Distriktssenteret",
            slug="distriktssenteret",
            language="nn",
            lead=HOME_LEAD,
            body=[
                (
                    "cards",
                    {
                        "heading": "Kunnskapsområde",
                        "intro": "Vel eit område for å finne kunnskap, døme og arrangement.",
                        "cards": [
                            {"title": title, "text": text, "page": None, "url": ""}
                            for title, text in KNOWLEDGE_AREA_CARDS
                        ],
                    },
                )
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        old_default = Page.objects.filter(depth=2).exclude(pk=home.pk).filter(slug="home").first()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Distriktssenteret",
            )
        else:
            site.root_page = home
            site.site_name = "Distriktssenteret"
            site.save()
        if old_default is not None and old_default.specific_class is Page:
            old_default.delete()
        self.stdout.write("Created the home page.")

    def _create_tree_root(self) -> Page:
        """Recreate Wagtail's tree root when the table was emptied (as a test flush does)."""
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        return Page.add_root(instance=Page(title="Root", slug="root"))
