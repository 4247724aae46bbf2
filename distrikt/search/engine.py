"""Run a site-wide search over our own normalised term index.

One engine on every database: Nynorsk and Bokmål forms are matched the same way on SQLite
and PostgreSQL. (Wagtail's search backend only serves the editors' admin search.)
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, QuerySet, Sum
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from distrikt.knowledge.models import KnowledgeEntry
from distrikt.knowledge.services import apply_filters, parse_filters

from .indexer import TITLE_WEIGHT
from .models import ResultType, SearchDocument, SearchTerm
from .morphology import normalise, query_terms, stem_prefix

PAGE_SIZE = 20
# Candidates ranked per query (from the rarest term's best postings); also the most
# results one query reports, as large engines do («over 2000 treff»).
CANDIDATE_WINDOW = 2000
MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 30
KNOWLEDGE_FILTER_KEYS = ("tema", "malgruppe", "fylke", "kommune", "ar")
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
    date: object
    document_id: int = 0


@dataclass
class SearchResults:
    """One page of results with the total and what was asked."""

    query: str
    terms: list[str]
    hits: list[Hit]
    total: int
    page_number: int
    page_count: int
    result_type: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    @property
    def is_capped(self) -> bool:
        """True when there were more matches than one query ranks (the total is a floor)."""
        return self.total >= CANDIDATE_WINDOW

    @property
    def has_previous(self) -> bool:
        return self.page_number > 1

    @property
    def has_next(self) -> bool:
        return self.page_number < self.page_count


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
    first = next(
        (i for i in word_positions if normalise(tokens[i].lower()) in terms),
        word_positions[0] if word_positions else 0,
    )
    start_word = max(0, word_positions.index(first) - 8) if word_positions else 0
    chosen = word_positions[start_word : start_word + words]
    if not chosen:
        return mark_safe("")
    parts = []
    for token in tokens[chosen[0] : chosen[-1] + 1]:
        if token[0].isalnum() and normalise(token.lower()) in terms:
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
    prefix = "… " if chosen[0] > 0 else ""
    suffix = " …" if chosen[-1] < len(tokens) - 1 else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308  (every part escaped)


def _hit(document: SearchDocument, terms: set[str]) -> Hit:
    return Hit(
        title=document.title,
        url=document.url,
        result_type=document.result_type,
        type_label=str(ResultType(document.result_type).label),
        snippet=highlight(document.text, terms),
        language=document.language,
        date=document.date,
        document_id=document.pk,
    )


def _documents(result_type: str, filters: Mapping[str, str]) -> QuerySet | None:
    """The documents a search may return, or None when no restriction applies."""
    documents = None
    if result_type:
        documents = SearchDocument.objects.filter(result_type=result_type)
    if filters:
        entries = apply_filters(KnowledgeEntry.objects.all(), filters)
        documents = (documents or SearchDocument.objects.all()).filter(page_id__in=entries.values("page_id"))
    return documents


def _ranked(terms: list[str], documents: QuerySet | None, require_all: bool) -> QuerySet:
    rows = SearchTerm.objects.filter(term__in=terms)
    if documents is not None:
        rows = rows.filter(document__in=documents.values("pk"))
    rows = rows.values("document_id").annotate(matched=Count("term"), score=Sum("weight"))
    if require_all and len(terms) > 1:
        rows = rows.filter(matched=len(terms))
    return rows.order_by("-matched", "-score", "document_id")


def _all_terms_sql(terms: list[str], documents: QuerySet | None, window: int) -> tuple[str, list]:
    """Documents holding every term, with their summed weight: one self-join per extra term.

    The first term should be the rarest. Only its `window` best postings are candidates,
    which bounds the work for queries made of very common words.
    """
    table = SearchTerm._meta.db_table
    restriction, restriction_params = "", []
    if documents is not None:
        inner, restriction_params = documents.values("pk").query.sql_with_params()
        restriction = f" AND document_id IN ({inner})"
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
        f"SELECT t0.document_id AS document_id, {score} AS score "  # noqa: S608  (values are parameters)
        f"FROM ({candidates}) t0 {' '.join(joins)}"
    )
    return sql, [terms[0], *restriction_params, window, *join_params]


def _rarest_first(terms: list[str]) -> list[str]:
    if len(terms) == 1:
        return terms
    frequency = dict(
        SearchTerm.objects.filter(term__in=terms)
        .values("term")
        .annotate(n=Count("pk"))
        .values_list("term", "n")
    )
    return sorted(terms, key=lambda term: frequency.get(term, 0))


def _term_search(terms, result_type, filters, page_number) -> tuple[list, int]:
    documents = _documents(result_type, filters)
    offset = (page_number - 1) * PAGE_SIZE
    window = max(CANDIDATE_WINDOW, offset + PAGE_SIZE)
    sql, params = _all_terms_sql(_rarest_first(terms), documents, window)
    with connection.cursor() as cursor:
        # The candidates are bounded by the window, so one ordered query gives both the
        # total and the page.
        cursor.execute(f"{sql} ORDER BY score DESC, document_id DESC", params)
        matches = [row[0] for row in cursor.fetchall()]
    total = len(matches)
    ids = matches[offset : offset + PAGE_SIZE]
    if total == 0 and len(terms) > 1:
        ranked = _ranked(terms, documents, require_all=False)
        total = min(ranked.count(), window)
        ids = [row["document_id"] for row in ranked[offset : offset + PAGE_SIZE]]
    by_id = SearchDocument.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id], total


def search(params: Mapping[str, str]) -> SearchResults:
    """Search the whole site with optional type and knowledge filters, one page at a time."""
    query = clean_query(params.get("q"))
    result_type = params.get("type", "")
    ignored: list[str] = []
    if result_type and result_type not in ResultType.values:
        ignored.append("type")
        result_type = ""
    knowledge_params = {key: params.get(key, "") for key in KNOWLEDGE_FILTER_KEYS}
    filters, ignored_filters = parse_filters(knowledge_params)
    ignored.extend(ignored_filters)
    terms = query_terms(query)
    page_number = page_number_of(params.get("page", 1))
    if not terms:
        return SearchResults(query, [], [], 0, 1, 0, result_type, filters, ignored)
    documents, total = _term_search(terms, result_type, filters, page_number)
    page_count = max(1, -(-total // PAGE_SIZE))
    if page_number > page_count:
        page_number = page_count
        documents, total = _term_search(terms, result_type, filters, page_number)
    term_set = set(terms)
    return SearchResults(
        query=query,
        terms=terms,
        hits=[_hit(document, term_set) for document in documents],
        total=total,
        page_number=page_number,
        page_count=page_count,
        result_type=result_type,
        filters=filters,
        ignored=ignored,
    )


def rank_pages(query: str, limit: int = 1000) -> list[tuple[int, float]]:
    """(page id, score) for the knowledge bank's relevance sort."""
    terms = query_terms(clean_query(query))
    if not terms:
        return []
    documents = SearchDocument.objects.filter(page__isnull=False)
    ranked = _ranked(terms, documents, require_all=True)[:limit]
    page_of = dict(
        SearchDocument.objects.filter(pk__in=[row["document_id"] for row in ranked]).values_list(
            "pk", "page_id"
        )
    )
    return [
        (page_of[row["document_id"]], float(row["matched"] * 1000 + row["score"]))
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
            "title_folded"
        )[:limit]
    )
    last_word = folded.split()[-1]
    if len(found) < limit and len(last_word) >= 2:
        stem = stem_prefix(last_word)
        document_ids = list(
            SearchTerm.objects.filter(term__gte=stem, term__lt=stem + "\uffff", weight__gte=TITLE_WEIGHT)
            .exclude(document_id__in=[document.pk for document in found])
            .values_list("document_id", flat=True)[: limit * 4]
        )
        more = SearchDocument.objects.filter(pk__in=document_ids).order_by("title_folded")
        found.extend(more[: limit - len(found)])
    return found
