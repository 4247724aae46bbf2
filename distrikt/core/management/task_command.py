"""A management command that runs one scheduled task now, or puts it on the task queue.

Cron calls the command; with `--enqueue` (and `TASKS_BACKEND=database`) a worker does the
work instead. Subclasses name the task and how to report its result.
"""

from typing import Any

from django.core.management.base import BaseCommand


class TaskCommand(BaseCommand):
    """Run `task` (a django-tasks task without arguments) now, or enqueue it with --enqueue."""

    task: Any = None
    # What the command printed: "{id}" is the queued task's id, "{result}" the task's return value.
    enqueued_message = "Enqueued task {id}."
    done_message = "Done: {result}."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the work on the task queue instead of doing it now.",
        )

    def handle(self, *args, enqueue: bool = False, **options) -> None:
        if enqueue:
            queued = self.task.enqueue()
            self.stdout.write(self.enqueued_message.format(id=queued.id))
            return
        self.stdout.write(self.done_message.format(result=self.task.call()))
