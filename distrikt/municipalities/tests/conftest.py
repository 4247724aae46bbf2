"""Fixtures of the municipalities tests: the bundled register and figures, and the JSON-stat2 samples."""

from pathlib import Path

from django.core.management import call_command
from django.db import transaction

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def _bundled_register(django_db_setup, django_db_blocker):
    """Load the bundled data once per module inside a transaction that is rolled back at the end.

    Each test still runs in its own savepoint (the `db` fixture), so a test's changes vanish
    after it, and the loaded data vanishes after the module.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_municipalities", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def register(_bundled_register, db):
    """Everything load_municipalities loads (register, history, regions, figures)."""


@pytest.fixture
def sample():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read
