"""Load balancers get a cheap liveness answer and a readiness answer that checks the services."""

from django.core.cache import cache
from django.db import connection
from django.test import override_settings

import pytest

from distrikt.core import health

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_touching_the_database_or_the_cache(
    client, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: pytest.fail("liveness read the cache"))
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_reports_every_service_as_json_when_all_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_readiness_answers_503_and_names_the_failing_service(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionRefusedError("database host secret-db.internal refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"] == {"database": "ConnectionRefusedError", "cache": "ok", "storage": "ok"}
    # The error's message (host names, credentials) never reaches the body.
    assert "secret-db" not in response.content.decode()


def test_readiness_fails_when_the_cache_loses_what_was_written(client, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "RuntimeError"


def test_readiness_fails_when_the_media_storage_does_not_answer(client, monkeypatch):
    from django.core.files.storage import default_storage

    def unreachable(name):
        raise OSError("storage unreachable")

    monkeypatch.setattr(default_storage, "exists", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "OSError"


@override_settings(ALLOWED_HOSTS=["www.example.no"], SECURE_SSL_REDIRECT=True)
def test_health_checks_answer_over_http_on_the_servers_own_address(client):
    """A load balancer polls http://10.0.0.5:8000/readyz: no HTTPS redirect, no host check."""
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.0.5:8000")
        assert response.status_code == 200, path
    # Other paths still get the host check.
    assert client.get("/om-oss/", HTTP_HOST="10.0.0.5:8000").status_code == 400


def test_readiness_is_never_answered_from_a_cache(client, monkeypatch):
    assert client.get("/readyz").status_code == 200

    def broken_cursor(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    assert client.get("/readyz").status_code == 503


def test_the_health_routes_are_named():
    from django.urls import reverse

    assert reverse("healthz") == "/healthz"
    assert reverse("readyz") == "/readyz"
    assert set(health.HEALTH_PATHS) == {"/healthz", "/readyz"}
