"""Send the stored e-mails that are due: new ones a task missed and retries after back-off."""

from django.core.management.base import BaseCommand

from distrikt.core.outbox import send_queued_mail


class Command(BaseCommand):
    help = "Send every e-mail in the outbox whose next attempt is due."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the work on the task queue instead of doing it now.",
        )

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            result = send_queued_mail.enqueue()
            self.stdout.write(f"Enqueued outbox task {result.id}.")
            return
        count = send_queued_mail.call()
        self.stdout.write(f"Sent {count} e-mail(s).")
