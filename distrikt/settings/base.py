"""Settings shared by every environment. Safe for production: no debug, no secrets.

Every value that differs between machines is read from the environment here, in one
place, with django-environ. `.env.example` documents each variable.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our domain apps. `search` and `api` sit on top of the others.
    "distrikt.core",
    "distrikt.municipalities",
    "distrikt.organisation",
    "distrikt.knowledge",
    "distrikt.events",
    "distrikt.merkur",
    "distrikt.search",
    "distrikt.api",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: a cache hit is answered with the stored response and all its headers (those the
    # middleware below added when it was rendered) before anything else runs.
    "distrikt.core.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "distrikt.urls"
WSGI_APPLICATION = "distrikt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "distrikt.core.context_processors.site_chrome",
            ],
        },
    },
]

# Database: SQLite under var/ by default (WAL mode, see distrikt.core.apps), PostgreSQL by DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # Writers wait for each other instead of failing at once; WAL lets readers go on.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command",
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis by REDIS_URL, else a database table shared by every process.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "distrikt",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "distrikt_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# The page cache (distrikt.core.cache): lifetime, the in-process layer's bounds, and how
# processes learn of a purge: "file" (a memory-mapped file, one machine), "cache" (a key in
# the shared cache: Redis, or the database) or "auto" (file on SQLite without Redis, else cache).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_LOCAL_ENTRIES = env.int("PAGE_CACHE_LOCAL_ENTRIES", default=2_000)
PAGE_CACHE_LOCAL_BYTES = env.int("PAGE_CACHE_LOCAL_BYTES", default=64 * 1024 * 1024)
PAGE_CACHE_SIGNAL = env("PAGE_CACHE_SIGNAL", default="auto")
_sqlite_name = (
    str(DATABASES["default"]["NAME"])
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    else str(VAR_DIR / "db")
)
# Next to the SQLite file, so every process using that database shares it.
PAGE_CACHE_SIGNAL_FILE = env("PAGE_CACHE_SIGNAL_FILE", default=f"{_sqlite_name}.page-cache-signal")
# Derived data (distrikt.core.derived) lives until its dataset changes, at most this long.
DERIVED_CACHE_SECONDS = env.int("DERIVED_CACHE_SECONDS", default=24 * 3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: Nynorsk first, then Bokmål and English. Unprefixed URLs are Nynorsk.
LANGUAGE_CODE = "nn"
LANGUAGES = [
    ("nn", "Nynorsk"),
    ("nb", "Bokmål"),
    ("en", "English"),
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# Wagtail admin languages (Wagtail ships nb; our editors may choose English too).
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

DATA_DIR = BASE_DIR / "data"
# Demo content (marked as demo in the data) may be loaded only where this is true.
ALLOW_DEMO_DATA = env.bool("ALLOW_DEMO_DATA", default=False)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail through Django's mail framework; SMTP when EMAIL_HOST is set.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST", default="")
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Distriktssenteret <post@distriktssenteret.no>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: run in-process by default, from the database with TASKS_BACKEND=database.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env("TASKS_BACKEND", default="immediate") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Distriktssenteret"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

LOGIN_URL = "wagtailadmin_login"

# Knowledge bank and search: "terms" is our own Nynorsk/Bokmål term index (same results on
# SQLite and PostgreSQL); "wagtail" hands queries to WAGTAILSEARCH_BACKENDS (e.g. OpenSearch).
SEARCH_ENGINE = env("SEARCH_ENGINE", default="terms")
KNOWLEDGE_MAX_PDF_BYTES = env.int("KNOWLEDGE_MAX_PDF_BYTES", default=25 * 1024 * 1024)
KNOWLEDGE_LOAD_DEMO_CONTENT = ALLOW_DEMO_DATA

# Events: reminder lead time, retention of personal data, registration rate limit (0 = off).
EVENT_REMINDER_HOURS = env.int("EVENT_REMINDER_HOURS", default=24)
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=183)
EVENT_REGISTRATION_RATE_LIMIT = env.int("EVENT_REGISTRATION_RATE_LIMIT", default=10)
EVENT_REGISTRATION_RATE_WINDOW = env.int("EVENT_REGISTRATION_RATE_WINDOW", default=600)

# Main menu order by slug of the top-level page or the app's navigation entry.
MAIN_NAVIGATION_ORDER = ["kunnskap", "kommunar", "merkur", "arrangement", "om-oss"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
