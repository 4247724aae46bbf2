"""Too many failed logins lock out the username and the client address, on every login form."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
MERKUR_LOGIN = "/merkur-register/logg-inn/"
PASSWORD = "rett-passord-for-test"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", PASSWORD)


@pytest.fixture
def merchant_user(django_user_model):
    return django_user_model.objects.create_user("kari", password=PASSWORD)


def post_login(client, url, username, password, **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


@pytest.mark.parametrize("url", [ADMIN_LOGIN, MERKUR_LOGIN], ids=["wagtail-admin", "merkur"])
def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, staff_user, url, home_page):
    for _ in range(30):
        post_login(client, url, "redaktor", "feil-passord")
    response = post_login(client, url, "redaktor", PASSWORD)
    assert response.status_code == 429
    assert SESSION_KEY not in client.session
    assert "Innlogginga er mellombels stengd" in response.content.decode()


@pytest.mark.parametrize("url", [ADMIN_LOGIN, MERKUR_LOGIN], ids=["wagtail-admin", "merkur"])
def test_failures_below_the_limit_still_let_the_right_password_in(client, staff_user, url):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_login(client, url, "redaktor", "feil-passord").status_code == 200
    response = post_login(client, url, "redaktor", PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(staff_user.pk)


def test_the_lockout_page_is_in_the_site_look_never_cached_and_says_how_long(
    client, merchant_user, home_page
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, MERKUR_LOGIN, "kari", "feil")
    response = post_login(client, MERKUR_LOGIN, "kari", "feil")
    content = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="nn"' in content
    assert f"{settings.AXES_COOLOFF_TIME.seconds // 60} minutt" in content
    assert "no-store" in response["Cache-Control"]
    assert response["Retry-After"] == str(settings.AXES_COOLOFF_TIME.seconds)


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [("/nb", "Innloggingen er midlertidig stengt"), ("/en", "Logging in is temporarily blocked")],
)
def test_the_lockout_message_is_translated(client, merchant_user, home_page, prefix, heading):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, prefix + MERKUR_LOGIN, "kari", "feil")
    response = post_login(client, prefix + MERKUR_LOGIN, "kari", PASSWORD)
    assert response.status_code == 429
    assert heading in response.content.decode()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_lockout_follows_the_forwarded_client_address(client, merchant_user, home_page):
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    neighbour = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, MERKUR_LOGIN, f"gjetta-{attempt}", "feil", **attacker)

    assert post_login(client, MERKUR_LOGIN, "kari", PASSWORD, **attacker).status_code == 429
    response = post_login(client, MERKUR_LOGIN, "kari", PASSWORD, **neighbour)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(merchant_user.pk)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_forged_leftmost_forwarded_entry_does_not_escape_the_lockout(client, merchant_user, home_page):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(
            client,
            MERKUR_LOGIN,
            f"gjetta-{attempt}",
            "feil",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 198.51.100.1",
        )
    response = post_login(
        client,
        MERKUR_LOGIN,
        "kari",
        PASSWORD,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.200, 198.51.100.1",
    )
    assert response.status_code == 429


def test_one_username_is_locked_from_every_address_after_spread_out_failures(
    client, merchant_user, home_page
):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, MERKUR_LOGIN, "kari", "feil", REMOTE_ADDR=f"192.0.2.{attempt + 1}")
    response = post_login(client, MERKUR_LOGIN, "kari", PASSWORD, REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 429
    assert SESSION_KEY not in client.session
