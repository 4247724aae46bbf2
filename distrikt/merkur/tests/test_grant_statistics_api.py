"""The statistics API carries the public grant figures: decided grants only, as on the public
dashboard, for the latest year or the year asked for; the schema documents them."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/merkur/statistics"


def keys_anywhere(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_anywhere(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_anywhere(item)}
    return set()


def test_the_api_gives_the_public_grant_figures_of_the_latest_year(client, grant_cases):
    response = client.get(URL)
    assert response.status_code == 200
    grants = response.json()["grants"]
    assert (grants["year"], grants["years"]) == (2025, [2025, 2024])
    by_year = {
        row["label"]: (row["granted"], row["granted_sum"], row["paid_sum"]) for row in grants["by_year"]
    }
    assert by_year == {"2024": (2, 350_000, 300_000), "2025": (3, 700_000, 150_000)}
    schemes = {row["label"]: row["granted_sum"] for row in grants["by_scheme"]}
    assert schemes["Investeringsstøtte"] == 700_000
    assert schemes["Utviklingsstøtte"] == 0
    counties = {row["label"]: row["granted"] for row in grants["by_county"]}
    assert (counties["Nordfylke"], counties["Sørfylke"]) == (2, 1)
    budget = {row["scheme"]: (row["budget"], row["committed"], row["percent"]) for row in grants["budget"]}
    assert budget["Investeringsstøtte"] == (1_000_000, 400_000, 40.0)
    assert budget["Utviklingsstøtte"] == (None, 0, None)
    processing = [(row["label"], row["median_days"]) for row in grants["processing_by_year"]]
    assert processing == [("2024", 10.0), ("2025", 20.0)]
    assert grants["demo_cases"] == 0
    # Nothing about applications, pending or refused cases, or decision counts is public.
    assert not keys_anywhere(grants) & {"applications", "pending", "refused", "decided"}


def test_the_api_gives_the_year_asked_for_and_refuses_a_year_without_figures(client, grant_cases):
    grants = client.get(URL, {"grant_year": 2024}).json()["grants"]
    assert grants["year"] == 2024
    schemes = {row["label"]: (row["granted"], row["granted_sum"]) for row in grants["by_scheme"]}
    # a1 (investment, 300,000) and the appeal a2x (development, 50,000); the refusal is not counted.
    assert schemes["Investeringsstøtte"] == (1, 300_000)
    assert schemes["Utviklingsstøtte"] == (1, 50_000)
    assert client.get(URL, {"grant_year": 2019}).status_code == 404
    assert client.get(URL, {"grant_year": "9" * 25}).status_code == 422
    assert client.get(URL, {"grant_year": "i fjor"}).status_code == 422


def test_the_schema_documents_the_grant_figures(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "grants" in components["StatisticsOut"]["properties"]
    assert {"by_year", "budget", "processing_by_year", "years"} <= set(
        components["MerkurGrantFiguresOut"]["properties"]
    )
    assert "budget" in components["MerkurBudgetRowOut"]["properties"]
    parameters = schema["paths"]["/api/v1/merkur/statistics"]["get"]["parameters"]
    assert [parameter["name"] for parameter in parameters] == ["grant_year"]
