"""Login with ID-porten for Merkur merchants: OpenID Connect through mozilla-django-oidc.

On only when IDPORTEN_CLIENT_ID, IDPORTEN_CLIENT_SECRET and IDPORTEN_ISSUER are set. The
library's settings (`OIDC_*`) are not in the settings files: `oidc_setting` answers them
from the IDPORTEN_* settings and from the issuer's discovery document, fetched when first
needed and cached, so a site starts (and password logins work) while ID-porten is away.

What ID-porten documents and this module does:
- the authorisation code flow with state, nonce and PKCE;
- `acr_values` asks for the level of assurance (IDPORTEN_ACR_VALUES), and the `acr` in the
  id_token must be that level or higher (`idporten-loa-substantial` < `idporten-loa-high`);
- `ui_locales` sends the interface language (nn, nb or en);
- the id_token is checked for signature (the provider's JWKS), expiry, nonce, issuer and
  audience; the user is found by the `pid` claim (the national identity number), of which
  only a keyed hash is kept (`distrikt.merkur.models.pid_digest`);
- nobody gets an account by logging in: an unknown `pid` is refused, and a merchant links
  their identity themselves after a password login (`services.link_idporten_identity`).
"""

import logging
import re
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

import requests
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from . import services
from .models import MerchantProfile

logger = logging.getLogger(__name__)

# Levels of assurance from ID-porten, lowest first.
ACR_LEVELS = ("idporten-loa-substantial", "idporten-loa-high")
# ID-porten's interface languages are nb, nn, en and se; ours are the first three.
UI_LOCALES = ("nn", "nb", "en")
CALLBACK_URL_NAME = "merkur:idporten_callback"
DISCOVERY_CACHE_SECONDS = 24 * 3600
PID_PATTERN = re.compile(r"\d{11}")

# Session keys. The login language, so the pages after ID-porten speak it; the account a
# logged-in user asked to link; and that the session came through ID-porten (for logout).
LANGUAGE_SESSION_KEY = "idporten_language"
LINK_SESSION_KEY = "idporten_link_user"
LOGGED_IN_SESSION_KEY = "idporten_session"

# What the backend found, for the callback view to explain (set on the request).
OUTCOME_ATTRIBUTE = "idporten_outcome"
UNKNOWN_IDENTITY = "unknown_identity"
LEVEL_TOO_LOW = "level_too_low"
IDENTITY_IN_USE = "identity_in_use"
LINK_REFUSED = "link_refused"
LINKED = "linked"


class IdPortenUnavailable(Exception):
    """ID-porten's discovery document could not be read."""


def is_enabled() -> bool:
    return bool(settings.IDPORTEN_CLIENT_ID and settings.IDPORTEN_CLIENT_SECRET and settings.IDPORTEN_ISSUER)


def _discovery_url() -> str:
    return settings.IDPORTEN_ISSUER.rstrip("/") + "/.well-known/openid-configuration"


def provider_metadata() -> dict[str, Any]:
    """The issuer's discovery document (OpenID Connect Discovery), cached for a day."""
    key = f"merkur:idporten:discovery:{_discovery_url()}"
    metadata = cache.get(key)
    if metadata is not None:
        return metadata
    try:
        response = requests.get(_discovery_url(), timeout=settings.IDPORTEN_TIMEOUT)
        response.raise_for_status()
        metadata = response.json()
    except (requests.RequestException, ValueError) as error:
        raise IdPortenUnavailable(str(error)) from error
    if not isinstance(metadata, dict) or metadata.get("issuer") != settings.IDPORTEN_ISSUER:
        raise IdPortenUnavailable("the discovery document names another issuer")
    cache.set(key, metadata, DISCOVERY_CACHE_SECONDS)
    return metadata


def endpoint(name: str) -> str:
    """An endpoint of the provider: from its own setting when set, else from discovery."""
    explicit = {
        "authorization_endpoint": settings.IDPORTEN_AUTHORIZATION_ENDPOINT,
        "token_endpoint": settings.IDPORTEN_TOKEN_ENDPOINT,
        "jwks_uri": settings.IDPORTEN_JWKS_ENDPOINT,
        "end_session_endpoint": settings.IDPORTEN_END_SESSION_ENDPOINT,
    }.get(name, "")
    if explicit:
        return explicit
    return str(provider_metadata().get(name) or "")


def end_session_endpoint() -> str:
    """Where to end the ID-porten session at logout; empty when none is known."""
    try:
        return endpoint("end_session_endpoint")
    except IdPortenUnavailable:
        return ""


def requested_acr() -> str:
    return settings.IDPORTEN_ACR_VALUES.split()[0] if settings.IDPORTEN_ACR_VALUES.strip() else ACR_LEVELS[0]


def is_level_sufficient(acr: object) -> bool:
    """True when the level reached is the one asked for or higher."""
    wanted = requested_acr()
    if acr not in ACR_LEVELS or wanted not in ACR_LEVELS:
        return acr == wanted
    return ACR_LEVELS.index(str(acr)) >= ACR_LEVELS.index(wanted)


def ui_locale(language: str | None) -> str:
    return language if language in UI_LOCALES else settings.LANGUAGE_CODE


def reverse_in(language: str | None, name: str) -> str:
    """The URL of a named view in the given interface language (its prefix)."""
    with translation.override(ui_locale(language)):
        return reverse(name)


def logout_url(request: HttpRequest) -> str:
    """The address that ends the ID-porten session too, for a session that logged in there.

    Empty when the session did not use ID-porten or no end_session_endpoint is known. Read
    it before the local logout, which empties the session. The id_token (it holds the pid)
    is not kept, so the client_id names the client, as RP-Initiated Logout 1.0 allows.
    """
    if not is_enabled() or not request.session.get(LOGGED_IN_SESSION_KEY):
        return ""
    end_session = end_session_endpoint()
    if not end_session:
        return ""
    query = urlencode(
        {
            "client_id": settings.IDPORTEN_CLIENT_ID,
            # Registered at ID-porten like the callback: one address, without a language prefix.
            "post_logout_redirect_uri": request.build_absolute_uri(
                reverse_in(settings.LANGUAGE_CODE, "merkur:shop_list")
            ),
            "ui_locales": ui_locale(getattr(request, "LANGUAGE_CODE", None)),
        }
    )
    return f"{end_session}{'&' if '?' in end_session else '?'}{query}"


# The library's settings, answered from ours. Callables are read when asked, so a test's or
# a deployment's change of IDPORTEN_* takes effect without a restart of this module.
_OIDC_SETTINGS: dict[str, Any] = {
    "OIDC_RP_CLIENT_ID": lambda: settings.IDPORTEN_CLIENT_ID,
    "OIDC_RP_CLIENT_SECRET": lambda: settings.IDPORTEN_CLIENT_SECRET,
    "OIDC_OP_AUTHORIZATION_ENDPOINT": lambda: endpoint("authorization_endpoint"),
    "OIDC_OP_TOKEN_ENDPOINT": lambda: endpoint("token_endpoint"),
    "OIDC_OP_JWKS_ENDPOINT": lambda: endpoint("jwks_uri"),
    # ID-porten's userinfo holds nothing the id_token lacks; the claims come from the id_token.
    "OIDC_OP_USER_ENDPOINT": lambda: "",
    "OIDC_RP_SCOPES": lambda: settings.IDPORTEN_SCOPES,
    "OIDC_TOKEN_USE_BASIC_AUTH": lambda: settings.IDPORTEN_TOKEN_AUTH_METHOD == "client_secret_basic",  # noqa: S105
    "OIDC_TIMEOUT": lambda: settings.IDPORTEN_TIMEOUT,
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_RP_IDP_SIGN_KEY": None,
    "OIDC_USE_NONCE": True,
    "OIDC_USE_PKCE": True,
    "OIDC_VERIFY_SSL": True,
    "OIDC_ALLOW_UNSECURED_JWT": False,
    "OIDC_CREATE_USER": False,
    # The id_token holds the pid: it is not kept in the session store.
    "OIDC_STORE_ID_TOKEN": False,
    "OIDC_STORE_ACCESS_TOKEN": False,
    "OIDC_AUTHENTICATION_CALLBACK_URL": CALLBACK_URL_NAME,
}


def oidc_setting(attr: str, *default: Any) -> Any:
    """mozilla-django-oidc's `get_settings`, answered for ID-porten."""
    if attr in _OIDC_SETTINGS:
        value = _OIDC_SETTINGS[attr]
        return value() if callable(value) else value
    return import_from_settings(attr, *default)


class IdPortenBackend(OIDCAuthenticationBackend):
    """Finds the merchant whose linked ID-porten identity (`pid`) logged in; never creates one.

    Asked by every `authenticate()` call (Django tries each backend), it answers only
    ID-porten's callback, which passes a nonce, and only when ID-porten is configured.
    """

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The library reads its endpoints here; ours are read when a login needs them, so
        # building the backend for a password login costs no request to ID-porten.
        self.UserModel = get_user_model()
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None

    # The library's own attribute names, looked up when a login needs them.
    @property
    def OIDC_OP_TOKEN_ENDPOINT(self) -> str:
        return endpoint("token_endpoint")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self) -> str:
        return endpoint("jwks_uri")

    @property
    def OIDC_OP_USER_ENDPOINT(self) -> str:
        return ""

    @property
    def OIDC_RP_CLIENT_ID(self) -> str:
        return settings.IDPORTEN_CLIENT_ID

    @property
    def OIDC_RP_CLIENT_SECRET(self) -> str:
        return settings.IDPORTEN_CLIENT_SECRET

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        if (
            request is None
            or not is_enabled()
            or "nonce" not in kwargs
            or set(kwargs) - {"nonce", "code_verifier"}
        ):
            return None
        # The redirect_uri sent to the token endpoint must be the one the login started with,
        # which has no language prefix (see idporten_views.IdPortenLoginView).
        with translation.override(settings.LANGUAGE_CODE):
            return super().authenticate(request, **kwargs)

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The library checks signature, expiry and nonce; OIDC Core 3.1.3.7 also wants these."""
        payload = super().verify_token(token, **kwargs)
        if payload.get("iss") != settings.IDPORTEN_ISSUER:
            raise SuspiciousOperation("The id_token comes from another issuer.")
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        if settings.IDPORTEN_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The id_token is meant for another client.")
        if len(audiences) > 1 and payload.get("azp") != settings.IDPORTEN_CLIENT_ID:
            raise SuspiciousOperation("The id_token names another authorised party.")
        return payload

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> dict[str, Any]:
        return payload

    def _set_outcome(self, outcome: str) -> None:
        setattr(self.request, OUTCOME_ATTRIBUTE, outcome)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not is_level_sufficient(claims.get("acr")):
            self._set_outcome(LEVEL_TOO_LOW)
            return False
        return bool(PID_PATTERN.fullmatch(str(claims.get("pid") or "")))

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            return None
        pid = str(claims["pid"])
        link_user_id = self.request.session.pop(LINK_SESSION_KEY, None)
        if link_user_id is not None:
            return self._link(link_user_id, pid)
        profile = MerchantProfile.objects.for_pid(pid).select_related("user").first()
        if profile is None:
            self._set_outcome(UNKNOWN_IDENTITY)
            return None
        return profile.user

    def _link(self, link_user_id: object, pid: str) -> Any:
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated or user.pk != link_user_id:
            self._set_outcome(LINK_REFUSED)
            return None
        try:
            services.link_idporten_identity(user, pid)
        except services.IdentityAlreadyLinked:
            self._set_outcome(IDENTITY_IN_USE)
            return None
        self._set_outcome(LINKED)
        return user

    def get_user(self, user_id: Any) -> Any:
        # As the password backend: an account made inactive ends its sessions.
        return ModelBackend.get_user(self, user_id)
