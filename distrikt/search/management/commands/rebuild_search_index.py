"""Rebuild the site-wide search index from every live page, staff member and municipality."""

from django.core.management.base import BaseCommand
from django.db import connection

from distrikt.search.indexer import rebuild
from distrikt.search.models import SearchDocument, SearchTerm


class Command(BaseCommand):
    help = "Rebuild the site-wide search index (pages, staff, municipalities)."

    def handle(self, *args, **options) -> None:
        count = rebuild()
        if connection.vendor == "postgresql" and connection.get_autocommit():
            # After a bulk write, let index-only scans skip the heap (visibility map).
            with connection.cursor() as cursor:
                for model in (SearchDocument, SearchTerm):
                    cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        self.stdout.write(f"{count} documents indexed.")
