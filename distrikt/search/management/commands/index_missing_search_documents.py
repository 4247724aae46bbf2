"""Index the pages and registered sources that have no search document yet (fast, idempotent)."""

from django.core.management.base import BaseCommand

from distrikt.search.indexer import rebuild


class Command(BaseCommand):
    help = "Add whatever is missing from the site-wide search index; leaves the rest."

    def handle(self, *args, **options) -> None:
        count = rebuild(only_missing=True)
        self.stdout.write(f"{count} documents in the search index.")
