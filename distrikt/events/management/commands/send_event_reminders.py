"""Send reminder e-mails for events that start soon (run by a scheduler, e.g. every hour)."""

from django.core.management.base import BaseCommand

from distrikt.events.tasks import send_event_reminders


class Command(BaseCommand):
    help = "Send reminders to participants of events starting within EVENT_REMINDER_HOURS."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the work on the task queue instead of doing it now.",
        )

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = send_event_reminders.enqueue()
            self.stdout.write(f"Enqueued reminder task {result.id}.")
            return
        sent = send_event_reminders.call()
        self.stdout.write(f"Sent {sent} reminder(s).")
