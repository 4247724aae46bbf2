"""With the production static storage, pages link hashed file names that browsers keep for
good, and names without a hash are kept only briefly.

The files are collected once per session with the production settings
(`collected_static_root`); WhiteNoise then serves them as it does behind gunicorn.
"""

import re

from django.conf import settings as django_settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

YEAR = 31_536_000


@pytest.fixture
def production_static(settings, collected_static_root):
    settings.STATIC_ROOT = collected_static_root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    settings.DEBUG = False
    # A new client builds a new handler, so WhiteNoise reads these settings.
    return Client()


def max_age(cache_control: str) -> int:
    match = re.search(r"max-age=(\d+)", cache_control)
    assert match, cache_control
    return int(match.group(1))


def test_pages_link_static_files_by_hashed_name(production_static, home_page):
    html = production_static.get("/").content.decode()
    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', html)
    assert 'href="/static/css/site.css"' not in html


def test_hashed_static_files_are_kept_for_a_year_and_never_revalidated(production_static):
    hashed_url = staticfiles_storage.url("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", hashed_url)
    response = production_static.get(hashed_url)
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert max_age(response["Cache-Control"]) >= YEAR


def test_static_files_without_a_hash_are_kept_only_briefly(production_static):
    response = production_static.get("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert max_age(response["Cache-Control"]) == django_settings.WHITENOISE_MAX_AGE <= 3600


def test_compressed_copies_are_served_to_browsers_that_accept_them(production_static):
    response = production_static.get(staticfiles_storage.url("css/site.css"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] in {"gzip", "br"}
    assert "Accept-Encoding" in response["Vary"]
