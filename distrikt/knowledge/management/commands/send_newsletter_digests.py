"""Send the newsletter digests that are due (weekly and monthly); cron runs it, or --enqueue."""

from distrikt.core.management.task_command import TaskCommand
from distrikt.knowledge.tasks import send_newsletter_digests


class Command(TaskCommand):
    help = "Queue the newsletter digest of every subscription that is due."
    task = send_newsletter_digests
    enqueued_message = "Enqueued newsletter digest task {id}."
    done_message = "Queued {result} newsletter digest(s)."
