"""Load Merkur's catalogues, the advisor group and the section pages (idempotent).

Existing rows and pages are left alone, so editors' changes survive a second run.
"""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from distrikt.core.models import HomePage, StandardPage
from distrikt.merkur.models import (
    ADVISOR_GROUP_NAME,
    Chain,
    ExtraService,
    MerkurIndexPage,
)

from ._merkur_content import (
    CHAIN_NAMES,
    CHAINS,
    EXTRA_SERVICES,
    INDEX_BODY,
    INDEX_LEAD,
    OFFER_BODY,
    OFFER_LEAD,
    OFFER_TITLE,
    SERVICE_DESCRIPTIONS,
    SERVICE_NAMES,
)


class Command(BaseCommand):
    help = "Load chains, the extra-services catalogue, the advisor group and the Merkur pages."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        for order, (slug, name) in enumerate(CHAINS):
            chain, _created = Chain.objects.get_or_create(
                slug=slug, defaults={"name": name, "sort_order": order}
            )
            _name_in_other_languages(chain, CHAIN_NAMES.get(slug))
        for order, (slug, name, description) in enumerate(EXTRA_SERVICES):
            service, _created = ExtraService.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "sort_order": order,
                },
            )
            _name_in_other_languages(service, SERVICE_NAMES.get(slug))
            _describe_in_other_languages(service, SERVICE_DESCRIPTIONS.get(slug))
        Group.objects.get_or_create(name=ADVISOR_GROUP_NAME)
        self._create_pages()
        if options.get("verbosity", 1):
            self.stdout.write("Merkur catalogues and pages are in place.")

    def _create_pages(self) -> None:
        home = HomePage.objects.first()
        if home is None or Page.objects.child_of(home).filter(slug="merkur").exists():
            return
        index = MerkurIndexPage(
            title="Merkur",
            slug="merkur",
            language="nn",
            lead=INDEX_LEAD,
            body=INDEX_BODY,
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        offer = StandardPage(
            title=OFFER_TITLE,
            slug="tilleggstenester",
            language="nn",
            lead=OFFER_LEAD,
            body=OFFER_BODY,
        )
        index.add_child(instance=offer)
        offer.save_revision().publish()


def _name_in_other_languages(entry: Chain | ExtraService, names: tuple[str, str] | None) -> None:
    """Fill the shipped Bokmål and English names where an editor has not written any."""
    if names is None or (entry.name_nb and entry.name_en):
        return
    entry.name_nb = entry.name_nb or names[0]
    entry.name_en = entry.name_en or names[1]
    entry.save(update_fields=["name_nb", "name_en"])


def _describe_in_other_languages(service: ExtraService, descriptions: tuple[str, str] | None) -> None:
    """Fill the shipped Bokmål and English descriptions where an editor has not written any."""
    if descriptions is None or (service.description_nb and service.description_en):
        return
    service.description_nb = service.description_nb or descriptions[0]
    service.description_en = service.description_en or descriptions[1]
    service.save(update_fields=["description_nb", "description_en"])
