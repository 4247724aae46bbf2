"""Background tasks: the accessibility analysis after shops change."""

from django_tasks import task

from .accessibility import recompute_accessibility


@task()
def update_accessibility() -> int:
    """Recompute the stored accessibility tables; returns the number of shops analysed."""
    return recompute_accessibility().shop_count
