"""Rebuild the site-wide search index from every live page, staff member and municipality."""

from django.core.management.base import BaseCommand

from distrikt.search.indexer import rebuild


class Command(BaseCommand):
    help = "Rebuild the site-wide search index (pages, staff, municipalities)."

    def handle(self, *args, **options) -> None:
        count = rebuild()
        self.stdout.write(f"{count} documents indexed.")
