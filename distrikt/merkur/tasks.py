"""Background tasks: the accessibility analysis after shops change, and shop imports."""

from django.utils import timezone

from django_tasks import task

from . import deadlines, workflow
from .accessibility import recompute_accessibility
from .enhetsregisteret import fetch_enterprise
from .importers import run_import_job


@task()
def update_accessibility() -> int:
    """Recompute the stored accessibility tables; returns the number of shops analysed."""
    return recompute_accessibility().shop_count


@task()
def import_shop_file(job_id: int) -> int:
    """Run one shop import (ImportJob); returns the number of shops imported."""
    return run_import_job(job_id)


@task()
def lapse_grants() -> int:
    """Warn merchants whose grant lapses soon, then lapse the overdue ones; returns how many lapsed."""
    today = timezone.localdate()
    deadlines.send_lapse_notices(today)
    return deadlines.lapse_overdue_grants(today)


@task()
def prefill_enterprise(application_id: int) -> bool:
    """Fill in the enterprise's registered name from Enhetsregisteret, if the register answers."""
    return workflow.prefill_enterprise(application_id, fetch_enterprise)
