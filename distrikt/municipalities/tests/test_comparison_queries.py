"""A comparison costs as many queries for eight municipalities as for two (no query per place)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from distrikt.municipalities.models import Municipality

WARM_UP = ["1804", "3403"]
# Two municipalities in one county, and eight in seven counties (five not asked for before).
TWO = ["5006", "5001"]
EIGHT = ["3101", "4601", "5501", "1833", "3403", "4204", "1506", "0301"]
# The chosen municipalities, their observations, the indicators, the list to choose from and
# the site chrome, with the county and national figures cached; caught here if it grows.
MOST_QUERIES = 6


def query(codes: list[str]) -> str:
    return "&".join(f"k={code}" for code in codes)


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


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
