"""Load every bundled municipality dataset: register, names, history, regions and figures."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from distrikt.municipalities.importers.bundled import load_bundled_figures
from distrikt.municipalities.importers.history import load_code_history
from distrikt.municipalities.importers.regions import load_labour_market_regions
from distrikt.municipalities.importers.register import (
    load_alternative_names,
    load_register_2024,
)
from distrikt.municipalities.services import refresh_key_figures


class Command(BaseCommand):
    help = "Load the municipality register, its history, regions and the bundled figures from data/."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        data_dir = settings.DATA_DIR
        kommunar = data_dir / "kommunar"
        counties, municipalities = load_register_2024(kommunar / "kommunar_2024.csv")
        self.stdout.write(f"{counties} counties, {municipalities} municipalities.")
        names = load_alternative_names(kommunar / "kommune_namn_sprak_2023.csv")
        self.stdout.write(f"Name forms set on {names} municipalities.")
        units, successions = load_code_history(kommunar)
        self.stdout.write(f"{units} former units, {successions} new successions.")
        regions, memberships = load_labour_market_regions(kommunar / "ba_regionar_2024.csv")
        self.stdout.write(f"{regions} labour-market regions, {memberships} new members.")
        created = load_bundled_figures(data_dir)
        for name, count in created.items():
            self.stdout.write(f"{name}: {count} new observations.")
        refresh_key_figures()
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s.")
