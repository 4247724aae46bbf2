"""Apply the retention rule: anonymise registrations of events that ended long ago."""

from django.core.management.base import BaseCommand

from distrikt.events.tasks import anonymise_registrations


class Command(BaseCommand):
    help = "Anonymise registrations older than EVENT_REGISTRATION_RETENTION_DAYS after the event."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the work on the task queue instead of doing it now.",
        )

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = anonymise_registrations.enqueue()
            self.stdout.write(f"Enqueued retention task {result.id}.")
            return
        count = anonymise_registrations.call()
        self.stdout.write(f"Anonymised {count} registration(s).")
