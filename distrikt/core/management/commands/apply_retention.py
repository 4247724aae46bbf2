"""Run the daily retention job: every app's rule for deleting or anonymising old data."""

from django.core.management.base import CommandError

from distrikt.core import retention
from distrikt.core.management.task_command import TaskCommand
from distrikt.core.tasks import apply_retention


class Command(TaskCommand):
    help = "Delete or anonymise data past its retention period (every registered rule)."
    task = apply_retention
    enqueued_message = "Enqueued retention task {id}."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--only",
            action="append",
            metavar="RULE",
            help="Apply only this rule (may be repeated).",
        )
        parser.add_argument("--list", action="store_true", help="List the rules and stop.")

    def handle(self, *args, enqueue: bool = False, only=None, list: bool = False, **options) -> None:
        if list:
            for rule in retention.registered_rules():
                self.stdout.write(f"{rule.name}: {rule.description}")
            return
        if enqueue:
            if only:
                raise CommandError("--enqueue runs every rule; leave out --only.")
            super().handle(enqueue=True)
            return
        try:
            counts = retention.apply_retention(only=only)
        except (ValueError, retention.RetentionError) as error:
            raise CommandError(str(error)) from error
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
