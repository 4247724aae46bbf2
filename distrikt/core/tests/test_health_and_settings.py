"""The liveness probe and the production settings' safety rules (readiness: test_readiness.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
STRONG_KEY = "k" * 20 + "9f3a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a"


def test_ping_answers_without_touching_the_database(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/ping")
    assert response.content == b"ok"


def run_manage(*args: str, secret_key: str, **extra_env: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "distrikt.settings.production",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "www.example.no",
        "EMAIL_HOST": "smtp.example.no",
        "SITE_BASE_URL": "https://www.example.no",
        **extra_env,
    }
    for name in ("DATABASE_URL", "EMAIL_BACKEND"):
        env.pop(name, None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("secret_key", ["", "dev-only-insecure-key-not-for-production", "short"])
def test_production_settings_refuse_to_start_without_a_real_secret_key(secret_key):
    result = run_manage("check", secret_key=secret_key)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_deploy_check_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", secret_key=STRONG_KEY)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_deploy_check_fails_without_real_mail_and_a_public_base_url():
    result = run_manage(
        "check", "--deploy", secret_key=STRONG_KEY, EMAIL_HOST="", SITE_BASE_URL="http://localhost:8000"
    )
    assert result.returncode != 0
    assert "distrikt.E001" in result.stderr
    assert "distrikt.E003" in result.stderr
