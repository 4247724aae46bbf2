import pytest

from distrikt.municipalities.models import DistrictIndexScore, Municipality


def test_the_openapi_schema_lists_the_municipality_routes(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/municipalities",
        "/api/v1/municipalities/{code}",
        "/api/v1/indices/distriktsindeks",
        "/api/v1/indicators",
        "/api/v1/indicators/{code}/values",
    ):
        assert path in schema["paths"]


def test_the_list_filters_by_county_and_class(register, client):
    rows = client.get("/api/v1/municipalities?county=50&centrality_class=6").json()
    assert rows
    assert all(row["county_code"] == "50" and row["centrality_class"] == 6 for row in rows)
    assert len(client.get("/api/v1/municipalities").json()) == 357


def test_responses_carry_etags_and_answer_304_when_unchanged(register, client):
    response = client.get("/api/v1/municipalities")
    assert response["Cache-Control"].startswith("public")
    etag = response["ETag"]
    assert client.get("/api/v1/municipalities", HTTP_IF_NONE_MATCH=etag).status_code == 304
    steinkjer = Municipality.objects.current().get(code="5006")
    steinkjer.name = "Steinkjer endra"
    steinkjer.save()
    changed = client.get("/api/v1/municipalities", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_lists_come_as_csv_on_request(register, client):
    response = client.get("/api/v1/municipalities?format=csv&county=03")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("code,name,county_code")
    assert lines[1].startswith("0301,")
    header = lines[0].split(",")
    oslo = dict(zip(header, lines[1].split(","), strict=True))
    assert oslo["is_priority"] == "0"
    assert "." not in oslo["population"]


def test_the_detail_gives_every_indicator_as_a_series(register, client):
    data = client.get("/api/v1/municipalities/5006").json()
    series = {item["code"]: item["values"] for item in data["indicators"]}
    assert {"folketal", "sentralitetsindeks", "sysselsette-arbeidsstad"} <= set(series)
    assert series["folketal"][-1] == {
        "year": 2026,
        "value": 24007.0,
        "is_estimate": False,
        "status": "",
        "method_version": "",
    }
    assert client.get("/api/v1/municipalities/1702").status_code == 404


def test_the_index_endpoint_says_which_components_are_missing(register, client):
    data = client.get("/api/v1/indices/distriktsindeks?year=2026&method=2022").json()
    assert data["is_published"] is False
    assert data["results"] == []
    assert {item["component"] for item in data["missing_components"]} == {
        "population_growth",
        "employment_growth",
        "business_diversity",
    }
    simplified = client.get("/api/v1/indices/distriktsindeks?year=2026&method=2022&simplified=true").json()
    assert simplified["is_simplified"] is True
    assert len(simplified["results"]) == 350
    assert set(simplified["results"][0]["components"]) == {
        "centrality",
        "population_growth",
    }
    assert client.get("/api/v1/indices/distriktsindeks?year=2026&method=1999").status_code == 404


def test_stored_scores_appear_in_the_list(register, client):
    steinkjer = Municipality.objects.current().get(code="5006")
    DistrictIndexScore.objects.create(
        municipality=steinkjer,
        year=2025,
        method="2022",
        value=48.5,
        rank=160,
        components={},
    )
    row = next(row for row in client.get("/api/v1/municipalities?county=50").json() if row["code"] == "5006")
    assert row["distriktsindeks"] == pytest.approx(48.5)
    assert row["distriktsindeks_year"] == 2025


def test_indicator_values_filter_by_year(register, client):
    indicators = {item["code"] for item in client.get("/api/v1/indicators").json()}
    assert "folketal" in indicators
    values = client.get("/api/v1/indicators/folketal/values?year=2024").json()
    assert len(values) == 357
    assert {value["year"] for value in values} == {2024}
    assert client.get("/api/v1/indicators/ukjend/values").status_code == 404
