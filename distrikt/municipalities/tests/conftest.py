"""Fixtures of the municipalities tests: the bundled register and figures."""

from pathlib import Path

from django.core.management import call_command

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def register(db):
    """Everything load_municipalities loads (register, history, regions, figures)."""
    call_command("load_municipalities", verbosity=0)


@pytest.fixture
def sample():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read
