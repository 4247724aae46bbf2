"""Tests: fast hashing, local-memory cache and e-mail, immediate tasks, plain static files.

The database is SQLite unless DATABASE_URL points elsewhere (CI also runs on PostgreSQL).
"""

import os

from .base import *

SECRET_KEY = "test-only-secret-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Never the bucket a developer's .env names; the object-storage tests configure their own.
STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# pytest-xdist runs the suite in parallel processes (`make test`); each gets its own
# media folder, page-cache signal file and SQLite file (pytest-django adds the suffix).
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = VAR_DIR / f"test-media{XDIST_WORKER}"
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# A request in a test thread (the concurrency tests) closes its connection when it ends, as
# before persistent connections: a thread that is gone cannot close it later, and PostgreSQL
# refuses to drop a test database that still has connections.
DATABASES["default"]["CONN_MAX_AGE"] = 0

# SQLite tests use a file, not shared memory, so threads in concurrency tests see real
# locking and WAL behaviour as in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}

ALLOW_DEMO_DATA = True
KNOWLEDGE_LOAD_DEMO_CONTENT = True
PAGE_CACHE_SIGNAL_FILE = str(VAR_DIR / f"test-page-cache-signal{XDIST_WORKER}")
# Tests never reach Enhetsregisteret; its client is tested on recorded answers.
MERKUR_ENHETSREGISTERET_URL = ""
# Never the ID-porten client a developer's .env names: the login tests start their own provider.
IDPORTEN_CLIENT_ID = IDPORTEN_CLIENT_SECRET = IDPORTEN_ISSUER = ""
IDPORTEN_AUTHORIZATION_ENDPOINT = IDPORTEN_TOKEN_ENDPOINT = ""
IDPORTEN_JWKS_ENDPOINT = IDPORTEN_END_SESSION_ENDPOINT = ""
# Each search is written to the search log at once (the batched path has its own test).
SEARCH_LOG_FLUSH_SECONDS = 0
