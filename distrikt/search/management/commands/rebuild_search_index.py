"""Rebuild the site-wide search index from every live page and every registered source."""

from django.core.management.base import BaseCommand
from django.db import connection

from distrikt.search.indexer import rebuild
from distrikt.search.models import SearchDocument, SearchTerm, SearchWord


class Command(BaseCommand):
    help = "Rebuild the site-wide search index (pages, registers, places, overviews)."

    def handle(self, *args, **options) -> None:
        count = rebuild()
        if connection.vendor == "postgresql" and connection.get_autocommit():
            # After a bulk write, let index-only scans skip the heap (visibility map).
            with connection.cursor() as cursor:
                for model in (SearchDocument, SearchTerm, SearchWord):
                    cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        self.stdout.write(f"{count} documents indexed.")
