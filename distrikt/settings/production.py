"""Production: refuses to start without a real secret key; HTTPS and secure cookies.

`manage.py check --deploy` is clean with these settings.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False

_INSECURE_MARKERS = ("insecure", "dev-only", "test-only", "changeme", "django-insecure")
if len(SECRET_KEY) < 50 or any(marker in SECRET_KEY for marker in _INSECURE_MARKERS):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Health checks come from the load balancer over plain HTTP (HealthCheckMiddleware answers
# them before this redirect anyway; the exemption keeps them working if it is moved).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^ping$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "SAMEORIGIN"
# Wagtail's live preview shows our own pages in a frame of the admin, so SAMEORIGIN, not DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING["root"]["level"] = env("LOG_LEVEL", default="INFO")
