"""Send the stored e-mails that are due: new ones a task missed and retries after back-off."""

from distrikt.core.management.task_command import TaskCommand
from distrikt.core.outbox import send_queued_mail


class Command(TaskCommand):
    help = "Send every e-mail in the outbox whose next attempt is due."
    task = send_queued_mail
    enqueued_message = "Enqueued outbox task {id}."
    done_message = "Sent {result} e-mail(s)."
