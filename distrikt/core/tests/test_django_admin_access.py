"""/django-admin/ is reachable only by superusers from the addresses in DJANGO_ADMIN_ALLOWED_IPS."""

from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db

URL = "/django-admin/"


@pytest.fixture
def staff_non_superuser(django_user_model):
    return django_user_model.objects.create_user("redaktor2", password="passord-for-test", is_staff=True)


def test_with_no_allowed_addresses_even_a_superuser_gets_404(client, editor):
    client.force_login(editor)
    assert client.get(URL, REMOTE_ADDR="127.0.0.1").status_code == 404
    assert client.get(URL + "auth/user/", REMOTE_ADDR="127.0.0.1").status_code == 404


@override_settings(DJANGO_ADMIN_ALLOWED_IPS=["192.0.2.10", "10.20.0.0/16"])
def test_a_superuser_from_an_allowed_address_or_network_gets_the_admin(client, editor):
    client.force_login(editor)
    assert client.get(URL, REMOTE_ADDR="192.0.2.10").status_code == 200
    assert client.get(URL + "auth/user/", REMOTE_ADDR="10.20.3.4").status_code == 200


@override_settings(DJANGO_ADMIN_ALLOWED_IPS=["192.0.2.10"])
def test_a_superuser_from_another_address_gets_404(client, editor):
    client.force_login(editor)
    assert client.get(URL, REMOTE_ADDR="192.0.2.11").status_code == 404


@override_settings(DJANGO_ADMIN_ALLOWED_IPS=["192.0.2.10"])
def test_anonymous_visitors_and_staff_who_are_not_superusers_get_404_from_an_allowed_address(
    client, staff_non_superuser
):
    assert client.get(URL, REMOTE_ADDR="192.0.2.10").status_code == 404
    assert client.get(URL + "login/", REMOTE_ADDR="192.0.2.10").status_code == 404
    client.force_login(staff_non_superuser)
    assert client.get(URL, REMOTE_ADDR="192.0.2.10").status_code == 404


@override_settings(DJANGO_ADMIN_ALLOWED_IPS=["192.0.2.10"], TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_client_address_decides(client, editor):
    client.force_login(editor)
    allowed = client.get(URL, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10")
    forged = client.get(URL, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10, 198.51.100.7")
    assert allowed.status_code == 200
    assert forged.status_code == 404
