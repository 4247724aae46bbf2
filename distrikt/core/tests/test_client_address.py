"""The real client address: REMOTE_ADDR, or the trusted entry of X-Forwarded-For."""

import logging

from django.http import HttpResponse
from django.test import RequestFactory, override_settings

import pytest

from distrikt.core.clientip import (
    ClientAddressLogFilter,
    ClientAddressMiddleware,
    client_ip,
    client_ip_for_axes,
)


def request_from(remote: str = "10.0.0.1", forwarded_for: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_address_is_remote_addr_and_the_header_is_ignored():
    assert client_ip(request_from("192.0.2.7", "203.0.113.5")) == "192.0.2.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_is_the_rightmost_forwarded_entry():
    assert client_ip(request_from("10.0.0.1", "198.51.100.66, 203.0.113.5")) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_address_is_the_second_entry_from_the_right():
    request = request_from("10.0.0.1", "1.1.1.1, 203.0.113.5 ,10.0.0.2")
    assert client_ip(request) == "203.0.113.5"


@pytest.mark.parametrize(
    "header",
    ["", "not-an-ip", "203.0.113.5,", ", 203.0.113.5", "203.0.113.5, 999.1.1.1", "<script>"],
)
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_missing_or_malformed_header_falls_back_to_remote_addr(header):
    assert client_ip(request_from("10.0.0.1", header)) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=3)
def test_a_header_shorter_than_the_proxy_count_falls_back_to_remote_addr():
    assert client_ip(request_from("10.0.0.1", "203.0.113.5, 10.0.0.2")) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_ipv6_addresses_are_given_in_canonical_form():
    assert client_ip(request_from("10.0.0.1", "2001:DB8:0:0::1")) == "2001:db8::1"


def test_an_invalid_remote_addr_gives_unknown_and_none_for_axes():
    assert client_ip(request_from("")) == "unknown"
    assert client_ip_for_axes(request_from("")) is None
    assert client_ip_for_axes(request_from("192.0.2.1")) == "192.0.2.1"


@pytest.mark.django_db
def test_force_login_without_a_client_address_is_recorded(client, django_user_model):
    """force_login sends a request without REMOTE_ADDR; axes stores its address as NULL (PostgreSQL refuses text)."""
    from axes.models import AccessLog

    client.force_login(django_user_model.objects.create_user("utan-adresse"))
    assert AccessLog.objects.get().ip_address is None


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_log_lines_written_during_a_request_carry_the_client_address():
    records: list[logging.LogRecord] = []
    log_filter = ClientAddressLogFilter()

    def view(request):
        record = logging.LogRecord("distrikt", logging.WARNING, __file__, 1, "hello", None, None)
        log_filter.filter(record)
        records.append(record)
        return HttpResponse()

    ClientAddressMiddleware(view)(request_from("10.0.0.1", "203.0.113.5"))
    assert records[0].client_ip == "203.0.113.5"

    outside = logging.LogRecord("distrikt", logging.WARNING, __file__, 1, "later", None, None)
    log_filter.filter(outside)
    assert outside.client_ip == "-"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_request_log_records_use_the_address_of_their_request():
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", None, None)
    record.request = request_from("10.0.0.1", "198.51.100.9")
    ClientAddressLogFilter().filter(record)
    assert record.client_ip == "198.51.100.9"
