"""The municipality overview is indexed once: a filtered or re-sorted table is `noindex`."""

import pytest

NOINDEX = '<meta name="robots" content="noindex">'


def test_the_unfiltered_overview_is_indexable(register, client):
    response = client.get("/kommunar/")
    assert response.status_code == 200
    assert NOINDEX not in response.content.decode()


@pytest.mark.parametrize(
    "query", ["?fylke=50", "?klasse=6", "?prioritert=ja", "?sorter=namn&retning=fallande", "?kart=endring"]
)
def test_a_filtered_combination_is_not_indexed(register, client, query):
    response = client.get("/kommunar/" + query)
    assert response.status_code == 200
    assert NOINDEX in response.content.decode()
