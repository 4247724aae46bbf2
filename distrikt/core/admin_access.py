"""Django's own admin (/django-admin/) answers only superusers from listed addresses.

Everyone else, and everyone when `DJANGO_ADMIN_ALLOWED_IPS` is empty (the default), gets
a plain 404, so the route does not even show that it exists. Superusers log in through
the Wagtail admin (/admin/) first; the session is the same.
"""

import ipaddress
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

from .clientip import client_ip

DJANGO_ADMIN_PREFIX = "/django-admin/"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _allowed_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def is_allowed_address(address: str) -> bool:
    """True when `address` is in one of the addresses or networks of DJANGO_ADMIN_ALLOWED_IPS."""
    networks = _allowed_networks(tuple(settings.DJANGO_ADMIN_ALLOWED_IPS))
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def may_use_django_admin(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_active and user.is_superuser and is_allowed_address(client_ip(request)))


class DjangoAdminGateMiddleware:
    """Answer 404 on /django-admin/ unless `may_use_django_admin` (after authentication)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(DJANGO_ADMIN_PREFIX) and not may_use_django_admin(request):
            raise Http404
        return self.get_response(request)
