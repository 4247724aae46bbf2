"""Load everything that ships with the repository, app by app, in dependency order.

Each app that has bundled data names its own loader command in its AppConfig
(`bundled_data_command`, and `demo_data_command` for demo content). Every loader is
idempotent: running this again changes nothing that is already there.
"""

import time

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Load the bundled real data (and, with --demo, the marked demo data) into the database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--demo", action="store_true", help="Also load the demo content.")

    def handle(self, *args, demo: bool = False, **options) -> None:
        if demo and not getattr(settings, "ALLOW_DEMO_DATA", False):
            raise CommandError(
                "Demo data is not loaded with these settings (set ALLOW_DEMO_DATA=true to allow it)."
            )
        started = time.perf_counter()
        attributes = ["bundled_data_command"] + (["demo_data_command"] if demo else [])
        for attribute in attributes:
            for app_config in apps.get_app_configs():
                command = getattr(app_config, attribute, None)
                if not command:
                    continue
                step = time.perf_counter()
                call_command(command, verbosity=options["verbosity"])
                self.stdout.write(f"  {command}: {time.perf_counter() - step:.1f} s")
        self.stdout.write(self.style.SUCCESS(f"Bundled data loaded in {time.perf_counter() - started:.1f} s"))
