"""The public scheme list: published limits in the documented schema; applications never public."""

import importlib

from django.apps import apps

import pytest

from distrikt.merkur.models import SupportScheme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def published_schemes(db):
    """The schemes of data migration 0005 (a transactional test elsewhere may have flushed them)."""
    importlib.import_module("distrikt.merkur.migrations.0005_load_published_schemes").load_schemes(apps, None)


def test_schemes_list_their_published_limits(client):
    response = client.get("/api/v1/merkur/schemes")
    assert response.status_code == 200
    schemes = {scheme["slug"]: scheme for scheme in response.json()}
    investment = schemes["investeringsstotte"]
    assert investment["max_amount"] == 600_000
    assert investment["min_amount"] == 25_000
    assert investment["turnover_max"] == 13_000_000
    assert investment["distance_min_km"] == 10
    assert investment["distance_discretion_from_km"] == 5
    assert investment["opens_on"] is None
    assert schemes["servicestotte"]["turnover_max"] == 4_000_000
    assert schemes["servicestotte"]["turnover_max_exclusive"] is True
    assert schemes["utviklingsstotte"]["turnover_min"] == 4_000_000


def test_an_edited_scheme_shows_at_once_and_an_unpublished_one_not_at_all(client):
    client.get("/api/v1/merkur/schemes")
    SupportScheme.objects.filter(slug="bokhandel").update(is_published=False)
    scheme = SupportScheme.objects.get(slug="utviklingsstotte")
    scheme.max_amount = 55_000
    scheme.save()
    schemes = {scheme["slug"]: scheme for scheme in client.get("/api/v1/merkur/schemes").json()}
    assert schemes["utviklingsstotte"]["max_amount"] == 55_000
    assert "bokhandel" not in schemes


def test_the_schema_documents_the_schemes_and_no_application_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/merkur/schemes" in schema["paths"]
    assert "SchemeOut" in schema["components"]["schemas"]
    # Applications are only for their own merchants: no public list of them.
    assert not any("application" in path for path in schema["paths"] if "/my/" not in path)
