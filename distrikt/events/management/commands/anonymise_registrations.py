"""The old name of the daily retention job; runs `apply_retention` (every app's rule)."""

from django.core.management import call_command

from distrikt.core.management.task_command import TaskCommand


class Command(TaskCommand):
    help = "Alias of apply_retention: anonymise old registrations and apply every other retention rule."

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        call_command(
            "apply_retention",
            enqueue=enqueue,
            verbosity=options.get("verbosity", 1),
            stdout=self.stdout,
            stderr=self.stderr,
        )
