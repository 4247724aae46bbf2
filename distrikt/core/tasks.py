"""Scheduled work that belongs to no single app: the daily retention job."""

from django_tasks import task

from . import retention


@task()
def apply_retention() -> dict[str, int]:
    """Apply every app's retention rule; counts by rule name."""
    return retention.apply_retention()
