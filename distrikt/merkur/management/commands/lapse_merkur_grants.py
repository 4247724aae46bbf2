"""Warn about and lapse grants not reported by their deadline (run daily by a scheduler)."""

from distrikt.core.management.task_command import TaskCommand
from distrikt.merkur.tasks import lapse_grants


class Command(TaskCommand):
    help = "Send notices for Merkur grants that lapse soon and lapse the overdue ones."
    task = lapse_grants
    enqueued_message = "Enqueued lapse task {id}."
    done_message = "{result} grant(s) lapsed."
