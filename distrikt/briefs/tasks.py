"""Background work: generating a brief."""

from django_tasks import task

from .generation import generate_brief


@task()
def generate_brief_task(brief_id: int) -> int:
    """Generate one brief; returns its id."""
    return generate_brief(brief_id).pk
