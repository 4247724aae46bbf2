"""Content-Security-Policy on every response (django-csp), with a looser policy for the Wagtail admin.

The public site gets the strict `CONTENT_SECURITY_POLICY` from the settings: scripts,
styles and images from our own origin only, no inline code. The Wagtail admin (and the
page previews it shows in a frame) relies on inline scripts and styles, so responses
under `CSP_ADMIN_PATH_PREFIX` get `CSP_ADMIN_REPLACE` on top, the same way a view
decorated with `csp.decorators.csp_replace` would. A view's own decorator still wins.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from csp.middleware import CSPMiddleware, PolicyParts


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, replacing some directives on the Wagtail admin's paths."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX):
            parts.replace = {**settings.CSP_ADMIN_REPLACE, **(parts.replace or {})}
        return parts
