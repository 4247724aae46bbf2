"""Create the event calendar page under the home page (idempotent; never overwrites edits)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from distrikt.core.models import HomePage
from distrikt.events.models import EventIndexPage
from distrikt.events.services import ensure_organiser_group


class Command(BaseCommand):
    help = "Create the event organisers' group and the event calendar page /arrangement/ if missing."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        ensure_organiser_group()
        home = HomePage.objects.first()
        if home is None or Page.objects.child_of(home).filter(slug="arrangement").exists():
            return
        index = EventIndexPage(
            title="Arrangement",
            slug="arrangement",
            language="nn",
            lead="Konferansar, arbeidsverkstader, kurs og webinar frå Distriktssenteret. Meld deg på, eller abonner på kalenderen.",
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        if options.get("verbosity", 1):
            self.stdout.write("Event calendar page created.")
