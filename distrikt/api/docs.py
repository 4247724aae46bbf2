"""The API documentation page: django-ninja's Swagger UI, served from our own static files.

Ninja's default page loads Swagger UI from a CDN, which the Content-Security-Policy
(script-src 'self') refuses. This docs class keeps ninja's settings and context but renders
our template, which loads the swagger-ui-dist copy in static/vendor/swagger-ui/ and starts it
from a static module instead of an inline script.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger


class SelfHostedSwagger(Swagger):
    """Swagger UI without a CDN: `api/swagger.html` with our static files."""

    template = "api/swagger.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        # Ninja renders from a CDN unless "ninja" is an installed app; ours is a plain template.
        swagger_settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        return render(request, self.template, {"swagger_settings": swagger_settings, "api": api})
