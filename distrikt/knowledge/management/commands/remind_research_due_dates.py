"""Remind responsible staff before commissioned research is due (run by a scheduler, e.g. daily)."""

from distrikt.core.management.task_command import TaskCommand
from distrikt.knowledge.tasks import remind_research_due_dates


class Command(TaskCommand):
    help = "Remind the responsible staff member of commissioned research due within RESEARCH_REMINDER_DAYS."
    task = remind_research_due_dates
    enqueued_message = "Enqueued research reminder task {id}."
    done_message = "Queued {result} research reminder(s)."
