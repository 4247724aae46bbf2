"""Extra services keep their history: periods are closed, never overwritten."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from distrikt.merkur import services
from distrikt.merkur.factories import ExtraServiceFactory
from distrikt.merkur.models import ShopService

pytestmark = pytest.mark.django_db


def test_ending_and_restarting_a_service_keeps_both_periods(own_shop, merchant):
    post = ExtraServiceFactory(name="Post i butikk")
    first = services.start_service(own_shop, post, datetime.date(2018, 1, 1), merchant)
    services.end_service(first, datetime.date(2020, 6, 30), merchant)
    services.start_service(own_shop, post, datetime.date(2022, 3, 1), merchant)
    periods = list(
        ShopService.objects.filter(shop=own_shop, service=post)
        .order_by("started_on")
        .values_list("started_on", "ended_on")
    )
    assert periods == [
        (datetime.date(2018, 1, 1), datetime.date(2020, 6, 30)),
        (datetime.date(2022, 3, 1), None),
    ]
    assert [period.service for period in own_shop.current_service_periods()] == [post]


def test_a_service_cannot_be_started_twice_while_open(own_shop, merchant):
    fuel = ExtraServiceFactory()
    services.start_service(own_shop, fuel, datetime.date(2019, 1, 1), merchant)
    with pytest.raises(ValidationError):
        services.start_service(own_shop, fuel, datetime.date(2021, 1, 1), merchant)
    assert ShopService.objects.filter(shop=own_shop).count() == 1


def test_a_new_period_cannot_start_before_the_previous_one_ended(own_shop, merchant):
    cafe = ExtraServiceFactory()
    period = services.start_service(own_shop, cafe, datetime.date(2019, 1, 1), merchant)
    services.end_service(period, datetime.date(2021, 1, 1), merchant)
    with pytest.raises(ValidationError):
        services.start_service(own_shop, cafe, datetime.date(2020, 1, 1), merchant)


def test_an_end_date_before_the_start_is_refused(own_shop, merchant):
    period = services.start_service(own_shop, ExtraServiceFactory(), datetime.date(2020, 5, 1), merchant)
    with pytest.raises(ValidationError):
        services.end_service(period, datetime.date(2020, 4, 30), merchant)
    period.refresh_from_db()
    assert period.ended_on is None


def test_an_ended_period_cannot_be_ended_again(own_shop, merchant):
    period = services.start_service(own_shop, ExtraServiceFactory(), datetime.date(2020, 5, 1), merchant)
    services.end_service(period, datetime.date(2021, 1, 1), merchant)
    with pytest.raises(ValidationError):
        services.end_service(period, datetime.date(2022, 1, 1), merchant)
    period.refresh_from_db()
    assert period.ended_on == datetime.date(2021, 1, 1)


def test_another_merchant_cannot_change_the_services(own_shop, other_merchant):
    with pytest.raises(PermissionDenied):
        services.start_service(own_shop, ExtraServiceFactory(), datetime.date(2020, 1, 1), other_merchant)


def test_the_services_page_ends_a_period_and_shows_the_history(client, own_shop, merchant):
    period = services.start_service(
        own_shop, ExtraServiceFactory(name="Kafé"), datetime.date(2020, 1, 1), merchant
    )
    client.force_login(merchant)
    url = f"/merkur-register/butikk/{own_shop.pk}/tenester/{period.pk}/avslutt/"
    response = client.post(url, {"ended_on": "2019-01-01"})
    assert response.status_code == 400
    assert "Sluttdatoen kan ikkje vere før startdatoen" in response.content.decode()
    response = client.post(url, {"ended_on": "2023-01-01"})
    assert response.status_code == 302
    page = client.get(f"/merkur-register/butikk/{own_shop.pk}/tenester/")
    assert "1.1.2023" in page.content.decode()


def test_the_add_service_form_keeps_what_was_typed_on_error(client, own_shop, merchant):
    service = ExtraServiceFactory()
    client.force_login(merchant)
    response = client.post(
        f"/merkur-register/butikk/{own_shop.pk}/tenester/",
        {"service": service.pk, "started_on": "ikkje-ein-dato", "note": "Frå hausten"},
    )
    assert response.status_code == 400
    assert 'value="Frå hausten"' in response.content.decode()
    assert not ShopService.objects.filter(shop=own_shop).exists()
