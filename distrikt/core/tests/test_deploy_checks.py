"""Deploy checks: mail must leave the machine and e-mail links must use the public address."""

from django.test import override_settings

import pytest

from distrikt.core.checks import check_email_delivery, check_site_base_url


def error_ids(errors) -> list[str]:
    return [error.id for error in errors]


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
    ],
)
def test_console_and_file_mail_backends_fail_the_deploy_check(backend):
    with override_settings(EMAIL_BACKEND=backend):
        assert error_ids(check_email_delivery()) == ["distrikt.E001"]


def test_smtp_mail_backend_passes_the_deploy_check():
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend"):
        assert check_email_delivery() == []


@pytest.mark.parametrize("base_url", ["", "distriktssenteret.no", "ftp://distriktssenteret.no"])
def test_missing_or_relative_site_base_url_fails_the_deploy_check(base_url):
    with override_settings(SITE_BASE_URL=base_url):
        assert error_ids(check_site_base_url()) == ["distrikt.E002"]


@pytest.mark.parametrize("base_url", ["http://localhost", "http://127.0.0.1:8000", "https://localhost/"])
def test_local_site_base_url_fails_the_deploy_check(base_url):
    with override_settings(SITE_BASE_URL=base_url):
        assert error_ids(check_site_base_url()) == ["distrikt.E003"]


def test_public_site_base_url_passes_the_deploy_check():
    with override_settings(SITE_BASE_URL="https://distriktssenteret.no"):
        assert check_site_base_url() == []
