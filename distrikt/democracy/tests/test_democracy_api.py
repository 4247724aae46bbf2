import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/democracy/arrangements"


def test_only_published_arrangements_are_listed(client, register):
    body = client.get(URL).json()
    names = {row["name"] for row in body["results"]}
    assert "Trofors lokalutval" not in names
    assert body["count"] == 4


def test_the_list_narrows_to_one_municipality(client, register):
    body = client.get(URL, {"municipality": "5006"}).json()
    assert [row["name"] for row in body["results"]] == ["Beitstad bygdeutval", "Ogndal lokalutval"]
    assert body["results"][0]["kind_label"] == "Bygdeutval"


def test_an_unknown_municipality_is_not_found(client, register):
    response = client.get(URL, {"municipality": "9999"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("code", ["50061", "abcd", "1"])
def test_a_malformed_code_is_a_validation_error(client, register, code):
    response = client.get(URL, {"municipality": code})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "municipality"


def test_the_schema_declares_both_operations_and_their_errors(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/democracy/arrangements"]["get"]["responses"]) >= {"200", "404", "422"}
    assert set(paths["/api/v1/programmes"]["get"]["responses"]) >= {"200", "422"}
