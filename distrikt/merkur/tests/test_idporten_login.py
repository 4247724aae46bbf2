"""Login with ID-porten, tested against a real OpenID Connect provider on this machine.

The provider is node-oidc-provider (npm devDependency), started once for the session with
idporten_provider.mjs. A person logs in on its development login page with their pid as
login name, and the browser between Django and the provider is a `requests` session; the
library (mozilla-django-oidc) runs unmocked, token request and signature check included.
Skipped without Node.js or the npm packages unless REQUIRE_BROWSER is set (CI sets it).
"""

import html
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from django.conf import settings as django_settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

import pytest
import requests

from distrikt.merkur import services
from distrikt.merkur.models import MerchantProfile, pid_digest

pytestmark = pytest.mark.django_db

PROVIDER_SCRIPT = Path(__file__).with_name("idporten_provider.mjs")
CLIENT_ID = "distrikt-merkur-test"
CLIENT_SECRET = "test-only-client-secret"
CALLBACK_URL = "http://testserver/merkur-register/id-porten/tilbake/"
POST_LOGOUT_URL = "http://testserver/merkur-register/"
# Synthetic national identity numbers (as in Digdir's test population), never real people.
KARI_PID = "02838496571"
STRANGER_PID = "13877095236"
OLA_PID = "28897648519"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def idporten_provider():
    """The issuer URL of a running local OpenID Provider configured like ID-porten."""
    node = shutil.which("node")
    package = Path(django_settings.BASE_DIR) / "node_modules" / "oidc-provider" / "package.json"
    if node is None or not package.exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but Node.js or the npm package oidc-provider is missing")
        pytest.skip("needs Node.js and `npm ci` (the oidc-provider package)")
    port = free_port()
    process = subprocess.Popen(
        [node, str(PROVIDER_SCRIPT)],
        cwd=django_settings.BASE_DIR,
        env={
            **os.environ,
            "PORT": str(port),
            "CLIENT_ID": CLIENT_ID,
            "CLIENT_SECRET": CLIENT_SECRET,
            "REDIRECT_URI": CALLBACK_URL,
            "POST_LOGOUT_REDIRECT_URI": POST_LOGOUT_URL,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    ready = threading.Event()
    threading.Thread(
        target=lambda: process.stdout.readline() == "ready\n" and ready.set(), daemon=True
    ).start()
    try:
        if not ready.wait(30):
            pytest.fail("the local OpenID provider did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def idporten(settings, idporten_provider):
    """ID-porten switched on by settings, pointing at the local provider (discovery only)."""
    settings.IDPORTEN_CLIENT_ID = CLIENT_ID
    settings.IDPORTEN_CLIENT_SECRET = CLIENT_SECRET
    settings.IDPORTEN_ISSUER = idporten_provider
    settings.IDPORTEN_ACR_VALUES = "idporten-loa-substantial"
    return idporten_provider


@pytest.fixture
def kari_linked(merchant, own_shop):
    services.link_idporten_identity(merchant, KARI_PID)
    return merchant


class Browser:
    """The person's browser at the provider: follows its redirects and fills in its login page."""

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.session = requests.Session()

    def follow(self, url: str, *, data: dict | None = None) -> requests.Response:
        """Go to the URL and follow redirects while they stay at the provider."""
        response = self.session.post(url, data=data, allow_redirects=False, timeout=10) if data else None
        response = response or self.session.get(url, allow_redirects=False, timeout=10)
        while response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if not location.startswith(self.issuer):
                break
            response = self.session.get(location, allow_redirects=False, timeout=10)
        return response

    def log_in(self, authorize_url: str, pid: str) -> str:
        """Log in at the provider with the pid; return where it sends the browser back to."""
        page = self.follow(authorize_url)
        assert page.status_code == 200, page.text
        action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', page.text).group(1))
        answer = self.follow(
            urljoin(page.url, action), data={"prompt": "login", "login": pid, "password": "anything"}
        )
        assert answer.is_redirect, answer.text
        return urljoin(answer.url, answer.headers["Location"])

    def cancel(self, authorize_url: str) -> str:
        """Press cancel on the provider's login page."""
        page = self.follow(authorize_url)
        abort = urljoin(page.url, urlsplit(page.url).path + "/abort")
        answer = self.follow(abort)
        return urljoin(answer.url, answer.headers["Location"])


def start_login(client, path: str | None = None) -> str:
    response = client.get(path or reverse("merkur:idporten_login"))
    assert response.status_code == 302
    return response["Location"]


def log_in_with_idporten(client, issuer: str, pid: str, path: str | None = None):
    callback = Browser(issuer).log_in(start_login(client, path), pid)
    assert callback.startswith(CALLBACK_URL)
    return client.get(callback)


def password_login(client, username: str) -> None:
    response = client.post(reverse("merkur:login"), {"username": username, "password": "passord-for-test"})
    assert response.status_code == 302


def logged_in_user(client):
    return client.get(reverse("merkur:my_shops")).wsgi_request.user


def test_the_code_flow_logs_in_the_merchant_linked_to_the_pid(client, idporten, kari_linked, own_shop):
    authorize_url = start_login(client)
    query = parse_qs(urlsplit(authorize_url).query)
    assert authorize_url.startswith(f"{idporten}/auth?")
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == [CALLBACK_URL]
    assert query["acr_values"] == ["idporten-loa-substantial"]
    assert query["ui_locales"] == ["nn"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"] and query["nonce"]

    callback = Browser(idporten).log_in(authorize_url, KARI_PID)
    response = client.get(callback)

    assert response.status_code == 302
    assert response["Location"] == reverse("merkur:my_shops")
    assert client.session[BACKEND_SESSION_KEY] == "distrikt.merkur.idporten.IdPortenBackend"
    page = client.get(reverse("merkur:my_shops"))
    assert page.wsgi_request.user == kari_linked
    assert own_shop.name in page.content.decode()


def test_the_login_is_asked_for_in_the_interface_language(client, idporten, kari_linked):
    for language in ("nb", "en"):
        authorize_url = start_login(client, f"/{language}/merkur-register/id-porten/logg-inn/")
        query = parse_qs(urlsplit(authorize_url).query)
        assert query["ui_locales"] == [language]
        # One callback address for every language: the one registered at ID-porten.
        assert query["redirect_uri"] == [CALLBACK_URL]

    response = log_in_with_idporten(client, idporten, KARI_PID, "/en/merkur-register/id-porten/logg-inn/")
    assert response["Location"] == "/en/merkur-register/mine/"


def test_the_login_returns_to_the_page_the_merchant_came_from(client, idporten, kari_linked):
    applications = reverse("merkur:application_list")
    response = log_in_with_idporten(
        client, idporten, KARI_PID, f"{reverse('merkur:idporten_login')}?next={applications}"
    )
    assert response["Location"] == applications


def test_an_unknown_pid_gets_the_access_page_and_no_user_is_created(client, idporten, kari_linked):
    users_before = get_user_model().objects.count()

    response = log_in_with_idporten(client, idporten, STRANGER_PID)

    assert response["Location"] == reverse("merkur:idporten_no_access")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "ingen konto i Merkur-registeret er kopla til deg" in page.content.decode()
    assert django_settings.MERKUR_CONTACT_EMAIL in page.content.decode()
    assert get_user_model().objects.count() == users_before
    assert not MerchantProfile.objects.for_pid(STRANGER_PID).exists()
    assert not page.wsgi_request.user.is_authenticated


def test_the_access_page_speaks_the_language_the_login_started_in(client, idporten):
    response = log_in_with_idporten(client, idporten, STRANGER_PID, "/en/merkur-register/id-porten/logg-inn/")
    assert response["Location"] == "/en/merkur-register/id-porten/ingen-tilgang/"
    assert "You do not have access" in client.get(response["Location"]).content.decode()


def test_an_answer_with_another_state_is_refused(client, idporten, kari_linked):
    callback = Browser(idporten).log_in(start_login(client), KARI_PID)
    parts = urlsplit(callback)
    query = parse_qs(parts.query)
    forged = f"{parts.path}?code={query['code'][0]}&state=another-state"

    response = client.get(forged)

    assert response.status_code == 302
    assert response["Location"] == reverse("merkur:login")
    assert not logged_in_user(client).is_authenticated
    login_page = client.get(reverse("merkur:login"))
    assert "Innlogginga med ID-porten vart avbroten eller mislukkast" in login_page.content.decode()


def test_an_answer_cannot_be_used_twice_nor_in_another_browser(client, idporten, kari_linked):
    callback = Browser(idporten).log_in(start_login(client), KARI_PID)

    other_browser = Client()
    assert other_browser.get(callback)["Location"] == reverse("merkur:login")
    assert not logged_in_user(other_browser).is_authenticated

    assert client.get(callback)["Location"] == reverse("merkur:my_shops")
    client.post(reverse("merkur:logout"))
    assert client.get(callback)["Location"] == reverse("merkur:login")
    assert not logged_in_user(client).is_authenticated


def test_a_login_below_the_level_asked_for_is_refused(client, idporten, kari_linked, settings):
    settings.IDPORTEN_ACR_VALUES = "idporten-loa-high"  # the provider logs in at substantial

    response = log_in_with_idporten(client, idporten, KARI_PID)

    assert response["Location"] == reverse("merkur:login")
    assert not logged_in_user(client).is_authenticated
    assert "lågare tryggleiksnivå enn tenesta krev" in client.get(reverse("merkur:login")).content.decode()


def test_a_login_cancelled_at_idporten_logs_nobody_in(client, idporten, kari_linked):
    callback = Browser(idporten).cancel(start_login(client))
    assert "error=access_denied" in callback

    response = client.get(callback)

    assert response["Location"] == reverse("merkur:login")
    assert not logged_in_user(client).is_authenticated


def test_a_merchant_links_their_pid_after_a_password_login_and_only_a_keyed_hash_is_kept(
    client, idporten, merchant, own_shop
):
    password_login(client, "kari")
    page = client.get(reverse("merkur:my_shops")).content.decode()
    link = re.search(r'href="([^"]+)">Kople til ID-porten<', page).group(1)

    authorize_url = start_login(client, html.unescape(link))
    assert parse_qs(urlsplit(authorize_url).query)["prompt"] == ["login"]
    response = client.get(Browser(idporten).log_in(authorize_url, KARI_PID))

    assert response["Location"] == reverse("merkur:my_shops")
    assert "Kontoen din er kopla til ID-porten" in client.get(response["Location"]).content.decode()
    profile = MerchantProfile.objects.get(user=merchant)
    assert profile.idporten_pid_digest == pid_digest(KARI_PID)
    assert KARI_PID not in profile.idporten_pid_digest
    # The number is nowhere in the profile's row, the user's row or the stored session.
    stored = [str(value) for value in MerchantProfile.objects.filter(pk=profile.pk).values().get().values()]
    stored += [
        str(value) for value in get_user_model().objects.filter(pk=merchant.pk).values().get().values()
    ]
    stored += [session.session_data for session in Session.objects.all()]
    stored += [str(session.get_decoded()) for session in Session.objects.all()]
    assert not any(KARI_PID in value for value in stored)

    client.post(reverse("merkur:logout"))
    log_in_with_idporten(client, idporten, KARI_PID)
    assert logged_in_user(client) == merchant


def test_the_hash_depends_on_the_key(settings):
    digest = pid_digest(KARI_PID)
    settings.IDPORTEN_PID_HASH_KEY = "another-key-for-the-national-identity-numbers"
    assert pid_digest(KARI_PID) != digest
    assert len(digest) == 64


def test_an_identity_linked_to_one_account_cannot_be_linked_to_another(
    client, idporten, kari_linked, other_merchant
):
    password_login(client, "ola")
    authorize_url = start_login(client, f"{reverse('merkur:idporten_login')}?kople=1")

    response = client.get(Browser(idporten).log_in(authorize_url, KARI_PID))

    assert response["Location"] == reverse("merkur:my_shops")
    assert "alt kopla til ein annan konto" in client.get(response["Location"]).content.decode()
    assert not MerchantProfile.objects.filter(user=other_merchant, idporten_pid_digest__isnull=False).exists()
    assert logged_in_user(client) == other_merchant


def test_a_merchant_can_unlink_and_then_idporten_no_longer_logs_them_in(client, idporten, kari_linked):
    client.force_login(kari_linked)
    assert "Fjern koplinga til ID-porten" in client.get(reverse("merkur:my_shops")).content.decode()
    client.post(reverse("merkur:idporten_unlink"))
    client.post(reverse("merkur:logout"))

    response = log_in_with_idporten(client, idporten, KARI_PID)

    assert response["Location"] == reverse("merkur:idporten_no_access")


def test_an_inactive_account_cannot_log_in_with_idporten(client, idporten, kari_linked):
    kari_linked.is_active = False
    kari_linked.save()

    response = log_in_with_idporten(client, idporten, KARI_PID)

    assert response["Location"] == reverse("merkur:login")
    assert not logged_in_user(client).is_authenticated


def test_logout_ends_the_local_session_and_the_idporten_session(client, idporten, kari_linked):
    browser = Browser(idporten)
    client.get(browser.log_in(start_login(client), KARI_PID))

    response = client.post(reverse("merkur:logout"))

    assert not logged_in_user(client).is_authenticated
    assert response.status_code == 200
    end_session = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', response.content.decode())
    end_session_url = html.unescape(end_session.group(1))
    query = parse_qs(urlsplit(end_session_url).query)
    assert end_session_url.startswith(f"{idporten}/session/end?")
    assert query["client_id"] == [CLIENT_ID]
    assert query["post_logout_redirect_uri"] == [POST_LOGOUT_URL]
    # The provider accepts the request (an unregistered address would be an error page).
    answer = browser.follow(end_session_url)
    assert answer.status_code == 200
    assert "logout" in answer.text.lower()


def test_a_password_session_logs_out_as_before(client, idporten, merchant):
    client.force_login(merchant)
    response = client.post(reverse("merkur:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("merkur:shop_list")


def test_the_login_page_offers_idporten_when_it_is_configured(client, idporten):
    page = client.get(reverse("merkur:login")).content.decode()
    assert "Logg inn med ID-porten" in page
    assert f'href="{reverse("merkur:idporten_login")}"' in page


def test_with_the_settings_off_there_is_no_button_and_the_urls_answer_404(client, merchant):
    assert "ID-porten" not in client.get(reverse("merkur:login")).content.decode()
    for name in ("merkur:idporten_login", "merkur:idporten_callback", "merkur:idporten_no_access"):
        assert client.get(reverse(name)).status_code == 404, name
    client.force_login(merchant)
    assert client.post(reverse("merkur:idporten_unlink")).status_code == 404
    assert "ID-porten" not in client.get(reverse("merkur:my_shops")).content.decode()


def test_password_logins_work_while_idporten_does_not_answer(client, settings, merchant):
    settings.IDPORTEN_CLIENT_ID = CLIENT_ID
    settings.IDPORTEN_CLIENT_SECRET = CLIENT_SECRET
    settings.IDPORTEN_ISSUER = f"http://127.0.0.1:{free_port()}"  # nothing listens there

    response = client.post(reverse("merkur:login"), {"username": "kari", "password": "passord-for-test"})
    assert response["Location"] == reverse("merkur:my_shops")

    client.post(reverse("merkur:logout"))
    response = client.get(reverse("merkur:idporten_login"))
    assert response["Location"] == reverse("merkur:login")
    assert "ID-porten svarar ikkje no" in client.get(reverse("merkur:login")).content.decode()


def test_an_answer_naming_another_issuer_is_refused(client, idporten, kari_linked):
    callback = Browser(idporten).log_in(start_login(client), KARI_PID)
    assert f"iss={idporten}".replace(":", "%3A").replace("/", "%2F") in callback

    response = client.get(callback.replace("iss=http%3A%2F%2F127.0.0.1", "iss=http%3A%2F%2F127.0.0.2"))

    assert response["Location"] == reverse("merkur:login")
    assert not logged_in_user(client).is_authenticated


def test_endpoints_set_one_by_one_need_no_discovery_and_the_id_token_issuer_is_checked(
    client, idporten, kari_linked, settings
):
    settings.IDPORTEN_ISSUER = "https://idporten.example"  # no discovery document there
    settings.IDPORTEN_AUTHORIZATION_ENDPOINT = f"{idporten}/auth"
    settings.IDPORTEN_TOKEN_ENDPOINT = f"{idporten}/token"
    settings.IDPORTEN_JWKS_ENDPOINT = f"{idporten}/jwks"
    callback = Browser(idporten).log_in(start_login(client), KARI_PID)
    without_iss = re.sub(r"&iss=[^&]*", "", callback)

    response = client.get(without_iss)

    # The flow ran against the provider, but its id_token names an issuer other than ours.
    assert response["Location"] == reverse("merkur:login")
    assert not logged_in_user(client).is_authenticated


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_idporten_pages_have_no_wcag_violations(live_server, idporten, merchant, monkeypatch):
    from distrikt.core.tests.test_accessibility import (
        AXE,
        CHROMIUM,
        CHROMIUM_ARGS,
        WCAG_TAGS,
        browser_available,
    )

    if not browser_available():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium ({CHROMIUM}) or axe-core ({AXE}) is missing")
        pytest.skip("Chromium or axe-core is not installed")
    services.link_idporten_identity(merchant, KARI_PID)
    browser_client = Client()
    browser_client.force_login(merchant)
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    violations = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        for path, session_cookie in (
            (reverse("merkur:login"), None),
            ("/en/merkur-register/logg-inn/", None),
            (reverse("merkur:idporten_no_access"), None),
            ("/nb/merkur-register/id-porten/ingen-tilgang/", None),
            (reverse("merkur:my_shops"), browser_client.cookies[django_settings.SESSION_COOKIE_NAME].value),
        ):
            if session_cookie:
                page.context.add_cookies(
                    [
                        {
                            "name": django_settings.SESSION_COOKIE_NAME,
                            "value": session_cookie,
                            "url": live_server.url,
                        }
                    ]
                )
            page.goto(live_server.url + path, wait_until="load")
            assert "ID-porten" in page.content()
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
            )
            if result["violations"]:
                violations[path] = [violation["id"] for violation in result["violations"]]
        browser.close()
    assert violations == {}
