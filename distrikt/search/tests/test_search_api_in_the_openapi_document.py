"""The search app's own API routes are attached to the public API and documented there."""

import pytest

from distrikt.search.api import AUTOCOMPLETE_OPERATION_ID, SEARCH_OPERATION_ID

pytestmark = pytest.mark.django_db


def test_the_openapi_document_lists_the_search_operations_with_their_errors(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    search = paths["/api/v1/search"]["get"]
    autocomplete = paths["/api/v1/search/autocomplete"]["get"]
    assert search["operationId"] == SEARCH_OPERATION_ID
    assert autocomplete["operationId"] == AUTOCOMPLETE_OPERATION_ID
    for operation in (search, autocomplete):
        assert set(operation["responses"]) == {"200", "422"}
        assert operation["tags"] == ["search"]
        assert operation["responses"]["422"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ValidationErrorOut"
        }


def test_the_search_route_answers_under_the_api_prefix(client):
    response = client.get("/api/v1/search", {"q": "kommune"})
    assert response.status_code == 200
    assert response.json()["query"] == "kommune"
