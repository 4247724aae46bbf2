"""The old name of the daily retention job; runs `apply_retention` (every app's rule)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Alias of apply_retention: anonymise old registrations and apply every other retention rule."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the work on the task queue instead of doing it now.",
        )

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        call_command(
            "apply_retention",
            enqueue=enqueue,
            verbosity=options.get("verbosity", 1),
            stdout=self.stdout,
            stderr=self.stderr,
        )
