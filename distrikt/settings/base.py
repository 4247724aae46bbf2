"""Settings shared by every environment. Safe for production: no debug, no secrets.

Every value that differs between machines is read from the environment here, in one
place, with django-environ. `.env.example` documents each variable.
"""

from datetime import timedelta
from pathlib import Path

import environ
from botocore.config import Config as BotocoreConfig
from csp.constants import NONE, SELF, UNSAFE_INLINE

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
    # Our domain apps. `search`, `api` and `briefs` sit on top of the others.
    "distrikt.core",
    "distrikt.municipalities",
    "distrikt.organisation",
    "distrikt.knowledge",
    "distrikt.events",
    "distrikt.merkur",
    "distrikt.programmes",
    "distrikt.democracy",
    "distrikt.search",
    "distrikt.api",
    "distrikt.briefs",
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
    "axes",
    "csp",
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
    # First: load balancers poll /healthz and /readyz over HTTP by the server's own address.
    "distrikt.core.health.HealthCheckMiddleware",
    # Then a cache hit is answered with the stored response and all its headers (those the
    # middleware below added when it was rendered) before anything else runs.
    "distrikt.core.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "distrikt.core.clientip.ClientAddressMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "distrikt.core.admin_access.DjangoAdminGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "distrikt.core.csp.SitePolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into our lockout page.
    "axes.middleware.AxesMiddleware",
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
# Keep a connection between requests (opening one costs a SQLite file open and its PRAGMAs,
# or a PostgreSQL handshake); a health check before reuse replaces one that went away.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
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
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded images and documents go to S3-compatible object storage when a bucket is named,
# so every app server sees the same files. Credentials may also come from boto3's own chain
# (instance role, ~/.aws) when the two keys are left empty.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "location": env("AWS_LOCATION", default=""),
            # Public media URLs stay the same between renders, so cached pages never hold an
            # expired signature. Documents do not rely on this: see WAGTAILDOCS_SERVE_METHOD.
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            # Two uploads with the same file name must not replace each other.
            "file_overwrite": False,
            "client_config": BotocoreConfig(
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
                signature_version="s3v4",
            ),
        },
    }
# WhiteNoise serves names with a content hash (CompressedManifestStaticFilesStorage) as
# immutable for ten years; names without a hash only this long, as they change on deploy.
WHITENOISE_MAX_AGE = 600

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
# Seconds an SMTP connection may block; mail is sent by a task after commit (distrikt.core.outbox).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# The outbox retries a failed send after OUTBOX_RETRY_SECONDS, doubling each time, and
# gives up after OUTBOX_MAX_ATTEMPTS; stored e-mails and mail files are deleted after
# MAIL_RETENTION_DAYS by the retention job (manage.py apply_retention, rule core.mail).
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
OUTBOX_RETRY_SECONDS = env.int("OUTBOX_RETRY_SECONDS", default=60)
MAIL_RETENTION_DAYS = env.int("MAIL_RETENTION_DAYS", default=183)
# The public address of the site, used for every link in every e-mail (never the Wagtail
# Site default). The deploy check refuses an empty value and localhost.
SITE_BASE_URL = env("SITE_BASE_URL", default="").rstrip("/")

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
# Every document download passes through Wagtail's view, which checks collection privacy
# and then streams the file from storage. With object storage this keeps the documents'
# keys unpublished (the bucket stays private) and document links stable; "redirect" would
# hand out the storage URL, readable by anyone who gets it once.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

LOGIN_URL = "wagtailadmin_login"

# Login throttling (django-axes) on every login form: the Wagtail admin, Merkur and any later
# one, because the check sits in the authentication backend. After LOGIN_FAILURE_LIMIT failed
# attempts for one username (from anywhere) or from one client address (any username), that
# username or address is refused for LOGIN_LOCKOUT_MINUTES, the right password included.
# ID-porten's backend comes last and answers only its own callback (and only when configured).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "distrikt.merkur.idporten.IdPortenBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "distrikt.core.clientip.client_ip_for_axes"
AXES_LOCKOUT_CALLABLE = "distrikt.core.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False

# Content-Security-Policy (django-csp 4) on every response; see distrikt.core.csp. Public pages
# load scripts, styles, fonts and images from our own origin only (no inline code); frames
# only from the video hosts editors may embed. The Wagtail admin gets CSP_ADMIN_REPLACE on top.
CSP_EMBED_FRAME_HOSTS = env.list(
    "CSP_EMBED_FRAME_HOSTS",
    default=["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_EMBED_FRAME_HOSTS],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
    },
}
CSP_ADMIN_PATH_PREFIX = "/admin/"
CSP_ADMIN_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}
# The admin shows no Gravatar pictures: no request to a third party from the editors' browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Django's own admin at /django-admin/: only superusers from these addresses or networks
# (comma-separated, e.g. 192.0.2.10,10.20.0.0/16). Empty = the route answers 404 to everyone.
DJANGO_ADMIN_ALLOWED_IPS = env.list("DJANGO_ADMIN_ALLOWED_IPS", default=[])

# Site search is our own Nynorsk/Bokmål term index (distrikt/search); WAGTAILSEARCH_BACKENDS
# above only serves the editors' search in the admin.
# Anonymous search queries (and their daily counts) are deleted this long after the search.
SEARCH_QUERY_RETENTION_DAYS = env.int("SEARCH_QUERY_RETENTION_DAYS", default=90)
WAGTAILSEARCH_HITS_MAX_AGE = SEARCH_QUERY_RETENTION_DAYS
# Searches are counted in the process and written together at most this often (0: each at once).
SEARCH_LOG_FLUSH_SECONDS = env.float("SEARCH_LOG_FLUSH_SECONDS", default=5.0)
KNOWLEDGE_MAX_PDF_BYTES = env.int("KNOWLEDGE_MAX_PDF_BYTES", default=25 * 1024 * 1024)
KNOWLEDGE_LOAD_DEMO_CONTENT = ALLOW_DEMO_DATA

# Events: reminder lead time, retention of personal data, registration rate limit (0 = off).
EVENT_REMINDER_HOURS = env.int("EVENT_REMINDER_HOURS", default=24)
# Knowledge bank: how many days before its due date commissioned research is reminded of.
RESEARCH_REMINDER_DAYS = env.int("RESEARCH_REMINDER_DAYS", default=14)
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=183)
EVENT_REGISTRATION_RATE_LIMIT = env.int("EVENT_REGISTRATION_RATE_LIMIT", default=10)
EVENT_REGISTRATION_RATE_WINDOW = env.int("EVENT_REGISTRATION_RATE_WINDOW", default=600)
# The local democracy survey: how long a link and the session it opens last, how many links
# one client address may ask for per window, and when used links and senders are forgotten.
DEMOCRACY_LINK_MAX_AGE = env.int("DEMOCRACY_LINK_MAX_AGE", default=48 * 3600)
DEMOCRACY_SESSION_SECONDS = env.int("DEMOCRACY_SESSION_SECONDS", default=4 * 3600)
DEMOCRACY_LINK_RATE_LIMIT = env.int("DEMOCRACY_LINK_RATE_LIMIT", default=5)
DEMOCRACY_LINK_RATE_WINDOW = env.int("DEMOCRACY_LINK_RATE_WINDOW", default=3600)
DEMOCRACY_RETENTION_DAYS = env.int("DEMOCRACY_RETENTION_DAYS", default=90)
# Double opt-in: a seat is held this long for the person to confirm by the e-mailed link.
EVENT_OPT_IN_HOLD_HOURS = env.int("EVENT_OPT_IN_HOLD_HOURS", default=24)
# Personal registration links stop working this many days after the event ends.
EVENT_LINK_VALID_DAYS_AFTER = env.int("EVENT_LINK_VALID_DAYS_AFTER", default=30)

# Contact form: messages are deleted after this many days; at most CONTACT_RATE_LIMIT sends
# per client address in CONTACT_RATE_WINDOW seconds (0 = no limit).
CONTACT_MESSAGE_RETENTION_DAYS = env.int("CONTACT_MESSAGE_RETENTION_DAYS", default=365)
CONTACT_RATE_LIMIT = env.int("CONTACT_RATE_LIMIT", default=5)
CONTACT_RATE_WINDOW = env.int("CONTACT_RATE_WINDOW", default=3600)

# Newsletter: sign-ups not confirmed within NEWSLETTER_UNCONFIRMED_DAYS are deleted, and
# unsubscribed addresses NEWSLETTER_UNSUBSCRIBED_DAYS after they left; sign-up rate limit.
NEWSLETTER_UNCONFIRMED_DAYS = env.int("NEWSLETTER_UNCONFIRMED_DAYS", default=7)
NEWSLETTER_UNSUBSCRIBED_DAYS = env.int("NEWSLETTER_UNSUBSCRIBED_DAYS", default=30)
NEWSLETTER_RATE_LIMIT = env.int("NEWSLETTER_RATE_LIMIT", default=5)
NEWSLETTER_RATE_WINDOW = env.int("NEWSLETTER_RATE_WINDOW", default=3600)

# Merkur shop import: the largest upload, and how much of a file is read at most.
MERKUR_IMPORT_MAX_BYTES = env.int("MERKUR_IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
MERKUR_IMPORT_MAX_ROWS = env.int("MERKUR_IMPORT_MAX_ROWS", default=20_000)
MERKUR_IMPORT_MAX_COLUMNS = env.int("MERKUR_IMPORT_MAX_COLUMNS", default=50)
# Merkur grants: yearly deadlines as month-day (applications by 19 December, payment
# requests by 14 December), notice before a grant lapses, and attachment size.
MERKUR_APPLICATION_DEADLINE = env.str("MERKUR_APPLICATION_DEADLINE", default="12-19")
MERKUR_PAYMENT_REQUEST_DEADLINE = env.str("MERKUR_PAYMENT_REQUEST_DEADLINE", default="12-14")
MERKUR_LAPSE_NOTICE_DAYS = env.int("MERKUR_LAPSE_NOTICE_DAYS", default=30)
MERKUR_STATEMENT_LINK_DAYS = env.int("MERKUR_STATEMENT_LINK_DAYS", default=30)
MERKUR_ATTACHMENT_MAX_BYTES = env.int("MERKUR_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Password reset by e-mail for the Merkur login: at most MERKUR_PASSWORD_RESET_RATE_LIMIT
# e-mails to one address, and MERKUR_PASSWORD_RESET_CLIENT_RATE_LIMIT requests from one
# client address, per MERKUR_PASSWORD_RESET_RATE_WINDOW seconds (0 = no limit).
MERKUR_PASSWORD_RESET_RATE_LIMIT = env.int("MERKUR_PASSWORD_RESET_RATE_LIMIT", default=3)
MERKUR_PASSWORD_RESET_CLIENT_RATE_LIMIT = env.int("MERKUR_PASSWORD_RESET_CLIENT_RATE_LIMIT", default=10)
MERKUR_PASSWORD_RESET_RATE_WINDOW = env.int("MERKUR_PASSWORD_RESET_RATE_WINDOW", default=3600)
# Enhetsregisteret (Brønnøysundregistrene) for pre-filling the enterprise; empty turns it off.
MERKUR_ENHETSREGISTERET_URL = env.str(
    "MERKUR_ENHETSREGISTERET_URL", default="https://data.brreg.no/enhetsregisteret/api/enheter/"
)
MERKUR_ENHETSREGISTERET_TIMEOUT = env.float("MERKUR_ENHETSREGISTERET_TIMEOUT", default=4.0)
# The archive creator (Noark 5: arkivskaperID) named in every case's archive package;
# the archive usually wants the centre's organisation number here.
MERKUR_ARCHIVE_CREATOR_ID = env.str("MERKUR_ARCHIVE_CREATOR_ID", default="Distriktssenteret")
# Where the page for someone without a Merkur account sends them (the Merkur advisors).
MERKUR_CONTACT_EMAIL = env.str("MERKUR_CONTACT_EMAIL", default="post@distriktssenteret.no")

# Merkur: login with ID-porten (OpenID Connect, through mozilla-django-oidc, see
# distrikt/merkur/idporten.py) next to username and password. Off (no button, its URLs 404)
# until the client from Digdir's self-service portal is set: all three of IDPORTEN_CLIENT_ID,
# IDPORTEN_CLIENT_SECRET and IDPORTEN_ISSUER. The endpoints come from the issuer's discovery
# document (cached) unless set one by one.
IDPORTEN_CLIENT_ID = env.str("IDPORTEN_CLIENT_ID", default="")
IDPORTEN_CLIENT_SECRET = env.str("IDPORTEN_CLIENT_SECRET", default="")
IDPORTEN_ISSUER = env.str("IDPORTEN_ISSUER", default="")
IDPORTEN_AUTHORIZATION_ENDPOINT = env.str("IDPORTEN_AUTHORIZATION_ENDPOINT", default="")
IDPORTEN_TOKEN_ENDPOINT = env.str("IDPORTEN_TOKEN_ENDPOINT", default="")
IDPORTEN_JWKS_ENDPOINT = env.str("IDPORTEN_JWKS_ENDPOINT", default="")
IDPORTEN_END_SESSION_ENDPOINT = env.str("IDPORTEN_END_SESSION_ENDPOINT", default="")
IDPORTEN_SCOPES = env.str("IDPORTEN_SCOPES", default="openid profile")
# The level of assurance asked for; a login at a lower level is refused.
IDPORTEN_ACR_VALUES = env.str("IDPORTEN_ACR_VALUES", default="idporten-loa-substantial")
# How the client proves itself at the token endpoint: client_secret_basic or client_secret_post.
IDPORTEN_TOKEN_AUTH_METHOD = env.str("IDPORTEN_TOKEN_AUTH_METHOD", default="client_secret_basic")
IDPORTEN_TIMEOUT = env.float("IDPORTEN_TIMEOUT", default=10.0)
# Key of the hash kept instead of the national identity number (empty: SECRET_KEY).
IDPORTEN_PID_HASH_KEY = env.str("IDPORTEN_PID_HASH_KEY", default="")

# Main menu order by slug of the top-level page or the app's navigation entry.
MAIN_NAVIGATION_ORDER = ["kunnskap", "kommunar", "merkur", "arrangement", "om-oss"]

# The real client address (distrikt.core.clientip): the number of reverse proxies in front
# of the application that append to X-Forwarded-For. 0 = no proxy, use REMOTE_ADDR.
# Set it to exactly the number of proxies you run; more lets clients forge their address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Every log line carries the real client address; personal registration links
# (/pamelding/<id>/<token>/) never reach a log: the filter replaces the token in every record
# the console handler writes (django.request, django.server). gunicorn's own access log gets
# the same filter through gunicorn.conf.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_ip": {"()": "distrikt.core.clientip.ClientAddressLogFilter"},
        "personal_links": {"()": "distrikt.core.logfilters.PersonalLinkFilter"},
    },
    "formatters": {
        "with_client": {"format": "%(asctime)s %(levelname)s %(name)s [%(client_ip)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["client_ip", "personal_links"],
            "formatter": "with_client",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
