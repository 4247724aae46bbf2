"""The real address of the client, for rate limits, login throttling and log lines.

Behind N trusted reverse proxies (`TRUSTED_PROXY_COUNT`), each proxy appends the address
it received the request from to `X-Forwarded-For`, so the client is the Nth entry from
the right; everything to the left of it was written by the client and can be forged.
With no proxies (the default, 0) the address is `REMOTE_ADDR`. A missing, too short or
malformed header falls back to `REMOTE_ADDR` (the nearest proxy), never to a value the
client chose.
"""

import contextvars
import ipaddress
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

UNKNOWN_ADDRESS = "unknown"
_REQUEST_ATTRIBUTE = "_distrikt_client_ip"
_current_address: contextvars.ContextVar[str] = contextvars.ContextVar("client_ip", default="-")


def _valid_address(value: str) -> str | None:
    """The address in canonical form, or None if `value` is not a single IP address."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _address_from_forwarded_for(header: str, proxy_count: int) -> str | None:
    entries = [entry.strip() for entry in header.split(",")]
    if proxy_count > len(entries) or any(not entry for entry in entries):
        return None
    return _valid_address(entries[-proxy_count])


def client_ip(request: HttpRequest) -> str:
    """The client's IP address, chosen by `TRUSTED_PROXY_COUNT` (see the module docstring)."""
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is not None:
        return str(cached)
    remote = _valid_address(request.META.get("REMOTE_ADDR", "") or "")
    address = None
    proxy_count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if proxy_count > 0:
        address = _address_from_forwarded_for(request.META.get("HTTP_X_FORWARDED_FOR", ""), proxy_count)
    address = address or remote or UNKNOWN_ADDRESS
    setattr(request, _REQUEST_ATTRIBUTE, address)
    return address


def client_ip_for_axes(request: HttpRequest) -> str | None:
    """`client_ip` for django-axes, which stores it in an IP address column: None when unknown."""
    address = client_ip(request)
    return None if address == UNKNOWN_ADDRESS else address


class ClientAddressMiddleware:
    """Make the client's address known to every log line written while a request runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_address.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _current_address.reset(token)


class ClientAddressLogFilter(logging.Filter):
    """Give each log record a `client_ip` attribute ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.client_ip = client_ip(request)
        else:
            record.client_ip = _current_address.get()
        return True
