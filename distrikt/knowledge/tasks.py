"""Scheduled work of the knowledge app: the newsletter digests."""

from django_tasks import task

from . import newsletter


@task()
def send_newsletter_digests() -> int:
    """Queue the digest of every subscription that is due; how many were queued."""
    return newsletter.send_due_digests()
