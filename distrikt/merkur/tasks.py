"""Background tasks: the accessibility analysis after shops change, and shop imports."""

from django_tasks import task

from .accessibility import recompute_accessibility
from .importers import run_import_job


@task()
def update_accessibility() -> int:
    """Recompute the stored accessibility tables; returns the number of shops analysed."""
    return recompute_accessibility().shop_count


@task()
def import_shop_file(job_id: int) -> int:
    """Run one shop import (ImportJob); returns the number of shops imported."""
    return run_import_job(job_id)
