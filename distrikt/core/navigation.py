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

from .derived import get_or_compute

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


def build_main_navigation(request: HttpRequest) -> list[NavigationItem]:
    site = Site.find_for_request(request)
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
