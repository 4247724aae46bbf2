import pytest

pytestmark = pytest.mark.django_db


def test_the_programmes_carry_projects_and_participant_codes(client, programme):
    body = client.get("/api/v1/programmes").json()
    assert body["count"] == 3
    byregion = next(p for p in body["results"] if p["slug"] == "byregionprogrammet")
    assert byregion["owner"].startswith("Kommunal- og moderniseringsdepartementet")
    assert [phase["name"] for phase in byregion["phases"]] == ["Fase 1", "Fase 2"]
    projects = {p["name"]: p for p in byregion["projects"]}
    assert projects["Namdal-prosjektet"]["municipality_codes"] == ["5007", "5045"]
    assert projects["Namdal-prosjektet"]["region_slugs"] == ["namdal"]
    assert projects["Steinkjer-prosjektet"]["is_demo"] is True


def test_unpublished_programmes_are_left_out(client, programme):
    programme.unpublish()
    slugs = [p["slug"] for p in client.get("/api/v1/programmes").json()["results"]]
    assert "byregionprogrammet" not in slugs


def test_a_limit_out_of_range_is_rejected(client, programme):
    assert client.get("/api/v1/programmes?limit=0").status_code == 422


def test_the_cached_listing_follows_an_unpublish(client, programme):
    assert "byregionprogrammet" in [p["slug"] for p in client.get("/api/v1/programmes").json()["results"]]
    programme.unpublish()
    assert "byregionprogrammet" not in [p["slug"] for p in client.get("/api/v1/programmes").json()["results"]]
