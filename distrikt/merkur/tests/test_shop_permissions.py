"""A merchant sees and edits only their own shops, by URL and by API; advisors see all."""

import pytest

from distrikt.merkur.factories import ShopKeyFiguresFactory
from distrikt.merkur.models import Shop

pytestmark = pytest.mark.django_db


def test_visible_to_gives_merchants_their_own_shops_only(own_shop, others_shop, merchant, advisor, editor):
    assert list(Shop.objects.visible_to(merchant)) == [own_shop]
    assert set(Shop.objects.visible_to(advisor)) == {own_shop, others_shop}
    assert set(Shop.objects.visible_to(editor)) == {own_shop, others_shop}


def test_anonymous_visitors_may_edit_nothing(own_shop, client):
    from django.contrib.auth.models import AnonymousUser

    assert not Shop.objects.visible_to(AnonymousUser()).exists()
    response = client.get(f"/merkur-register/butikk/{own_shop.pk}/endre/")
    assert response.status_code == 302
    assert "/merkur-register/logg-inn/" in response["Location"]


@pytest.mark.parametrize(
    "path",
    ["endre/", "tenester/", "nokkeltal/2023/"],
)
def test_another_merchants_shop_is_not_found_by_url(client, own_shop, others_shop, merchant, path):
    client.force_login(merchant)
    assert client.get(f"/merkur-register/butikk/{own_shop.pk}/{path}").status_code == 200
    assert client.get(f"/merkur-register/butikk/{others_shop.pk}/{path}").status_code == 404


def test_posting_to_another_merchants_shop_changes_nothing(client, others_shop, merchant):
    client.force_login(merchant)
    response = client.post(
        f"/merkur-register/butikk/{others_shop.pk}/nokkeltal/2023/",
        {"turnover": "1", "result": "1"},
    )
    assert response.status_code == 404
    assert not others_shop.key_figures.exists()


def test_key_figures_by_api_only_for_own_shop(client, own_shop, others_shop, merchant):
    ShopKeyFiguresFactory(shop=own_shop, year=2022, turnover=7_000_000)
    ShopKeyFiguresFactory(shop=others_shop, year=2022, turnover=8_000_000)
    client.force_login(merchant)
    own = client.get(f"/api/v1/merkur/shops/{own_shop.pk}/key-figures")
    assert own.status_code == 200
    assert own.json()[0]["turnover"] == 7_000_000
    other = client.get(f"/api/v1/merkur/shops/{others_shop.pk}/key-figures")
    assert other.status_code == 404


def test_advisors_reach_every_shop_by_url_and_api(client, own_shop, others_shop, advisor):
    client.force_login(advisor)
    for shop in (own_shop, others_shop):
        assert client.get(f"/merkur-register/butikk/{shop.pk}/endre/").status_code == 200
        assert client.get(f"/api/v1/merkur/shops/{shop.pk}/key-figures").status_code == 200


def test_the_public_shop_page_hides_key_figures(client, own_shop, other_merchant):
    ShopKeyFiguresFactory(shop=own_shop, year=2022, turnover=7_123_456)
    assert "7123456" not in client.get(f"/merkur-register/butikk/{own_shop.pk}/").content.decode()
    client.force_login(other_merchant)
    assert "7123456" not in client.get(f"/merkur-register/butikk/{own_shop.pk}/").content.decode()


def test_only_advisors_may_create_and_import(client, merchant, advisor):
    client.force_login(merchant)
    assert client.get("/merkur-register/ny/").status_code == 403
    assert client.get("/merkur-register/import/").status_code == 403
    client.force_login(advisor)
    assert client.get("/merkur-register/ny/").status_code == 200


def test_the_excel_export_holds_only_visible_shops(client, own_shop, others_shop, merchant):
    import io

    import openpyxl

    client.force_login(merchant)
    response = client.get("/merkur-register/excel/")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    names = [row[0] for row in workbook["Butikkar"].iter_rows(min_row=2, values_only=True)]
    assert names == [own_shop.name]


def test_merchants_log_in_outside_the_wagtail_admin(client, merchant, own_shop):
    response = client.post(
        "/merkur-register/logg-inn/",
        {"username": "kari", "password": "passord-for-test"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/merkur-register/mine/")
    content = client.get("/merkur-register/mine/").content.decode()
    assert own_shop.name in content


def test_a_wrong_password_keeps_the_username(client, merchant):
    response = client.post("/merkur-register/logg-inn/", {"username": "kari", "password": "feil"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Brukarnamnet eller passordet er feil" in content
    assert 'value="kari"' in content
