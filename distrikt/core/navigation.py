"""The main navigation: top-level pages shown in menus plus app views that declare an entry.

An app adds a link by setting `navigation_entry = (slug, label, url_name)` on its AppConfig.
Only what exists is linked; the order follows settings.MAIN_NAVIGATION_ORDER.

A menu page's title is editorial text in the page's own language; the sections every
install has get interface labels (`SECTION_LABELS`), so the English menu is English.
Any other page keeps its title, marked with its language.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from .derived import dataset_versions, get_or_compute

# Bumped whenever the menu may change (a top-level page, or a model that changes every
# page, see core.signals); the entries are then read again, once per site and language.
NAVIGATION_DATASET = "navigation"

# Interface labels of the top-level sections, by the slug of their page or app entry.
SECTION_LABELS = {
    "kunnskap": _("Kunnskap"),
    "arrangement": _("Arrangement"),
    "om-oss": _("Om oss"),
    "merkur": _("Merkur"),
}


@dataclass(frozen=True)
class NavigationItem:
    slug: str
    label: str
    url: str
    is_active: bool = False
    # The language of the label when it is a page title in another language than the interface.
    lang: str = ""


# The site of each (host, port) seen, for one version of `navigation` (a Site change bumps it).
_sites: dict[tuple[str, str], Site | None] = {}
_sites_version: object = None
SITES_LIMIT = 64


def site_for_request(request: HttpRequest) -> Site | None:
    """`Site.find_for_request` without a query on every request that is not a cache hit.

    The answer is kept in the process per host and port until `navigation` is bumped, which
    saving or deleting a Site does (core.signals); it is also put where Wagtail keeps its own
    answer on the request, so page URLs rendered later in the request use it.
    """
    global _sites, _sites_version
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = (request.get_host(), request.get_port())
    version = dataset_versions([NAVIGATION_DATASET])[NAVIGATION_DATASET]
    if version != _sites_version:
        _sites, _sites_version = {}, version
    sites = _sites
    if key in sites:
        site = sites[key]
        request._wagtail_site = site  # type: ignore[attr-defined]
        return site
    site = Site.find_for_request(request)
    if len(sites) < SITES_LIMIT:
        sites[key] = site
    return site


def build_main_navigation(request: HttpRequest) -> list[NavigationItem]:
    site = site_for_request(request)
    entries = get_or_compute(
        NAVIGATION_DATASET,
        f"main-navigation:{site.pk if site else 0}",
        lambda: _navigation_entries(request, site),
        language=get_language(),
        in_process=True,
    )
    current = request.path
    return [
        NavigationItem(
            slug=slug,
            label=label,
            url=url,
            is_active=bool(url) and url != "/" and current.startswith(url),
            lang=lang,
        )
        for slug, label, url, lang in entries
    ]


def _navigation_entries(request: HttpRequest, site: Site | None) -> list[tuple[str, str, str, str]]:
    """(slug, label, URL, language) of each menu entry, in menu order; the same for every request."""
    items: dict[str, tuple[str, str, str]] = {}
    if site is not None:
        for page in Page.objects.child_of(site.root_page).live().in_menu().specific():
            if page.slug in SECTION_LABELS:
                items[page.slug] = (str(SECTION_LABELS[page.slug]), page.get_url(request=request), "")
            else:
                language = getattr(page, "language", "") or settings.LANGUAGE_CODE
                items[page.slug] = (page.title, page.get_url(request=request), language)
    for app_config in apps.get_app_configs():
        entry = getattr(app_config, "navigation_entry", None)
        if entry:
            slug, label, url_name = entry
            try:
                items.setdefault(slug, (str(label), reverse(url_name), ""))
            except NoReverseMatch:
                continue
    order = {slug: position for position, slug in enumerate(settings.MAIN_NAVIGATION_ORDER)}
    ranked = sorted(items.items(), key=lambda item: (order.get(item[0], len(order)), item[1][0]))
    return [(slug, label, url, lang) for slug, (label, url, lang) in ranked]


# The footer's links to these pages of the site settings, in footer order.
FOOTER_PAGE_FIELDS = ("contact_page", "accessibility_page", "privacy_page")


@dataclass(frozen=True)
class FooterFacts:
    """What the footer of every page shows from the site settings."""

    text: str
    email: str
    contact_url: str
    accessibility_url: str
    privacy_url: str


def footer_facts(request: HttpRequest) -> FooterFacts:
    """The footer's settings and page links, read once per change of the menu data.

    Saving the site settings bumps `navigation` (they change every page), and so does
    publishing, unpublishing or moving one of the linked pages (see core.signals).
    """
    site = site_for_request(request)
    return get_or_compute(
        NAVIGATION_DATASET,
        f"footer:{site.pk if site else 0}",
        lambda: _footer_facts(request, site),
        language=get_language(),
        in_process=True,
    )


def _footer_facts(request: HttpRequest, site: Site | None) -> FooterFacts:
    row = apps.get_model("core", "SiteSettings").load(request_or_site=site)
    urls = {}
    for name in FOOTER_PAGE_FIELDS:
        page = getattr(row, name)
        urls[name] = (page.get_url(request=request) or "") if page is not None and page.live else ""
    return FooterFacts(
        text=row.footer_text,
        email=row.organisation_email,
        contact_url=urls["contact_page"],
        accessibility_url=urls["accessibility_page"],
        privacy_url=urls["privacy_page"],
    )


def footer_page_paths() -> list[tuple[int, str]]:
    """(id, tree path) of the pages the footer links to, on any site."""
    rows = apps.get_model("core", "SiteSettings").objects.values_list(
        *(f"{name}_id" for name in FOOTER_PAGE_FIELDS)
    )
    ids = {pk for row in rows for pk in row if pk is not None}
    return list(Page.objects.filter(pk__in=ids).values_list("pk", "path")) if ids else []
