"""The pages of the ID-porten login (see idporten.py): start, callback, link, unlink, no access.

Every one answers 404 while ID-porten is not configured. ID-porten knows one callback
address, so the flow runs under the unprefixed (Nynorsk) URLs whatever the interface
language, and the pages after it are shown in the language the login started in.
"""

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import requests
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import idporten, services
from .views import merkur_login_required

logger = logging.getLogger(__name__)

LINK_PARAMETER = "kople"


def _require_enabled() -> None:
    if not idporten.is_enabled():
        raise Http404


class IdPortenLoginView(OIDCAuthenticationRequestView):
    """Send the browser to ID-porten with the level of assurance and the interface language.

    With `?kople=1` from a logged-in user, the identity that logs in is linked to their
    account instead (see IdPortenCallbackView); ID-porten then asks for a fresh login.
    """

    get_settings = staticmethod(idporten.oidc_setting)

    def __init__(self, **kwargs: Any) -> None:
        # The library reads the endpoint here; ours is read (from discovery) on request.
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)

    # The library's own attribute names, looked up when a login starts.
    @property
    def OIDC_OP_AUTH_ENDPOINT(self) -> str:
        return idporten.endpoint("authorization_endpoint")

    @property
    def OIDC_RP_CLIENT_ID(self) -> str:
        return settings.IDPORTEN_CLIENT_ID

    def get(self, request: HttpRequest) -> HttpResponse:
        _require_enabled()
        language = idporten.ui_locale(getattr(request, "LANGUAGE_CODE", None))
        request.session[idporten.LANGUAGE_SESSION_KEY] = language
        self.is_linking = bool(request.GET.get(LINK_PARAMETER)) and request.user.is_authenticated
        if self.is_linking:
            request.session[idporten.LINK_SESSION_KEY] = request.user.pk
        else:
            request.session.pop(idporten.LINK_SESSION_KEY, None)
        try:
            # One callback address for every language: the unprefixed one.
            with translation.override(settings.LANGUAGE_CODE):
                return super().get(request)
        except idporten.IdPortenUnavailable:
            logger.warning("ID-porten's discovery document could not be read", exc_info=True)
            messages.error(request, _("ID-porten svarar ikkje no. Prøv igjen om litt."))
            return redirect(
                idporten.reverse_in(language, "merkur:my_shops" if self.is_linking else "merkur:login")
            )

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        params = {
            "acr_values": settings.IDPORTEN_ACR_VALUES,
            "ui_locales": request.session[idporten.LANGUAGE_SESSION_KEY],
        }
        if self.is_linking:
            # Whoever sits at the browser proves it now, not an earlier single sign-on session.
            params["prompt"] = "login"
        return params


class IdPortenCallbackView(OIDCAuthenticationCallbackView):
    """ID-porten returns here: log in the merchant with that identity, link it, or explain why not."""

    get_settings = staticmethod(idporten.oidc_setting)

    def get(self, request: HttpRequest) -> HttpResponse:
        _require_enabled()
        self.language = request.session.get(idporten.LANGUAGE_SESSION_KEY)
        if request.GET.get("error"):
            # Cancelled at ID-porten, or refused there. Unlike the library, keep a password
            # session that started a link: the merchant only changed their mind.
            states = request.session.get("oidc_states") or {}
            if states.pop(request.GET.get("state", ""), None) is not None:
                request.session["oidc_states"] = states
            return self.login_failure()
        if request.GET.get("iss", settings.IDPORTEN_ISSUER) != settings.IDPORTEN_ISSUER:
            # An answer from another provider (RFC 9207: mix-up), whatever its state says.
            logger.warning("ID-porten login refused: the answer names another issuer")
            return self.login_failure()
        try:
            return super().get(request)
        except SuspiciousOperation:
            # An unknown state (a forged or replayed answer, or another browser's), or an
            # id_token that fails a check. Nobody is logged in.
            logger.warning("ID-porten login refused", exc_info=True)
            return self.login_failure()
        except (requests.RequestException, idporten.IdPortenUnavailable):
            logger.warning("ID-porten did not answer the token request", exc_info=True)
            return self.login_failure()

    @property
    def success_url(self) -> str:
        next_url = self.request.session.get("oidc_login_next")
        return next_url or idporten.reverse_in(self.language, "merkur:my_shops")

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        self.request.session[idporten.LOGGED_IN_SESSION_KEY] = True
        if getattr(self.request, idporten.OUTCOME_ATTRIBUTE, None) == idporten.LINKED:
            with translation.override(idporten.ui_locale(self.language)):
                messages.success(
                    self.request,
                    _("Kontoen din er kopla til ID-porten. No kan du logge inn med ID-porten."),
                )
            return HttpResponseRedirect(idporten.reverse_in(self.language, "merkur:my_shops"))
        return response

    def login_failure(self) -> HttpResponse:
        outcome = getattr(self.request, idporten.OUTCOME_ATTRIBUTE, None)
        if outcome == idporten.UNKNOWN_IDENTITY:
            return HttpResponseRedirect(idporten.reverse_in(self.language, "merkur:idporten_no_access"))
        with translation.override(idporten.ui_locale(self.language)):
            if outcome == idporten.IDENTITY_IN_USE:
                message = _(
                    "Denne ID-porten-identiteten er alt kopla til ein annan konto. Ta kontakt med Merkur-rådgivarane."
                )
            elif outcome == idporten.LEVEL_TOO_LOW:
                message = _(
                    "Innlogginga hadde lågare tryggleiksnivå enn tenesta krev. Vel BankID, Buypass eller Commfides i ID-porten."
                )
            else:
                message = _("Innlogginga med ID-porten vart avbroten eller mislukkast. Prøv igjen.")
            messages.error(self.request, message)
        is_logged_in = getattr(self.request, "user", None) is not None and self.request.user.is_authenticated
        return HttpResponseRedirect(
            idporten.reverse_in(self.language, "merkur:my_shops" if is_logged_in else "merkur:login")
        )


def idporten_no_access(request: HttpRequest) -> HttpResponse:
    """After a login with an identity no Merkur account is linked to: how to get access."""
    _require_enabled()
    return render(
        request,
        "merkur/idporten/no_access.html",
        {"contact_email": settings.MERKUR_CONTACT_EMAIL},
    )


@merkur_login_required
@require_POST
def idporten_unlink(request: HttpRequest) -> HttpResponse:
    """Stop logging in with ID-porten (the password stays)."""
    _require_enabled()
    services.unlink_idporten_identity(request.user)
    messages.success(request, _("Kontoen din er ikkje lenger kopla til ID-porten."))
    return redirect("merkur:my_shops")
