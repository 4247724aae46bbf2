"""One breadcrumb trail for pages in the tree and for plain views (profiles, registers).

A trail is the list of places below the home page, ending with the current one; the
component `components/breadcrumbs.html` puts the home page first and marks the last crumb
as the current page. Pages get theirs from `BasePage.get_context`; a plain view passes
`trail((url, title), …)` as `breadcrumbs` in its context.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from .navigation import SECTION_LABELS


@dataclass(frozen=True)
class Crumb:
    """One step of the trail."""

    url: str
    title: str
    # The language of a page title written in another language than the interface.
    lang: str = ""


def page_trail(page, request: HttpRequest | None = None) -> list[Crumb]:
    """The live ancestors of a page below the home page, then the page itself."""
    ancestors = [
        ancestor for ancestor in page.get_ancestors().filter(depth__gte=3).specific() if ancestor.live
    ]
    return [_crumb(item, request) for item in [*ancestors, page]]


def _crumb(page, request: HttpRequest | None) -> Crumb:
    """A top-level section is named in the interface language; other pages by their title."""
    url = page.get_url(request) or ""
    if page.depth == 3 and page.slug in SECTION_LABELS:
        return Crumb(url, str(SECTION_LABELS[page.slug]))
    return Crumb(url, page.title, getattr(page, "language", ""))


def trail(*steps: tuple[str, str]) -> list[Crumb]:
    """A trail for a view outside the page tree, from (url, title) pairs; the last is the current page."""
    return [Crumb(str(url), str(title)) for url, title in steps]
