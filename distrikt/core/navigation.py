"""The main navigation: top-level pages shown in menus plus app views that declare an entry.

An app adds a link by setting `navigation_entry = (slug, label, url_name)` on its AppConfig.
Only what exists is linked; the order follows settings.MAIN_NAVIGATION_ORDER.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from wagtail.models import Page, Site


@dataclass(frozen=True)
class NavigationItem:
    slug: str
    label: str
    url: str
    is_active: bool = False


def build_main_navigation(request: HttpRequest) -> list[NavigationItem]:
    items: dict[str, tuple[str, str]] = {}
    site = Site.find_for_request(request)
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
    current = request.path
    result = [
        NavigationItem(
            slug=slug,
            label=label,
            url=url,
            is_active=bool(url) and url != "/" and current.startswith(url),
        )
        for slug, (label, url) in items.items()
    ]
    return sorted(result, key=lambda item: (order.get(item.slug, len(order)), item.label))
