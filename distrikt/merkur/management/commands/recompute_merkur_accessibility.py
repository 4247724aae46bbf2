"""Recompute the shop accessibility tables over the population grid."""

from django.core.management.base import BaseCommand

from distrikt.merkur.accessibility import recompute_accessibility


class Command(BaseCommand):
    help = "Run the KD-tree accessibility analysis over every active shop and store the results."

    def handle(self, *args, **options) -> None:
        run = recompute_accessibility()
        self.stdout.write(
            f"{run.shop_count} shops, {run.cell_count} cells, {run.population} people: {run.seconds:.2f} s"
        )
