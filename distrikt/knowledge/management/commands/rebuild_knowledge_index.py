"""Rebuild the knowledge-bank table from every live page that implements knowledge_bank_entry()."""

from django.core.management.base import BaseCommand

from distrikt.knowledge.sync import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the knowledge-bank index from the live pages of every app."

    def handle(self, *args, **options) -> None:
        count = rebuild_index()
        self.stdout.write(f"{count} entries in the knowledge bank.")
