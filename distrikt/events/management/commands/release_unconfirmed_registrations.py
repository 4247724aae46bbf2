"""Release seats held for double opt-in that were not confirmed within EVENT_OPT_IN_HOLD_HOURS."""

from distrikt.core.management.task_command import TaskCommand
from distrikt.events.tasks import release_unconfirmed_registrations


class Command(TaskCommand):
    help = "Cancel unconfirmed opt-in registrations whose hold has run out; the waiting list moves up."
    task = release_unconfirmed_registrations
    enqueued_message = "Enqueued release task {id}."
    done_message = "Released {result} unconfirmed registration(s)."
