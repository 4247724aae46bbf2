"""The environment of the in-process profilers (`profile_*.py`): production settings on a
temporary SQLite file (or PROFILE_DATABASE_URL), local-memory mail, errors-only logging.

Call `production_environment()` before `django.setup()`; it returns the temporary folder and
the SQLite file the settings point at.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
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
