"""URL map. Interface language is the URL prefix (/nb/, /en/); Nynorsk has none.

Each app owns its URLs under a Norwegian path; Wagtail serves every editorial page
through the catch-all at the end.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_page

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from distrikt.api.api import api
from distrikt.core import views as core_views
from distrikt.core.sitemap import AppViewSitemap, PageSitemap
from distrikt.search.api import router as search_api_router

# The search app owns its API routes; they join the API here, before `api.urls` is built,
# so that neither `search` nor `api` imports the other.
api.add_router("/", search_api_router)

SITEMAP_CACHE_SECONDS = 60 * 60

urlpatterns = [
    path("ping", core_views.ping, name="ping"),
    # HealthCheckMiddleware answers these two first; the routes name them for reverse().
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    # Building it reads every page and every municipality profile (seconds); crawlers read it
    # daily, so an hour's delay is fine. Keyed on the full URL, so per host.
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap),
        {"sitemaps": {"pages": PageSitemap, "views": AppViewSitemap}},
        name="sitemap",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    # Each app's urls.py names its own prefixes (see docs/architecture.md, "URL space").
    path("", include("distrikt.municipalities.urls")),
    path("", include("distrikt.knowledge.urls")),
    path("", include("distrikt.events.urls")),
    path("", include("distrikt.merkur.urls")),
    path("", include("distrikt.democracy.urls")),
    path("", include("distrikt.search.urls")),
    path("", include("distrikt.organisation.urls")),
    path("", include("distrikt.briefs.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "distrikt.core.views.server_error"
