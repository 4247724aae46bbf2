"""Compute residential attractiveness for a period and store it as derived observations."""

from django.core.management.base import BaseCommand, CommandError

from distrikt.municipalities.attractiveness import (
    latest_period,
    store_period_attractiveness,
)


class Command(BaseCommand):
    help = "Store residential attractiveness (Telemarksforsking model) for a period, default the latest one the data covers."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--start", type=int)
        parser.add_argument("--end", type=int)

    def handle(self, *args, **options) -> None:
        if options["start"] and options["end"]:
            period = (options["start"], options["end"])
        else:
            period = latest_period()
        if period is None or period[0] >= period[1]:
            raise CommandError(
                "No period with employment at both ends and migration for every year "
                "(import SSB 06913 and 07984 first). Nothing stored."
            )
        stored = store_period_attractiveness(*period)
        if not stored:
            raise CommandError(f"No municipality has the data for {period[0]}–{period[1]}.")
        self.stdout.write(f"Stored attractiveness {period[0]}–{period[1]} for {stored} municipalities.")
