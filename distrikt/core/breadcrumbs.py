"""One breadcrumb trail for pages in the tree and for plain views (profiles, registers).

A trail is the list of places below the home page, ending with the current one; the
component `components/breadcrumbs.html` puts the home page first and marks the last crumb
as the current page. Pages get theirs from `BasePage.get_context`; a plain view passes
`trail((url, title), …)` as `breadcrumbs` in its context.
"""

from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Crumb:
    """One step of the trail."""

    url: str
    title: str


def page_trail(page, request: HttpRequest | None = None) -> list[Crumb]:
    """The live ancestors of a page below the home page, then the page itself."""
    ancestors = [ancestor for ancestor in page.get_ancestors().filter(depth__gte=3) if ancestor.live]
    return [Crumb(item.get_url(request) or "", item.title) for item in [*ancestors, page]]


def trail(*steps: tuple[str, str]) -> list[Crumb]:
    """A trail for a view outside the page tree, from (url, title) pairs; the last is the current page."""
    return [Crumb(str(url), str(title)) for url, title in steps]
