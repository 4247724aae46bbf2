"""The main navigation: top-level pages shown in menus plus app views that declare an entry.

An app adds a link by setting `navigation_entry = (slug, label, url_name)` on its AppConfig.
Only what exists is linked; the order follows settings.MAIN_NAVIGATION_ORDER.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from wagtail.models import Page, Site

from .derived import get_or_compute

# Bumped whenever the menu may change (a top-level page, or a model that changes every
# page, see core.signals); the entries are then read again, once per site and language.
NAVIGATION_DATASET = "navigation"


@dataclass(frozen=True)
class NavigationItem:
    slug: str
    label: str
    url: str
    is_active: bool = False


def build_main_navigation(request: HttpRequest) -> list[NavigationItem]:
    site = Site.find_for_request(request)
    entries = get_or_compute(
        NAVIGATION_DATASET,
        f"main-navigation:{site.pk if site else 0}",
        lambda: _navigation_entries(request, site),
        language=get_language(),
    )
    current = request.path
    return [
        NavigationItem(
            slug=slug,
            label=label,
            url=url,
            is_active=bool(url) and url != "/" and current.startswith(url),
        )
        for slug, label, url in entries
    ]


def _navigation_entries(request: HttpRequest, site: Site | None) -> list[tuple[str, str, str]]:
    """(slug, label, URL) of each menu entry, in menu order; the same for every request."""
    items: dict[str, tuple[str, str]] = {}
    if site is not None:
        for page in Page.objects.child_of(site.root_page).live().in_menu().only("slug", "title", "url_path"):
            items[page.slug] = (page.title, page.get_url(request=request))
    for app_config in apps.get_app_configs():
        entry = getattr(app_config, "navigation_entry", None)
        if entry:
            slug, label, url_name = entry
            try:
                items.setdefault(slug, (str(label), reverse(url_name)))
            except NoReverseMatch:
                continue
    order = {slug: position for position, slug in enumerate(settings.MAIN_NAVIGATION_ORDER)}
    ranked = sorted(items.items(), key=lambda item: (order.get(item[0], len(order)), item[1][0]))
    return [(slug, label, url) for slug, (label, url) in ranked]
