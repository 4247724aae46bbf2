"""Personal registration links never reach a log: the filter replaces the token."""

import logging

from django.conf import settings

import pytest

from distrikt.core.logfilters import PersonalLinkFilter, redact

pytestmark = pytest.mark.django_db

TOKEN = "eyJyIjoxMiwicyI6ImFiYyJ9:1tZx8Q:Qk3v-abc_DEF"


def filtered(msg: str, args) -> str:
    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, msg, args, None)
    assert PersonalLinkFilter().filter(record) is True
    return record.getMessage()


def test_runserver_request_line_loses_the_token():
    line = filtered('"%s" %s %s', (f"GET /pamelding/12/{TOKEN}/ HTTP/1.1", "200", "5120"))
    assert TOKEN not in line
    assert line == '"GET /pamelding/12/[lenkje]/ HTTP/1.1" 200 5120'


def test_django_request_warning_loses_the_token():
    line = filtered("Not Found: %s", (f"/nb/pamelding/12/{TOKEN}/avmeld/",))
    assert line == "Not Found: /nb/pamelding/12/[lenkje]/avmeld/"


def test_gunicorn_access_log_with_named_atoms_loses_the_token():
    atoms = {"r": f"GET /pamelding/12/{TOKEN}/?ny=1 HTTP/1.1", "s": "200"}
    line = filtered('"%(r)s" %(s)s', (atoms,))
    assert TOKEN not in line
    assert "/pamelding/12/[lenkje]/?ny=1" in line


def test_other_lines_are_left_alone():
    assert filtered("GET %s", ("/arrangement/pamelding/",)) == "GET /arrangement/pamelding/"
    assert redact("/pamelding/") == "/pamelding/"


def test_the_console_handler_in_the_settings_uses_the_filter():
    console = settings.LOGGING["handlers"]["console"]
    assert "personal_links" in console["filters"]
    assert settings.LOGGING["filters"]["personal_links"]["()"].endswith("PersonalLinkFilter")


def test_gunicorn_logger_class_filters_its_access_log():
    from gunicorn.config import Config

    from distrikt.core.logfilters import RedactingGunicornLogger

    logger = RedactingGunicornLogger(Config())
    assert any(isinstance(item, PersonalLinkFilter) for item in logger.access_log.filters)
