"""Remind editors of practical examples due a follow-up (run by a scheduler, e.g. daily)."""

from distrikt.core.management.task_command import TaskCommand
from distrikt.knowledge.tasks import remind_example_follow_ups


class Command(TaskCommand):
    help = "Remind editors of practical examples that are due a follow-up after 1, 3 or 5 years."
    task = remind_example_follow_ups
    enqueued_message = "Enqueued follow-up reminder task {id}."
    done_message = "Queued {result} follow-up reminder(s)."
