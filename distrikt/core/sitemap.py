"""sitemap.xml: every live page and every app's public list views, in all three languages.

An app names its public views (those that are not Wagtail pages) by setting
`sitemap_url_names = ["municipalities:overview", ...]` on its AppConfig, and its public
detail views with a method `sitemap_detail_entries()` returning (url name, kwargs) pairs.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from wagtail.models import Site


class PageSitemap(Sitemap):
    """Live, public pages of the default site; apps add their own entries through pages."""

    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return []
        entries = []
        pages = site.root_page.get_descendants(inclusive=True).live().public().specific().order_by("path")
        for page in pages:
            extra = getattr(page, "get_extra_sitemap_paths", None)
            entries.append((page, None))
            if extra:
                entries.extend((page, path) for path in extra())
        return entries

    def location(self, item) -> str:
        page, subpath = item
        url_parts = page.get_url_parts()
        url = url_parts[2] if url_parts else "/"
        return url + subpath if subpath else url

    def lastmod(self, item):
        return item[0].last_published_at


class AppViewSitemap(Sitemap):
    """The apps' own public views (municipalities, counties, the Merkur register …)."""

    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]

    def items(self) -> list[tuple[str, dict]]:
        entries: list[tuple[str, dict]] = []
        for app_config in apps.get_app_configs():
            for name in getattr(app_config, "sitemap_url_names", ()):
                try:
                    reverse(name)
                except NoReverseMatch:
                    continue
                entries.append((name, {}))
            details = getattr(app_config, "sitemap_detail_entries", None)
            if details is not None:
                entries.extend(details())
        return entries

    def location(self, item: tuple[str, dict]) -> str:
        name, kwargs = item
        return reverse(name, kwargs=kwargs)
