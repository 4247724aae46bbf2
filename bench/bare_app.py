"""The framework's floor: one Django view with no middleware, no database, no templates.

Served by the same gunicorn as the site in bench/scenario_page_cache.py:

    gunicorn --chdir bench bare_app:application
"""

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(64),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
    USE_I18N=False,
)


def bare(request: HttpRequest, anything: str = "") -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("", bare), path("<path:anything>", bare)]

application = get_wsgi_application()
