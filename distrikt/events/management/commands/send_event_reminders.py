"""Send reminder e-mails for events that start soon (run by a scheduler, e.g. every hour)."""

from distrikt.core.management.task_command import TaskCommand
from distrikt.events.tasks import send_event_reminders


class Command(TaskCommand):
    help = "Send reminders to participants of events starting within EVENT_REMINDER_HOURS."
    task = send_event_reminders
    enqueued_message = "Enqueued reminder task {id}."
    done_message = "Sent {result} reminder(s)."
