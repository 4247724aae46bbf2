"""A comparison reads the municipality data once per data version, not once per page or per place."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from distrikt.municipalities.models import Municipality, Observation

WARM_UP = ["1804", "3403"]
# Two municipalities in one county, and eight in seven counties (five not asked for before).
TWO = ["5006", "5001"]
EIGHT = ["3101", "4601", "5501", "1833", "3403", "4204", "1506", "0301"]
# Once the comparison data of the current version has been read (the municipalities, the
# list to choose from, the indicators, every value, the county and national figures), a
# page costs the queries of the site chrome only (the site and its settings); caught here
# if it grows. The municipality data itself is never queried again.
MOST_QUERIES = 2
MUNICIPALITY_TABLES = "municipalities_"


def query(codes: list[str]) -> str:
    return "&".join(f"k={code}" for code in codes)


def captured_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def queries_for(client, path: str) -> int:
    return len(captured_queries(client, path))


def test_the_page_for_eight_municipalities_makes_as_many_queries_as_for_two(register, client):
    client.get(f"/kommunar/samanlikn/?{query(WARM_UP)}")
    two = queries_for(client, f"/kommunar/samanlikn/?{query(TWO)}")
    eight = queries_for(client, f"/kommunar/samanlikn/?{query(EIGHT)}")
    assert eight == two
    assert eight <= MOST_QUERIES, eight


def test_the_eight_are_all_on_the_page_with_their_counties(register, client):
    html = client.get(f"/kommunar/samanlikn/?{query(EIGHT)}").content.decode()
    for municipality in Municipality.objects.current().filter(code__in=EIGHT).select_related("county"):
        assert municipality.name in html
        assert f"{municipality.county.name} (fylke)" in html


def test_the_download_and_the_api_make_as_many_queries_for_eight_as_for_two(register, client):
    for path in ("/kommunar/samanlikn/data.csv", "/api/v1/compare"):
        client.get(f"{path}?{query(WARM_UP)}")
        two = queries_for(client, f"{path}?{query(TWO)}")
        eight = queries_for(client, f"{path}?{query(EIGHT)}")
        assert eight == two, path


def test_a_comparison_reads_no_municipality_data_once_the_version_is_read(register, client):
    client.get(f"/kommunar/samanlikn/?{query(WARM_UP)}")
    for path in (
        f"/kommunar/samanlikn/?{query(EIGHT)}",
        f"/kommunar/samanlikn/data.csv?{query(EIGHT)}",
        f"/api/v1/compare?{query(EIGHT)}",
    ):
        queries = captured_queries(client, path)
        assert not [sql for sql in queries if MUNICIPALITY_TABLES in sql], path
        assert len(queries) <= MOST_QUERIES, (path, queries)


def test_a_changed_value_is_on_the_next_comparison(register, client):
    steinkjer = Municipality.objects.current().get(code="5006")
    latest = Observation.objects.filter(municipality=steinkjer, indicator__code="folketal").latest("year")
    client.get(f"/kommunar/samanlikn/?{query(TWO)}")
    latest.value = 123456789
    latest.save()
    norwegian = client.get(f"/nb/kommunar/samanlikn/?{query(TWO)}").content.decode()
    assert "123\xa0456\xa0789" in norwegian or "123 456 789" in norwegian
    assert "123,456,789" in client.get(f"/en/kommunar/samanlikn/?{query(TWO)}").content.decode()
