"""The environment of the in-process profilers (`profile_*.py`): production settings on a
temporary SQLite file (or PROFILE_DATABASE_URL), local-memory mail, errors-only logging.

Call `production_environment()` before `django.setup()`; it returns the temporary folder and
the SQLite file the settings point at.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_environment(**extra: str) -> tuple[str, str]:
    """Set the environment for production settings; `extra` adds or overrides variables."""
    for path in (ROOT, ROOT / "bench"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    folder = tempfile.mkdtemp(prefix="distrikt-profile-")
    database_file = f"{folder}/profile.sqlite3"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "distrikt.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": os.environ.get("PROFILE_DATABASE_URL") or f"sqlite:///{database_file}",
            "MEDIA_ROOT": f"{folder}/media",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "ERROR",
            "ALLOW_DEMO_DATA": "true",
            **extra,
        }
    )
    return folder, database_file


def prepare_database(database_file: str, fill: Callable[[], None]) -> None:
    """Migrate the profile's database and `fill()` it, or start from a kept copy.

    PROFILE_PREPARED=file (SQLite only) keeps the filled database there, and a later run starts
    from a copy of it (delete it after a migration or a change of what `fill` makes).
    """
    from django.core.management import call_command
    from django.db import connection

    prepared = os.environ.get("PROFILE_PREPARED", "")
    reuse = bool(prepared) and not os.environ.get("PROFILE_DATABASE_URL")
    if reuse and Path(prepared).is_file():
        shutil.copyfile(prepared, database_file)
        call_command("collectstatic", "--noinput", verbosity=0)
        return
    call_command("migrate", "--noinput", verbosity=0)
    call_command("createcachetable")
    call_command("collectstatic", "--noinput", verbosity=0)
    fill()
    if reuse:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        shutil.copyfile(database_file, prepared)
