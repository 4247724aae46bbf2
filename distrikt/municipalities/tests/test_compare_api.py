"""GET /api/v1/compare: the comparison's figures as JSON, with bounded and documented input."""

import pytest

from distrikt.municipalities.comparison import build_comparison, select_municipalities


def test_the_api_gives_the_same_figures_as_the_page(register, client):
    response = client.get("/api/v1/compare?k=5006&k=1833")
    assert response.status_code == 200
    assert response["ETag"] and "max-age" in response["Cache-Control"]
    data = response.json()
    assert [m["code"] for m in data["municipalities"]] == ["1833", "5006"]
    assert {county["code"] for county in data["counties"]} == {"18", "50"}
    population = next(item for item in data["indicators"] if item["code"] == "folketal")
    assert population["aggregation"] == "sum"
    latest = population["years"][-1]
    assert latest["year"] == 2026
    assert latest["municipalities"] == {"1833": 25844, "5006": 24007}
    comparison = build_comparison(select_municipalities(["5006", "1833"]).municipalities, with_charts=False)
    page_population = next(item for item in comparison.indicators if item.indicator.code == "folketal")
    assert latest["national"] == page_population.latest.national
    assert latest["counties"]["50"] == page_population.latest.counties[1]
    centrality_class = next(item for item in data["indicators"] if item["code"] == "sentralitetsklasse")
    assert centrality_class["aggregation"] is None


def test_unknown_and_repeated_codes_are_listed_and_the_rest_returned(register, client):
    data = client.get("/api/v1/compare?k=5006&k=5006&k=9999").json()
    assert [m["code"] for m in data["municipalities"]] == ["5006"]
    assert data["unknown_codes"] == ["9999"]
    assert data["repeated_codes"] == ["5006"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("k=9999", 404),
        ("k=abc", 422),
        ("k=50061", 422),
        ("", 422),
        ("&".join(["k=5006"] * 9), 422),
    ],
)
def test_bad_input_gets_a_declared_error(register, client, query, status):
    response = client.get(f"/api/v1/compare?{query}")
    assert response.status_code == status
    assert "detail" in response.json()


def test_the_schema_declares_the_bounds_and_errors(register, client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/compare"]["get"]
    assert {"200", "404", "422"} <= set(operation["responses"])
    parameter = next(parameter for parameter in operation["parameters"] if parameter["name"] == "k")
    assert parameter["schema"]["maxItems"] == 8
