"""Yearly key figures: no negative turnover, ±50 % changes need confirmation."""

from django.core.exceptions import ValidationError

import pytest

from distrikt.merkur import services
from distrikt.merkur.factories import ShopKeyFiguresFactory
from distrikt.merkur.models import ShopKeyFigures

pytestmark = pytest.mark.django_db


def values(**overrides) -> services.KeyFigureValues:
    data = {
        "turnover": 10_000_000,
        "result": 100_000,
        "customers": 40_000,
        "services_income": 300_000,
    }
    data.update(overrides)
    return services.KeyFigureValues(**data)


def test_no_warnings_without_a_previous_year(own_shop):
    assert services.plausibility_warnings(own_shop, 2023, values()) == []


def test_a_change_over_fifty_percent_is_warned_about(own_shop):
    ShopKeyFiguresFactory(shop=own_shop, year=2022, turnover=10_000_000)
    warnings = services.plausibility_warnings(own_shop, 2023, values(turnover=15_100_000))
    assert len(warnings) == 1
    assert "+51 %" in warnings[0]


def test_a_change_of_exactly_fifty_percent_is_accepted(own_shop):
    ShopKeyFiguresFactory(shop=own_shop, year=2022, turnover=10_000_000)
    assert services.plausibility_warnings(own_shop, 2023, values(turnover=5_000_000)) == []


def test_a_fall_over_fifty_percent_in_customers_is_warned_about(own_shop):
    ShopKeyFiguresFactory(shop=own_shop, year=2022, customers=40_000)
    warnings = services.plausibility_warnings(own_shop, 2023, values(customers=10_000))
    assert len(warnings) == 1
    assert "-75 %" in warnings[0]


def test_unconfirmed_implausible_figures_are_not_saved(own_shop, merchant):
    ShopKeyFiguresFactory(shop=own_shop, year=2022, turnover=10_000_000)
    with pytest.raises(ValidationError):
        services.save_key_figures(own_shop, 2023, values(turnover=30_000_000), merchant)
    assert not ShopKeyFigures.objects.filter(shop=own_shop, year=2023).exists()
    figures = services.save_key_figures(
        own_shop, 2023, values(turnover=30_000_000), merchant, warnings_confirmed=True
    )
    assert figures.warnings_confirmed
    assert figures.reported_by == merchant


def test_negative_turnover_is_refused_by_the_service(own_shop, merchant):
    with pytest.raises(ValidationError):
        services.save_key_figures(own_shop, 2023, values(turnover=-1), merchant)


def url(shop, year=2023) -> str:
    return f"/merkur-register/butikk/{shop.pk}/nokkeltal/{year}/"


def test_the_form_rejects_negative_turnover_and_keeps_the_input(client, own_shop, merchant):
    client.force_login(merchant)
    response = client.post(url(own_shop), {"turnover": "-5", "result": "-20000", "customers": "123"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Omsetnaden kan ikkje vere negativ." in content
    assert 'value="-20000"' in content
    assert 'value="123"' in content
    assert not ShopKeyFigures.objects.exists()


def test_the_form_asks_for_confirmation_and_then_saves(client, own_shop, merchant):
    ShopKeyFiguresFactory(shop=own_shop, year=2022, turnover=10_000_000)
    client.force_login(merchant)
    data = {"turnover": "25000000", "result": "0"}
    response = client.post(url(own_shop), data)
    assert response.status_code == 400
    assert "Sjekk at talet er rett" in response.content.decode()
    assert not ShopKeyFigures.objects.filter(year=2023).exists()
    response = client.post(url(own_shop), {**data, "confirm_warnings": "on"})
    assert response.status_code == 302
    assert ShopKeyFigures.objects.get(year=2023).turnover == 25_000_000


def test_services_income_above_turnover_is_refused(client, own_shop, merchant):
    client.force_login(merchant)
    response = client.post(
        url(own_shop),
        {"turnover": "1000", "result": "0", "services_income": "2000"},
    )
    assert response.status_code == 400
    assert not ShopKeyFigures.objects.exists()


def test_a_year_in_the_future_is_not_found(client, own_shop, merchant):
    client.force_login(merchant)
    assert client.get(url(own_shop, 2999)).status_code == 404


def test_the_shop_page_shows_the_trend_to_its_merchant(client, own_shop, merchant):
    ShopKeyFiguresFactory(shop=own_shop, year=2021, turnover=9_000_000)
    ShopKeyFiguresFactory(shop=own_shop, year=2022, turnover=9_500_000)
    client.force_login(merchant)
    content = client.get(f"/merkur-register/butikk/{own_shop.pk}/").content.decode()
    assert "<svg" in content
    assert "9500000" in content
