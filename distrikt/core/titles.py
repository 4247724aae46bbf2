"""The document `<title>`: what a reader (and a search result, a browser tab) is told a page is.

The title is in the interface language wherever we can give one: a page with an English
version gives that version's title on the English site, the sections every install has
get their interface labels (as in the menu and the breadcrumbs), and a page whose text
exists only in Norwegian keeps its title and says, in English, that it is in Norwegian.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from wagtail.models import Page

from .navigation import SECTION_LABELS

HOME_DEPTH = 2
SECTION_DEPTH = 3


def page_title(page: Page, language: str | None = None) -> str:
    """The page's part of the document title in `language` (default: the active one); "" for the home page."""
    language = language or get_language() or ""
    if page.depth == HOME_DEPTH:
        return ""
    if language == "en":
        english = getattr(page, "english_version", None)
        if english is not None and english.live:
            return english.seo_title or english.title
    if page.depth == SECTION_DEPTH and page.slug in SECTION_LABELS:
        return str(SECTION_LABELS[page.slug])
    title = page.seo_title or page.title
    written_in = getattr(page, "language", "") or "nn"
    if language == "en" and written_in != "en":
        return _("%(title)s (på norsk)") % {"title": title}
    return title


def document_title(title: str) -> SafeString:
    """The whole `<title>` (HTML-escaped): the page's part and the site's name, or the site and what it is.

    `title` is plain text or already-escaped markup (a rendered template block).
    """
    if not title.strip():
        return format_html("{} – {}", _("Distriktssenteret"), _("Kompetansesenter for distriktsutvikling"))
    site_name = pgettext("site name at the end of the document title", "Distriktssenteret")
    stripped = mark_safe(title.strip()) if isinstance(title, SafeData) else title.strip()  # noqa: S308 - stays escaped
    return format_html("{} – {}", stripped, site_name)
