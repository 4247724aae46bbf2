"""Scheduled work through Django's task framework: reminders and the retention rule."""

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
