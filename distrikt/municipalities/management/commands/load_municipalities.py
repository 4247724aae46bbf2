"""Load the bundled municipality register."""

from django.conf import settings
from django.core.management.base import BaseCommand

from distrikt.municipalities.importers.register import load_register_2024


class Command(BaseCommand):
    help = "Load counties and municipalities (2024 structure) from data/kommunar/."

    def handle(self, *args, **options) -> None:
        counties, municipalities = load_register_2024(settings.DATA_DIR / "kommunar" / "kommunar_2024.csv")
        self.stdout.write(f"{counties} counties, {municipalities} municipalities.")
