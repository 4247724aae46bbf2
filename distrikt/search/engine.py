"""Run a site-wide search over our own term index, with facets and spelling correction.

One engine on every database: the matching is one SQL statement over plain indexed
tables, and everything after it (facets, filters, sorting, ties) is done in Python over
at most CANDIDATE_WINDOW rows, with integer scores and a total order, so SQLite and
PostgreSQL give the same results in the same order.
"""

import datetime
import heapq
import html
import re
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from distrikt.core.derived import dataset_versions, get_or_compute
from distrikt.knowledge.models import KnowledgeEntry
from distrikt.knowledge.services import apply_filters, parse_filters
from distrikt.organisation.models import KnowledgeArea

from .indexer import INDEX_DATASET, TITLE_TERM_WEIGHT
from .models import ResultType, SearchDocument, SearchTerm, SearchWord
from .morphology import (
    MIN_CORRECTED_LENGTH,
    compound_parts,
    normalise,
    one_edit_away,
    query_terms,
    stem_prefix,
    words_of,
)
from .sources import type_labels

# Knowledge areas (their names are facet labels) declare this dataset.
ORGANISATION_DATASET = "organisation"
PAGE_SIZE = 20
# Candidates ranked per query (from the rarest term's best postings); also the most
# results one query reports, as large engines do («over 2000 treff»).
CANDIDATE_WINDOW = 2000
MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 30
# Documents read per query when the memo of the index lacks them.
MEMO_BATCH = 500
# Queries whose matches a process remembers per index version (at most 48 kB each).
MEMO_MATCHES = 1024
# Result lines (a document's fields and its snippet for one query) a process remembers.
MEMO_LINES = 10_000
# Filters only the knowledge bank knows (applied through its table).
KNOWLEDGE_FILTER_KEYS = ("tema", "malgruppe", "fylke", "kommune", "ar")
BANK_ONLY_KEYS = ("malgruppe", "fylke", "kommune")
FACET_KEYS = ("type", "tema", "ar", "sprak")
LANGUAGES = {"nn": _("Nynorsk"), "nb": _("Bokmål"), "en": _("Engelsk")}
SORTS = ("relevans", "dato")
_TOKEN = re.compile(r"[^\W_]+|[\W_]+", re.UNICODE)


@dataclass
class Hit:
    """One result line."""

    title: str
    url: str
    result_type: str
    type_label: str
    snippet: SafeString
    language: str
    date: datetime.date | None
    document_id: int = 0
    is_demo: bool = False
    is_upcoming: bool = False


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    is_selected: bool


@dataclass
class Facet:
    key: str
    label: str
    options: list[FacetOption]


@dataclass
class SearchResults:
    """One page of results with the total, the facets and what was asked."""

    query: str
    terms: list[str]
    hits: list[Hit]
    total: int
    page_number: int
    page_count: int
    result_type: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    sort: str = "relevans"
    corrected_query: str = ""
    is_capped_window: bool = False

    @property
    def is_capped(self) -> bool:
        """True when there were more matches than one query ranks (the total is a floor)."""
        return self.is_capped_window

    @property
    def has_previous(self) -> bool:
        return self.page_number > 1

    @property
    def has_next(self) -> bool:
        return self.page_number < self.page_count


@dataclass(slots=True)
class Row:
    """One matched document with what ranking, facets and filters need."""

    document_id: int
    matched: int
    score: int
    result_type: str
    date: datetime.date | None
    language: str
    themes: tuple[str, ...]
    url: str
    title: str
    year: str


def clean_query(raw: str | None) -> str:
    printable = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[:10_000])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def page_number_of(raw) -> int:
    try:
        return max(1, min(int(str(raw)[:6]), 10_000))
    except (TypeError, ValueError):
        return 1


def highlight(text: str, terms: set[str], words: int = SNIPPET_WORDS) -> SafeString:
    """A window of the text around the first match, matches wrapped in <mark>, all escaped."""
    tokens = _TOKEN.findall(text or "")
    word_positions = [i for i, token in enumerate(tokens) if token[0].isalnum()]
    if not word_positions:
        return mark_safe("")
    first_word = next(
        (number for number, i in enumerate(word_positions) if normalise(tokens[i].lower()) in terms), 0
    )
    chosen = word_positions[max(0, first_word - 8) :][:words]
    parts: list[str] = []
    plain: list[str] = []
    for token in tokens[chosen[0] : chosen[-1] + 1]:
        if token[0].isalnum() and normalise(token.lower()) in terms:
            parts.append(html.escape("".join(plain)))
            parts.append(f"<mark>{html.escape(token)}</mark>")
            plain = []
        else:
            plain.append(token)
    # html.escape is what django.utils.html.escape does, without its lazy-string wrapper.
    parts.append(html.escape("".join(plain)))
    prefix = "… " if chosen[0] > 0 else ""
    suffix = " …" if chosen[-1] < len(tokens) - 1 else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308  (every part escaped)


def _sql_of(documents: QuerySet | None) -> tuple[str, list]:
    if documents is None:
        return "", []
    inner, params = documents.values("pk").query.sql_with_params()
    return f" AND document_id IN ({inner})", list(params)


def _all_terms_sql(terms: list[str], documents: QuerySet | None, window: int) -> tuple[str, list]:
    """Documents holding every term, with their summed weight: one self-join per extra term.

    The first term should be the rarest. Only its `window` best postings are candidates,
    which bounds the work for queries made of very common words.
    """
    table = SearchTerm._meta.db_table
    restriction, restriction_params = _sql_of(documents)
    # SQLite's planner may otherwise probe the joined terms through the (term, …) index
    # and scan every posting of a common word for each candidate.
    hint = " INDEXED BY search_term_by_document" if connection.vendor == "sqlite" else ""
    joins, join_params = [], []
    for number, term in enumerate(terms[1:], start=1):
        joins.append(
            f"JOIN {table} t{number}{hint} ON t{number}.document_id = t0.document_id AND t{number}.term = %s"
        )
        join_params.append(term)
    score = " + ".join(f"t{number}.weight" for number in range(len(terms)))
    candidates = (
        f"SELECT document_id, weight FROM {table} WHERE term = %s{restriction}"  # noqa: S608
        f" ORDER BY weight DESC, document_id DESC LIMIT %s"
    )
    sql = (
        f"SELECT t0.document_id AS document_id, {len(terms)} AS matched, {score} AS score "  # noqa: S608
        f"FROM ({candidates}) t0 {' '.join(joins)}"
    )
    return sql, [terms[0], *restriction_params, window, *join_params]


def _any_term_sql(terms: list[str], documents: QuerySet | None, window: int) -> tuple[str, list]:
    table = SearchTerm._meta.db_table
    restriction, restriction_params = _sql_of(documents)
    placeholders = ", ".join(["%s"] * len(terms))
    sql = (
        f"SELECT document_id, COUNT(*) AS matched, SUM(weight) AS score FROM {table} "  # noqa: S608
        f"WHERE term IN ({placeholders}){restriction} GROUP BY document_id "
        f"ORDER BY COUNT(*) DESC, SUM(weight) DESC, document_id DESC LIMIT %s"
    )
    return sql, [*terms, *restriction_params, window]


# What each row needs of its document: result type, date, language, themes, address,
# folded title and year.
Facts = tuple[str, datetime.date | None, str, tuple[str, ...], str, str, str]
# A result line: title, address, result type, language, date, demo mark, snippet.
Line = tuple[str, str, str, str, datetime.date | None, bool, SafeString]


class IndexMemo:
    """What this process has read from one version of the index: each document's facts
    and each term's number of documents. A new version (any write, see
    `indexer.index_changed`) starts an empty one, so nothing read here is ever stale."""

    def __init__(self, version: object) -> None:
        self.version = version
        self.facts: dict[int, Facts] = {}
        self.frequencies: dict[str, int] = {}
        # Per query: document ids, terms matched and scores, packed (24 bytes a match).
        self.matches: dict[tuple, tuple[array, array, array]] = {}
        self.lines: dict[tuple[int, frozenset[str]], Line] = {}
        self.lock = threading.Lock()

    def result_lines(self, document_ids: list[int], terms: set[str]) -> dict[int, Line]:
        """Each document's result line for these terms: its fields and its snippet."""
        terms_key = frozenset(terms)
        with self.lock:
            lines = {
                document_id: line
                for document_id in document_ids
                if (line := self.lines.get((document_id, terms_key))) is not None
            }
        missing = [document_id for document_id in document_ids if document_id not in lines]
        if not missing:
            return lines
        fields = ("pk", "title", "url", "result_type", "language", "date", "is_demo", "text")
        for document_id, *line, text in SearchDocument.objects.filter(pk__in=missing).values_list(*fields):
            lines[document_id] = (*line, highlight(text, terms))
        with self.lock:
            while len(self.lines) + len(missing) > MEMO_LINES and self.lines:
                del self.lines[next(iter(self.lines))]  # the oldest first
            self.lines.update(
                ((document_id, terms_key), lines[document_id])
                for document_id in missing
                if document_id in lines
            )
        return lines

    def remembered_match(self, key: tuple) -> Iterable[tuple[int, int, int]] | None:
        with self.lock:
            packed = self.matches.get(key)
        return None if packed is None else zip(*packed, strict=True)

    def remember_match(self, key: tuple, matched: list[tuple[int, int, int]]) -> None:
        packed = (
            array("q", [match[0] for match in matched]),
            array("q", [match[1] for match in matched]),
            array("q", [match[2] for match in matched]),
        )
        with self.lock:
            while len(self.matches) >= MEMO_MATCHES:
                del self.matches[next(iter(self.matches))]  # the oldest first
            self.matches[key] = packed

    def facts_of(self, document_ids: list[int]) -> dict[int, Facts]:
        missing = [document_id for document_id in document_ids if document_id not in self.facts]
        for start in range(0, len(missing), MEMO_BATCH):
            batch = SearchDocument.objects.filter(pk__in=missing[start : start + MEMO_BATCH]).values_list(
                "pk", "result_type", "date", "language", "themes", "url", "title_folded"
            )
            for document_id, result_type, date, language, themes, url, title in batch:
                self.facts[document_id] = (
                    result_type,
                    date,
                    language,
                    tuple(themes.split()),
                    url,
                    title,
                    str(date.year) if date else "",
                )
        return self.facts

    def frequencies_of(self, terms: list[str]) -> dict[str, int]:
        missing = [term for term in terms if term not in self.frequencies]
        if missing:
            counted = dict(
                SearchTerm.objects.filter(term__in=missing)
                .values("term")
                .annotate(n=Count("pk"))
                .values_list("term", "n")
            )
            self.frequencies.update({term: counted.get(term, 0) for term in missing})
        return self.frequencies


_memo = IndexMemo(None)


def index_memo() -> IndexMemo:
    """The memo of the index's current version (one cache read of the version token)."""
    global _memo
    version = dataset_versions([INDEX_DATASET])[INDEX_DATASET]
    memo = _memo
    if memo.version != version:
        memo = _memo = IndexMemo(version)
    return memo


def _matched(match_sql: str, params: list) -> list[tuple[int, int, int]]:
    """(document id, terms matched, score) of each match."""
    with connection.cursor() as cursor:
        cursor.execute(match_sql, params)
        return [(document_id, int(count), int(score)) for document_id, count, score in cursor.fetchall()]


def _rows(matched: Iterable[tuple[int, int, int]], memo: IndexMemo) -> list[Row]:
    matched = list(matched)
    facts = memo.facts_of([document_id for document_id, _count, _score in matched])
    return [
        Row(document_id, count, score, *facts[document_id])
        for document_id, count, score in matched
        if document_id in facts
    ]


def _rarest_first(terms: list[str], memo: IndexMemo) -> list[str]:
    if len(terms) == 1:
        return terms
    frequency = memo.frequencies_of(terms)
    return sorted(terms, key=lambda term: (frequency.get(term, 0), term))


def _match(
    terms: list[str], documents: QuerySet | None, memo: IndexMemo, narrowing: tuple | None
) -> list[Row]:
    """Documents with every term; when none has all, documents with any (more terms first).

    `narrowing` names what `documents` keeps to when it depends on the index alone (() for
    everything): the matches are then remembered for this version of the index. None: not
    remembered (the bank's filters read other tables).
    """
    if not terms:
        return []
    key = (tuple(terms), narrowing)
    if narrowing is not None and (remembered := memo.remembered_match(key)) is not None:
        return _rows(remembered, memo)
    matched = _matched(*_all_terms_sql(_rarest_first(terms, memo), documents, CANDIDATE_WINDOW))
    if not matched and len(terms) > 1:
        matched = _matched(*_any_term_sql(terms, documents, CANDIDATE_WINDOW))
    if narrowing is not None:
        memo.remember_match(key, matched)
    return _rows(matched, memo)


def _restriction(filters: Mapping[str, str]) -> QuerySet | None:
    """Documents the SQL itself must keep to: the bank-only filters, or every filter when
    the unrestricted window was full (so a filter never hides matches past the window)."""
    bank_filters = {key: value for key, value in filters.items() if key in KNOWLEDGE_FILTER_KEYS}
    if not any(key in BANK_ONLY_KEYS for key in filters):
        return None
    entries = apply_filters(KnowledgeEntry.objects.all(), bank_filters)
    return SearchDocument.objects.filter(page_id__in=entries.values("page_id"))


def _narrowed(filters: Mapping[str, str]) -> QuerySet:
    documents = SearchDocument.objects.all()
    if filters.get("type"):
        documents = documents.filter(result_type=filters["type"])
    if filters.get("ar"):
        year = int(filters["ar"])
        documents = documents.filter(
            date__gte=datetime.date(year, 1, 1), date__lte=datetime.date(year, 12, 31)
        )
    if filters.get("sprak"):
        documents = documents.filter(language=filters["sprak"])
    if filters.get("tema"):
        documents = documents.filter(themes__contains=filters["tema"])
    return documents


def _passes(row: Row, key: str, value: str) -> bool:
    """Whether a row meets one facet filter (other keys are applied in SQL or not at all)."""
    if key == "type":
        return row.result_type == value
    if key == "tema":
        return value in row.themes
    if key == "ar":
        return row.year == value
    if key == "sprak":
        return row.language == value
    return True


def _keeps(row: Row, filters: Mapping[str, str]) -> bool:
    return all(_passes(row, key, value) for key, value in filters.items())


def _filtered_counts(rows: list[Row], facet_filters: Mapping[str, str]) -> dict[str, Counter]:
    """Each facet's counts over the rows that pass the other facets' filters."""
    counts: dict[str, Counter] = {key: Counter() for key in FACET_KEYS}
    for row in rows:
        # Which facet filters this row fails: none counts it everywhere, one only in that
        # facet, two or more nowhere.
        failed = [key for key, value in facet_filters.items() if not _passes(row, key, value)]
        if len(failed) > 1:
            continue
        only = failed[0] if failed else ""
        if not only or only == "type":
            counts["type"][row.result_type] += 1
        if not only or only == "tema":
            counts["tema"].update(row.themes)
        if (not only or only == "ar") and row.date is not None:
            counts["ar"][row.year] += 1
        if (not only or only == "sprak") and row.language in LANGUAGES:
            counts["sprak"][row.language] += 1
    return counts


def _theme_names() -> dict[str, str]:
    """The knowledge areas' names in the active language, by slug (kept until one changes)."""

    def names() -> dict[str, str]:
        return {area.slug: area.localized_name for area in KnowledgeArea.objects.all()}

    return get_or_compute(ORGANISATION_DATASET, "search-theme-names", names, in_process=True)


def _facets(rows: list[Row], filters: Mapping[str, str]) -> list[Facet]:
    """Counts per facet value, each counted with the other facets' filters applied."""
    labels = type_labels()
    facet_filters = {key: value for key, value in filters.items() if key in FACET_KEYS}
    if not facet_filters:
        counts = {
            "type": Counter(row.result_type for row in rows),
            "tema": Counter(theme for row in rows for theme in row.themes),
            "ar": Counter(row.year for row in rows if row.date is not None),
            "sprak": Counter(row.language for row in rows if row.language in LANGUAGES),
        }
    else:
        counts = _filtered_counts(rows, facet_filters)
    theme_names = _theme_names() if counts["tema"] else {}
    value_labels = {
        "type": lambda value: labels.get(value, value),
        "tema": lambda value: theme_names.get(value, value),
        "ar": lambda value: value,
        "sprak": lambda value: str(LANGUAGES[value]),
    }
    orders = {
        "type": lambda item: (-item[1], item[0]),
        "tema": lambda item: (-item[1], item[0]),
        "ar": lambda item: item[0],
        "sprak": lambda item: item[0],
    }
    facet_labels = {"type": _("Type"), "tema": _("Tema"), "ar": _("År"), "sprak": _("Målform")}
    facets = []
    for key in FACET_KEYS:
        items = sorted(counts[key].items(), key=orders[key], reverse=key == "ar")
        if key == "tema":
            items = [item for item in items if item[0] in theme_names]
        facets.append(
            Facet(
                key,
                str(facet_labels[key]),
                [
                    FacetOption(value, str(value_labels[key](value)), count, filters.get(key) == value)
                    for value, count in items
                ],
            )
        )
    return facets


def _ordered(rows: list[Row], sort: str, today: datetime.date, limit: int | None = None) -> list[Row]:
    """Relevance (or newest first), with upcoming events before past ones; ties by address.

    With `limit`, only the first that many (a page needs its own and those before it): the
    same rows in the same order as a full sort, without sorting a thousand to show twenty.
    """

    def relevance(row: Row):
        score = row.score
        if row.result_type == ResultType.EVENT and row.date is not None and row.date < today:
            score //= 2
        # Ties by title, type and address, never by row id: the same on every database.
        return (-row.matched, -score, row.title, row.result_type, row.url)

    def newest(row: Row):
        return (row.date is None, -(row.date or today).toordinal(), *relevance(row))

    key = newest if sort == "dato" else relevance
    if limit is not None and limit < len(rows):
        return heapq.nsmallest(limit, rows, key=key)
    return sorted(rows, key=key)


def _split_unknown(terms: list[str], query: str) -> list[str]:
    """Query words that match nothing are split into the compound parts the index knows."""
    known_terms = set(SearchTerm.objects.filter(term__in=terms).values_list("term", flat=True).distinct())
    if len(known_terms) == len(terms):
        return terms
    result: list[str] = []
    vocabulary_terms = None
    for word in words_of(query):
        term = normalise(word)
        if not term:
            continue
        if term in known_terms or len(word) < 7:
            result.append(term)
            continue
        if vocabulary_terms is None:
            pieces = {word[:cut] for cut in range(3, len(word) - 2)} | {
                word[cut:] for cut in range(3, len(word) - 2)
            }
            pieces |= {piece[:-1] for piece in pieces if piece[-1:] in ("s", "e")}
            piece_terms = {normalise(piece) for piece in pieces} - {None}
            vocabulary_terms = set(
                SearchTerm.objects.filter(term__in=piece_terms).values_list("term", flat=True).distinct()
            )
        parts = compound_parts(word, lambda piece, known=vocabulary_terms: normalise(piece) in known, depth=1)
        if parts:
            result.extend(part_term for part in parts[:2] if (part_term := normalise(part)))
        else:
            result.append(term)
    return list(dict.fromkeys(result))


def suggest(query: str) -> str:
    """The query with each unknown word of 5+ letters replaced by the most frequent known
    word one edit away; '' when nothing was replaced."""
    words = query.split()
    changed = False
    corrected = []
    for original in words:
        word = words_of(original)[0] if words_of(original) else ""
        term = normalise(word) if word else None
        if (
            not word
            or len(word) < MIN_CORRECTED_LENGTH
            or term is None
            or SearchWord.objects.filter(word=word).exists()
            or SearchTerm.objects.filter(term=term).exists()
        ):
            corrected.append(original)
            continue
        candidates = sorted(one_edit_away(word))
        found = list(
            SearchWord.objects.filter(word__in=candidates)
            .order_by("-frequency", "word")
            .values_list("word", flat=True)[:1]
        )
        if found:
            corrected.append(found[0])
            changed = True
        else:
            corrected.append(original)
    return " ".join(corrected) if changed else ""


def _hits(
    rows: list[Row], terms: set[str], labels: dict[str, str], today: datetime.date, memo: IndexMemo
) -> list[Hit]:
    lines = memo.result_lines([row.document_id for row in rows], terms)
    hits = []
    for row in rows:
        line = lines.get(row.document_id)
        if line is None:
            continue
        title, url, result_type, language, date, is_demo, snippet = line
        hits.append(
            Hit(
                title=title,
                url=url,
                result_type=result_type,
                type_label=labels.get(result_type, result_type),
                snippet=snippet,
                # Registers (municipalities, offices, staff) are indexed with Nynorsk labels.
                language=language or settings.LANGUAGE_CODE,
                date=date,
                document_id=row.document_id,
                is_demo=is_demo,
                is_upcoming=result_type == ResultType.EVENT and date is not None and date >= today,
            )
        )
    return hits


def _parse(params: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    labels = type_labels()
    knowledge_params = {key: params.get(key, "") for key in KNOWLEDGE_FILTER_KEYS}
    filters, ignored = parse_filters(knowledge_params)
    result_type = (params.get("type") or "").strip()
    if result_type:
        if result_type in labels:
            filters["type"] = result_type
        else:
            ignored.append("type")
    language = (params.get("sprak") or "").strip()
    if language:
        if language in LANGUAGES:
            filters["sprak"] = language
        else:
            ignored.append("sprak")
    return filters, ignored


def search(params: Mapping[str, str]) -> SearchResults:
    """Search the whole site with facets (type, theme, year, language), one page at a time."""
    query = clean_query(params.get("q"))
    filters, ignored = _parse(params)
    sort = params.get("sort") if params.get("sort") in SORTS else "relevans"
    terms = query_terms(query)
    page_number = page_number_of(params.get("page", 1))
    result_type = filters.get("type", "")
    if not terms:
        return SearchResults(query, [], [], 0, 1, 0, result_type, filters, ignored, sort=sort)
    restriction = _restriction(filters)
    memo = index_memo()
    narrowing = () if restriction is None else None
    rows = _match(terms, restriction, memo, narrowing)
    corrected = ""
    if not rows:
        split_terms = _split_unknown(terms, query)
        # A query of stopwords only is searched for as it is; splitting drops every word of it.
        if split_terms and split_terms != terms:
            terms = split_terms
            rows = _match(terms, restriction, memo, narrowing)
    if not rows:
        corrected = suggest(query)
        if corrected:
            terms = query_terms(corrected)
            rows = _match(terms, restriction, memo, narrowing)
    is_capped = len(rows) >= CANDIDATE_WINDOW
    if is_capped and any(key in filters for key in FACET_KEYS):
        narrowed = _narrowed(filters) if restriction is None else _narrowed(filters) & restriction
        narrowing_key = tuple(sorted((key, filters[key]) for key in FACET_KEYS if key in filters))
        rows = _match(terms, narrowed, memo, narrowing_key if restriction is None else None)
    facets = _facets(rows, filters)
    facet_filters = {key: value for key, value in filters.items() if key in FACET_KEYS}
    kept = [row for row in rows if _keeps(row, facet_filters)] if facet_filters else rows
    today = timezone.localdate()
    total = len(kept)
    page_count = max(1, -(-total // PAGE_SIZE))
    page_number = min(page_number, page_count)
    ordered = _ordered(kept, sort, today, limit=page_number * PAGE_SIZE)
    page_rows = ordered[(page_number - 1) * PAGE_SIZE : page_number * PAGE_SIZE]
    hits = _hits(page_rows, set(terms), type_labels(), today, memo)
    return SearchResults(
        query=query,
        terms=terms,
        hits=hits,
        total=total,
        page_number=page_number,
        page_count=page_count,
        result_type=result_type,
        filters=filters,
        ignored=ignored,
        facets=facets,
        sort=sort,
        corrected_query=corrected,
        is_capped_window=is_capped,
    )


def top_urls(query: str, limit: int = 10) -> list[str]:
    """The addresses of the first results of a query (quality and same-results checks)."""
    terms = query_terms(clean_query(query))
    results = search({"q": query}) if terms else None
    return [hit.url for hit in results.hits[:limit]] if results else []


def rank_pages(query: str, limit: int = 1000) -> list[tuple[int, float]]:
    """(page id, score) for the knowledge bank's relevance sort."""
    terms = query_terms(clean_query(query))
    if not terms:
        return []
    documents = SearchDocument.objects.filter(page__isnull=False)
    ranked = (
        SearchTerm.objects.filter(term__in=terms, document__in=documents.values("pk"))
        .values("document_id")
        .annotate(matched=Count("term"), score=Sum("weight"))
    )
    if len(terms) > 1:
        ranked = ranked.filter(matched=len(terms))
    ranked = ranked.order_by("-matched", "-score", "document_id")[:limit]
    page_of = dict(
        SearchDocument.objects.filter(pk__in=[row["document_id"] for row in ranked]).values_list(
            "pk", "page_id"
        )
    )
    return [
        (page_of[row["document_id"]], float(row["matched"] * 1_000_000 + row["score"]))
        for row in ranked
        if row["document_id"] in page_of
    ]


def autocomplete(prefix: str, limit: int = 8) -> list[SearchDocument]:
    """Titles that start with what was typed, then titles with a word that starts with it.

    Both are range scans on ordinary indexes (no LIKE '%…%'), the same on every database.
    """
    folded = clean_query(prefix)[:60].casefold()
    if len(folded) < 2:
        return []
    found = list(
        SearchDocument.objects.filter(title_folded__gte=folded, title_folded__lt=folded + "\uffff").order_by(
            "title_folded", "key"
        )[:limit]
    )
    last_word = folded.split()[-1]
    if len(found) < limit and len(last_word) >= 2:
        stem = stem_prefix(last_word)
        document_ids = list(
            SearchTerm.objects.filter(term__gte=stem, term__lt=stem + "\uffff", weight__gte=TITLE_TERM_WEIGHT)
            .exclude(document_id__in=[document.pk for document in found])
            .order_by("term", "document_id")
            .values_list("document_id", flat=True)[: limit * 4]
        )
        more = SearchDocument.objects.filter(pk__in=document_ids).order_by("title_folded", "key")
        found.extend(more[: limit - len(found)])
    return found
