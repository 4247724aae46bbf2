"""The share of Nynorsk and Bokmål among published texts, counted in words.

The language law (mållova § 10) asks state bodies to use each written standard in at
least 25 % of their texts. We count words of every live page by its `language` field,
per year of first publication and per top-level section of the site.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

LEGAL_MINIMUM_SHARE = 0.25
COUNTED_STANDARDS = ("nn", "nb")
_WORD = re.compile(r"\w+", re.UNICODE)
_SKIPPED_FIELDS = {
    "slug",
    "language",
    "url_path",
    "draft_title",
    "seo_title",
    "path",
    "translation_key",
}


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def text_of_page(page: Page) -> str:
    """Collect the prose of a page: the fields its `search_fields` declare as searchable text.

    Only declared text counts, so links, e-mail addresses and private fields (such as an
    online event's streaming address) never leak into word counts or the search index.
    """
    parts: list[str] = []
    seen: set[str] = set()
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name in seen:
            continue
        seen.add(search_field.field_name)
        value = getattr(page, search_field.field_name, None)
        if callable(value):
            value = value()
        if value in (None, ""):
            continue
        try:
            model_field = page._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            model_field = None
        if isinstance(model_field, StreamField):
            parts.extend(str(item) for item in model_field.get_searchable_content(value))
        elif isinstance(model_field, RichTextField) or "<" in str(value):
            parts.append(strip_tags(str(value)))
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(part for part in parts if part)


@dataclass
class ShareRow:
    """Words per written standard in one group (a year, a section or the whole site)."""

    label: str
    words: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def counted_total(self) -> int:
        return sum(self.words[code] for code in COUNTED_STANDARDS)

    def share(self, code: str) -> float | None:
        total = self.counted_total
        return self.words[code] / total if total else None

    @property
    def nynorsk_share(self) -> float | None:
        return self.share("nn")

    @property
    def bokmaal_share(self) -> float | None:
        return self.share("nb")

    @property
    def is_within_law(self) -> bool:
        shares = [self.share(code) for code in COUNTED_STANDARDS]
        return all(share is not None and share >= LEGAL_MINIMUM_SHARE for share in shares)


@dataclass
class LanguageShareReport:
    total: ShareRow
    by_year: list[ShareRow]
    by_section: list[ShareRow]


def build_language_share_report() -> LanguageShareReport:
    """Count the words of every live page once and group them by year and section."""
    total = ShareRow(label="total")
    by_year: dict[str, ShareRow] = {}
    by_section: dict[str, ShareRow] = {}
    sections = {page.path: page.title for page in Page.objects.filter(depth=3).only("path", "title")}
    for page in Page.objects.live().filter(depth__gte=2).specific(defer=False).iterator(chunk_size=200):
        code = getattr(page, "language", None)
        if code is None:
            continue
        words = count_words(text_of_page(page))
        year = str(page.first_published_at.year) if page.first_published_at else "–"
        section = sections.get(page.path[:12], page.title if page.depth <= 2 else "–")
        total.words[code] += words
        by_year.setdefault(year, ShareRow(label=year)).words[code] += words
        by_section.setdefault(section, ShareRow(label=section)).words[code] += words
    return LanguageShareReport(
        total=total,
        by_year=[by_year[key] for key in sorted(by_year)],
        by_section=sorted(by_section.values(), key=lambda row: row.label),
    )
