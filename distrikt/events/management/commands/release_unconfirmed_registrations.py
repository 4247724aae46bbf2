"""Release seats held for double opt-in that were not confirmed within EVENT_OPT_IN_HOLD_HOURS."""

from django.core.management.base import BaseCommand

from distrikt.events.tasks import release_unconfirmed_registrations


class Command(BaseCommand):
    help = "Cancel unconfirmed opt-in registrations whose hold has run out; the waiting list moves up."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the work on the task queue instead of doing it now.",
        )

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = release_unconfirmed_registrations.enqueue()
            self.stdout.write(f"Enqueued release task {result.id}.")
            return
        count = release_unconfirmed_registrations.call()
        self.stdout.write(f"Released {count} unconfirmed registration(s).")
