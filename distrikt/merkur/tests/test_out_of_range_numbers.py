"""Numbers larger than the database can hold get a clear message or a 404, never a 500."""

import pytest

from distrikt.merkur.models import ShopKeyFigures

pytestmark = pytest.mark.django_db

HUGE = "9999999999999999999999999"


def url(shop, year=2023) -> str:
    return f"/merkur-register/butikk/{shop.pk}/nokkeltal/{year}/"


@pytest.mark.parametrize(
    ("field", "value"),
    [("turnover", HUGE), ("result", HUGE), ("result", "-" + HUGE), ("services_income", HUGE)],
)
def test_key_figures_beyond_the_column_limits_get_a_clear_message(client, own_shop, merchant, field, value):
    client.force_login(merchant)
    data = {"turnover": "1000000", "result": "0", field: value}
    response = client.post(url(own_shop), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Talet er for stort" in content or "Talet er for lite" in content
    assert not ShopKeyFigures.objects.exists()


def test_customers_beyond_an_integer_column_get_a_clear_message(client, own_shop, merchant):
    client.force_login(merchant)
    response = client.post(url(own_shop), {"turnover": "1000000", "result": "0", "customers": "2147483648"})
    assert response.status_code == 400
    assert "Talet er for stort. Det kan vere høgst 2147483647." in response.content.decode()


def test_the_largest_turnover_the_column_holds_is_saved(client, own_shop, merchant):
    client.force_login(merchant)
    response = client.post(url(own_shop), {"turnover": str(2**63 - 1), "result": "0"})
    assert response.status_code == 302
    assert ShopKeyFigures.objects.get().turnover == 2**63 - 1


@pytest.mark.parametrize(
    "path",
    [
        f"/merkur-register/butikk/{HUGE}/",
        f"/merkur-register/butikk/{HUGE}/endre/",
        f"/merkur-register/butikk/{HUGE}/tenester/",
        "/merkur-register/butikk/1/tenester/" + HUGE + "/avslutt/",
        f"/merkur-register/butikk/1/nokkeltal/{HUGE}/",
    ],
)
def test_ids_and_years_too_large_for_the_database_are_not_found(client, advisor, path):
    client.force_login(advisor)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/merkur-register/", "/merkur-register/kart/", "/merkur-register/mine/"])
def test_a_page_number_too_large_gives_the_last_page(client, advisor, path):
    client.force_login(advisor)
    assert client.get(path, {"page": "9" * 30}).status_code == 200
