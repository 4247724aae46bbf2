"""Deploy checks (`manage.py check --deploy`): real e-mail and a public base URL for links."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_MAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104


@register(Tags.security, deploy=True)
def check_email_delivery(app_configs=None, **kwargs) -> list[Error]:
    """Mail to participants must leave the machine in production."""
    if settings.EMAIL_BACKEND in LOCAL_MAIL_BACKENDS:
        return [
            Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: no e-mail would reach anyone.",
                hint="Set EMAIL_HOST (SMTP) or EMAIL_BACKEND to a backend that delivers mail.",
                id="distrikt.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_site_base_url(app_configs=None, **kwargs) -> list[Error]:
    """Every link in an e-mail starts with SITE_BASE_URL, so it must be the public address."""
    base_url = getattr(settings, "SITE_BASE_URL", "")
    parts = urlsplit(base_url)
    if not base_url or parts.scheme not in {"http", "https"} or not parts.hostname:
        return [
            Error(
                "SITE_BASE_URL is not set to an absolute URL; links in e-mails would not work.",
                hint="Set SITE_BASE_URL, e.g. https://distriktssenteret.no.",
                id="distrikt.E002",
            )
        ]
    if parts.hostname in LOCAL_HOSTS:
        return [
            Error(
                f"SITE_BASE_URL points at {parts.hostname}; links in e-mails would lead nowhere.",
                hint="Set SITE_BASE_URL to the public address, e.g. https://distriktssenteret.no.",
                id="distrikt.E003",
            )
        ]
    return []
