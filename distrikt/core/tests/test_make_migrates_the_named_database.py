"""`make run`, `make serve` and `make worker` migrate whichever database DATABASE_URL names.

The stamp that spares the migrate step on later runs is kept per database: after a first
run on SQLite, a run with a PostgreSQL DATABASE_URL used to skip migrate and stop with
`relation "core_homepage" does not exist`.
"""

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def planned_commands(target: str, database_url: str | None) -> str:
    """What make would run for the target (`make -n` runs nothing)."""
    environment = {**os.environ}
    environment.pop("DATABASE_URL", None)
    if database_url is not None:
        environment["DATABASE_URL"] = database_url
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", target],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def stamp(plan: str) -> str:
    match = re.search(r"touch (var/\.db-ready\S*)", plan)
    assert match, plan
    return match.group(1)


@pytest.mark.parametrize("target", ["run", "serve", "worker"])
def test_a_database_never_used_before_is_migrated(target):
    plan = planned_commands(target, f"postgres://postgres@127.0.0.1:5432/never_used_{uuid.uuid4().hex}")
    assert "manage.py migrate --noinput" in plan
    assert "manage.py createcachetable" in plan


def test_each_database_has_its_own_migration_stamp():
    first = stamp(planned_commands("run", "postgres://postgres@127.0.0.1:5432/distrikt_a"))
    second = stamp(planned_commands("run", "postgres://postgres@127.0.0.1:5432/distrikt_b"))
    assert first != second
