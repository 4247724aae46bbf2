"""Scheduled work through Django's task framework: reminders, opt-in holds and retention."""

from django_tasks import task

from . import services


@task()
def send_event_reminders() -> int:
    """Send reminders for events that start within EVENT_REMINDER_HOURS."""
    return services.send_due_reminders()


@task()
def anonymise_registrations() -> int:
    """Anonymise registrations of events that ended before the retention period."""
    return services.anonymise_expired_registrations()


@task()
def release_unconfirmed_registrations() -> int:
    """Release seats held for double opt-in that were not confirmed in time."""
    return services.release_unconfirmed_registrations()
