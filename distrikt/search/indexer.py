"""Write pages and every registered source into the site-wide search index.

Weights: a term's weight is EXACT times its exact weight (ten for the title or a name,
one per body occurrence up to five) plus the weight it gets as part of compounds (at most
PART_CAP). So a document where the word stands alone always outranks one where it is only
part of a compound.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page

from distrikt.core.derived import bump_datasets
from distrikt.core.language_share import text_of_page
from distrikt.events.models import EventPage
from distrikt.knowledge.models import KnowledgeEntry, ThemePage
from distrikt.knowledge.sync import entry_data_for

from . import sources as search_sources
from .models import ResultType, SearchDocument, SearchTerm, SearchWord
from .morphology import MIN_COMPOUND, compound_parts, normalise, vocabulary_checker, words_of

TITLE_WEIGHT = 10
MAX_BODY_WEIGHT = 5
EXACT = 16
TITLE_PART_WEIGHT = 6
MAX_BODY_PART_WEIGHT = 3
PART_CAP = EXACT - 1
# The stored weight of a term that stands in the title.
TITLE_TERM_WEIGHT = TITLE_WEIGHT * EXACT
MAX_TEXT_LENGTH = 20_000
MIN_STORED_WORD = 3
# The version of the index: what a process derives from it (documents' facet data, term
# frequencies, see `engine`) is kept for one version. Every write below bumps it.
INDEX_DATASET = "search-index"
_is_bulk_write: ContextVar[bool] = ContextVar("search_index_bulk_write", default=False)


def index_changed() -> None:
    """The index changed: what was derived from it is stale (now, and again on commit)."""
    if not _is_bulk_write.get():
        bump_datasets(INDEX_DATASET)


@contextmanager
def bulk_write() -> Iterator[None]:
    """Many documents change at once: bump the version once, at the end, not per document."""
    token = _is_bulk_write.set(True)
    try:
        yield
    finally:
        _is_bulk_write.reset(token)
    index_changed()


def term_weights(title: str, text: str, is_known: Callable[[str], bool] | None = None) -> dict[str, int]:
    """Stored weight of each term of a document (see the module docstring)."""
    is_known = is_known or vocabulary_checker(())
    exact: Counter = Counter()
    parts: Counter = Counter()
    title_words = words_of(title)
    for word in title_words:
        term = normalise(word)
        if term:
            exact[term] = TITLE_WEIGHT
    body_counts: Counter = Counter(term for word in words_of(text) if (term := normalise(word)))
    for term, count in body_counts.items():
        exact[term] += min(count, MAX_BODY_WEIGHT)
    for word, weight, cap in [
        *((word, TITLE_PART_WEIGHT, TITLE_PART_WEIGHT) for word in set(title_words)),
        *((word, 1, MAX_BODY_PART_WEIGHT) for word in words_of(text)),
    ]:
        if len(word) < MIN_COMPOUND:
            continue
        for part in _parts(word, is_known):
            term = normalise(part)
            if term:
                parts[term] = min(parts[term] + weight, max(cap, parts[term]))
    weights = {term: weight * EXACT for term, weight in exact.items()}
    for term, weight in parts.items():
        weights[term] = weights.get(term, 0) + min(weight, PART_CAP)
    return weights


def _parts(word: str, is_known: Callable[[str], bool]) -> list[str]:
    """The compound parts of a word, remembered on the word test (one vocabulary, one cache)."""
    cache = is_known.__dict__.setdefault("parts", {})
    if word not in cache:
        cache[word] = list(dict.fromkeys(compound_parts(word, is_known)))
    return cache[word]


def vocabulary_for(texts: Iterable[str]) -> Callable[[str], bool]:
    """A word test for the words of some texts: the stored vocabulary plus their own words.

    Only the pieces the splitter can ask about are looked up, so indexing one page costs a
    few queries, not a read of the whole vocabulary.
    """
    own = {word for text in texts for word in words_of(text)}
    pieces = {
        word[start:end]
        for word in own
        if len(word) >= MIN_COMPOUND
        for start in range(len(word))
        for end in range(start + 3, len(word) + 1)
        if start == 0 or end == len(word)
    }
    pieces |= {piece[:-1] for piece in pieces if piece[-1:] in ("s", "e")}
    known_words: set[str] = set()
    known_terms: set[str] = set()
    piece_list = sorted(pieces)
    piece_terms = sorted({term for piece in piece_list if (term := normalise(piece))})
    for start in range(0, len(piece_list), 500):
        known_words.update(
            SearchWord.objects.filter(word__in=piece_list[start : start + 500]).values_list("word", flat=True)
        )
    for start in range(0, len(piece_terms), 500):
        known_terms.update(
            SearchWord.objects.filter(term__in=piece_terms[start : start + 500]).values_list(
                "term", flat=True
            )
        )
    base = vocabulary_checker(own | known_words)

    def is_known(word: str) -> bool:
        return base(word) or normalise(word) in known_terms

    return is_known


def _store_words(texts: Iterable[str]) -> None:
    words = Counter(word for text in texts for word in words_of(text) if _is_storable(word))
    SearchWord.objects.bulk_create(
        (
            SearchWord(word=word, term=normalise(word) or word, frequency=count)
            for word, count in words.items()
        ),
        ignore_conflicts=True,
        batch_size=500,
    )


def _is_storable(word: str) -> bool:
    return MIN_STORED_WORD <= len(word) <= 60 and not word.isdigit()


def _full_title(title: str, names: Iterable[str]) -> str:
    return " ".join([title, *(name for name in names if name)])


def _write(key: str, fields: dict, page: Page | None = None) -> SearchDocument:
    names = fields.pop("names", ())
    title_text = _full_title(fields["title"], names)
    document, _created = SearchDocument.objects.update_or_create(
        key=key, defaults={**fields, "page": page, "title_folded": fields["title"].casefold()[:255]}
    )
    SearchTerm.objects.filter(document=document).delete()
    is_known = vocabulary_for([title_text, fields["text"]])
    SearchTerm.objects.bulk_create(
        SearchTerm(document=document, term=term, weight=weight)
        for term, weight in term_weights(title_text, fields["text"], is_known).items()
    )
    _store_words([title_text, fields["text"]])
    index_changed()
    return document


def is_searchable_page(page: Page) -> bool:
    return page.live and page.depth >= 2 and not page.get_view_restrictions().exists()


def _page_fields(specific: Page, entry: tuple | None, themes: list[str]) -> dict:
    """Type, date, themes and demo mark of a page (entry: its knowledge-bank type and date)."""
    if isinstance(specific, EventPage):
        result_type, date = ResultType.EVENT, timezone.localtime(specific.start).date()
    elif entry is not None:
        result_type, date = entry
    else:
        result_type = ResultType.THEME if isinstance(specific, ThemePage) else ResultType.PAGE
        published = specific.first_published_at or specific.last_published_at
        date = timezone.localdate(published) if published else None
    return {
        "result_type": result_type,
        "title": specific.title[:255],
        "url": specific.get_url() or specific.url_path,
        "language": getattr(specific, "language", "") or "",
        "date": date,
        "text": text_of_page(specific)[:MAX_TEXT_LENGTH],
        "themes": " ".join(sorted(set(themes)))[:500],
        "is_demo": bool(getattr(specific, "is_demo", False)),
    }


def _themes_of_page(specific: Page) -> list[str]:
    if isinstance(specific, ThemePage):
        return [specific.knowledge_area.slug] if specific.knowledge_area_id else []
    areas = getattr(specific, "knowledge_areas", None)
    if areas is None:
        return []
    if isinstance(areas, list):
        return [area.slug for area in areas]
    return list(areas.values_list("slug", flat=True))


@transaction.atomic
def index_page(page: Page) -> SearchDocument | None:
    """Index one live public page (or drop it from the index when it is neither)."""
    if not is_searchable_page(page):
        remove_page(page.pk)
        return None
    specific = page.specific
    entry = entry_data_for(specific)
    bank = (entry["content_type"], entry["date"]) if entry is not None else None
    return _write(f"page:{page.pk}", _page_fields(specific, bank, _themes_of_page(specific)), page=page)


def remove_page(page_id: int) -> None:
    SearchDocument.objects.filter(page_id=page_id).delete()
    index_changed()


def _source_fields(source: search_sources.Source, data: dict) -> dict:
    return {
        "result_type": str(source.name),
        "title": str(data["title"])[:255],
        "url": data["url"],
        "language": data.get("language", "") or "",
        "date": data.get("date"),
        "text": str(data.get("text", ""))[:MAX_TEXT_LENGTH],
        "themes": " ".join(sorted(set(data.get("themes") or [])))[:500],
        "is_demo": bool(data.get("is_demo", False)),
        "names": [str(name) for name in data.get("names") or []],
    }


@transaction.atomic
def index_item(source: search_sources.Source, item) -> SearchDocument | None:
    """Index one object of a source (or drop it when the source offers no document)."""
    data = source.document(item)
    if not data:
        remove_item(source, item.pk)
        return None
    return _write(f"{source.name}:{data['key']}", _source_fields(source, data))


def remove_item(source: search_sources.Source, item_key) -> None:
    SearchDocument.objects.filter(key=f"{source.name}:{item_key}").delete()
    index_changed()


def _restricted_paths() -> list[str]:
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _bank_data() -> tuple[dict, dict]:
    entries = {
        page_id: (content_type, date)
        for page_id, content_type, date in KnowledgeEntry.objects.values_list(
            "page_id", "content_type", "date"
        )
    }
    themes: dict[int, list[str]] = {}
    through = KnowledgeEntry.knowledge_areas.through
    for page_id, slug in through.objects.values_list("knowledgeentry_id", "knowledgearea__slug"):
        themes.setdefault(page_id, []).append(slug)
    return entries, themes


def _collect(only_missing: bool, batch_size: int) -> list[tuple[str, dict, int | None]]:
    """(key, fields, page id) of everything to index."""
    pages = Page.objects.live().filter(depth__gte=2).order_by("path")
    existing = set(SearchDocument.objects.values_list("key", flat=True)) if only_missing else set()
    entries, bank_themes = _bank_data()
    restricted = _restricted_paths()
    collected: list[tuple[str, dict, int | None]] = []
    for page in pages.specific().iterator(chunk_size=batch_size):
        key = f"page:{page.pk}"
        if key in existing or any(page.path.startswith(path) for path in restricted):
            continue
        if page.pk in bank_themes:
            themes = bank_themes[page.pk]
        elif isinstance(page, ThemePage | EventPage):
            themes = _themes_of_page(page)
        else:
            themes = []
        collected.append((key, _page_fields(page, entries.get(page.pk), themes), page.pk))
    for source in search_sources.sources():
        for key, data in search_sources.documents_of(source):
            if key not in existing:
                collected.append((key, _source_fields(source, data), None))
    return collected


@transaction.atomic
def rebuild(only_missing: bool = False, batch_size: int = 1000) -> int:
    """Index everything (or only what has no document yet); returns the number of documents.

    Two passes: the vocabulary of everything is gathered first, so compounds are split
    against the whole index; then documents and terms are written in bulk.
    """
    with bulk_write():
        return _rebuild(only_missing, batch_size)


def _rebuild(only_missing: bool, batch_size: int) -> int:
    if not only_missing:
        SearchTerm.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
    collected = _collect(only_missing, batch_size)
    texts = [
        (_full_title(fields["title"], fields.get("names", ())), fields["text"])
        for _key, fields, _page in collected
    ]
    vocabulary = Counter(word for title, text in texts for part in (title, text) for word in words_of(part))
    stored = set(SearchWord.objects.values_list("word", flat=True)) if only_missing else set()
    is_known = vocabulary_checker(set(vocabulary) | stored)
    for start in range(0, len(collected), batch_size):
        batch = collected[start : start + batch_size]
        documents = [
            SearchDocument(
                key=key,
                page_id=page_id,
                title_folded=fields["title"].casefold()[:255],
                **{name: value for name, value in fields.items() if name != "names"},
            )
            for key, fields, page_id in batch
        ]
        SearchDocument.objects.bulk_create(documents, batch_size=500)
        ids = dict(
            SearchDocument.objects.filter(key__in=[key for key, _f, _p in batch]).values_list("key", "pk")
        )
        SearchTerm.objects.bulk_create(
            (
                SearchTerm(document_id=ids[key], term=term, weight=weight)
                for (key, _fields, _page), (title, text) in zip(
                    batch, texts[start : start + batch_size], strict=True
                )
                for term, weight in term_weights(title, text, is_known).items()
            ),
            batch_size=5000,
        )
    new_words = [
        (word, count) for word, count in vocabulary.items() if _is_storable(word) and word not in stored
    ]
    SearchWord.objects.bulk_create(
        (SearchWord(word=word, term=normalise(word) or word, frequency=count) for word, count in new_words),
        batch_size=2000,
        ignore_conflicts=True,
    )
    analyse_tables()
    return SearchDocument.objects.count()


def analyse_tables() -> None:
    """Refresh the planner's statistics after a bulk write (same statement on both databases)."""
    with connection.cursor() as cursor:
        for model in (SearchDocument, SearchTerm, SearchWord):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def refresh_page_urls() -> None:
    """Recompute stored page addresses (a site's root or hostname changed)."""
    documents = SearchDocument.objects.filter(page__isnull=False).select_related("page")
    for document in documents:
        url = document.page.get_url() or document.page.url_path
        if url != document.url:
            SearchDocument.objects.filter(pk=document.pk).update(url=url)
    index_changed()
