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
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

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
    items: dict[str, tuple[str, str, str]] = {}
    site = Site.find_for_request(request)
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
    current = request.path
    result = [
        NavigationItem(
            slug=slug,
            label=label,
            url=url,
            is_active=bool(url) and url != "/" and current.startswith(url),
            lang=lang,
        )
        for slug, (label, url, lang) in items.items()
    ]
    return sorted(result, key=lambda item: (order.get(item.slug, len(order)), item.label))
