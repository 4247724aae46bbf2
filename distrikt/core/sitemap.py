"""sitemap.xml: every live page in all three interface languages, with alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap

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
