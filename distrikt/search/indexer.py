"""Write pages, staff and municipalities into the site-wide search index."""

from collections import Counter

from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from distrikt.core.language_share import text_of_page
from distrikt.knowledge.sync import entry_data_for
from distrikt.municipalities.models import Municipality
from distrikt.organisation.models import Person

from .models import ResultType, SearchDocument, SearchTerm
from .morphology import terms_of

TITLE_WEIGHT = 10
MAX_BODY_WEIGHT = 5
MAX_TEXT_LENGTH = 20_000


def term_weights(title: str, text: str) -> dict[str, int]:
    """Weight of each term: ten per title occurrence, body occurrences up to five."""
    weights = Counter(dict.fromkeys(terms_of(title), TITLE_WEIGHT))
    for term, count in Counter(terms_of(text)).items():
        weights[term] += min(count, MAX_BODY_WEIGHT)
    return dict(weights)


def _write(key: str, relation: dict, fields: dict) -> SearchDocument:
    document, _created = SearchDocument.objects.update_or_create(key=key, defaults={**relation, **fields})
    SearchTerm.objects.filter(document=document).delete()
    SearchTerm.objects.bulk_create(
        SearchTerm(document=document, term=term, weight=weight)
        for term, weight in term_weights(fields["title"], fields["text"]).items()
    )
    return document


def is_searchable_page(page: Page) -> bool:
    return page.live and page.depth >= 2 and not page.get_view_restrictions().exists()


@transaction.atomic
def index_page(page: Page) -> SearchDocument | None:
    """Index one live public page (or drop it from the index when it is neither)."""
    if not is_searchable_page(page):
        remove_page(page.pk)
        return None
    specific = page.specific
    entry = entry_data_for(specific)
    if entry is not None:
        result_type, date = entry["content_type"], entry["date"]
    else:
        result_type = ResultType.PAGE
        published = specific.first_published_at or specific.last_published_at
        date = timezone.localdate(published) if published else None
    return _write(
        f"page:{page.pk}",
        {"page": page},
        {
            "result_type": result_type,
            "title": specific.title[:255],
            "url": specific.get_url() or specific.url_path,
            "language": getattr(specific, "language", ""),
            "date": date,
            "text": text_of_page(specific)[:MAX_TEXT_LENGTH],
        },
    )


def remove_page(page_id: int) -> None:
    SearchDocument.objects.filter(page_id=page_id).delete()


@transaction.atomic
def index_person(person: Person) -> SearchDocument:
    return _write(
        f"person:{person.pk}",
        {"person": person},
        {
            "result_type": ResultType.PERSON,
            "title": person.name,
            "url": person.get_absolute_url(),
            "language": "",
            "date": None,
            "text": " ".join(filter(None, [person.job_title, person.bio])),
        },
    )


@transaction.atomic
def index_municipality(municipality: Municipality) -> SearchDocument | None:
    if not municipality.is_current:
        SearchDocument.objects.filter(municipality=municipality).delete()
        return None
    return _write(
        f"municipality:{municipality.pk}",
        {"municipality": municipality},
        {
            "result_type": ResultType.MUNICIPALITY,
            "title": municipality.name,
            "url": municipality.get_absolute_url(),
            "language": "",
            "date": None,
            "text": f"{municipality.code} {municipality.county.name}",
        },
    )


def _restricted_paths() -> list[str]:
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _page_document(page: Page, entries: dict, restricted: list[str]) -> SearchDocument | None:
    if any(page.path.startswith(path) for path in restricted):
        return None
    entry = entries.get(page.pk)
    if entry is not None:
        result_type, date = entry
    else:
        result_type = ResultType.PAGE
        published = page.first_published_at or page.last_published_at
        date = timezone.localdate(published) if published else None
    return SearchDocument(
        key=f"page:{page.pk}",
        page_id=page.pk,
        result_type=result_type,
        title=page.title[:255],
        title_folded=page.title.casefold()[:255],
        url=page.get_url() or page.url_path,
        language=getattr(page, "language", ""),
        date=date,
        text=text_of_page(page)[:MAX_TEXT_LENGTH],
    )


def _bulk_write(documents: list[SearchDocument]) -> None:
    SearchDocument.objects.bulk_create(documents, batch_size=500)
    keys = [document.key for document in documents]
    ids = dict(SearchDocument.objects.filter(key__in=keys).values_list("key", "pk"))
    SearchTerm.objects.bulk_create(
        (
            SearchTerm(document_id=ids[document.key], term=term, weight=weight)
            for document in documents
            for term, weight in term_weights(document.title, document.text).items()
        ),
        batch_size=5000,
    )


@transaction.atomic
def rebuild(only_missing: bool = False, batch_size: int = 1000) -> int:
    """Index everything (or only what has no document yet); returns the number of documents.

    Written in bulk, so that tens of thousands of pages take seconds, not minutes.
    """
    from distrikt.knowledge.models import KnowledgeEntry

    pages = Page.objects.live().filter(depth__gte=2).order_by("path")
    people = Person.objects.all()
    municipalities = Municipality.objects.current().select_related("county")
    if only_missing:
        pages = pages.filter(search_document__isnull=True)
        people = people.filter(search_document__isnull=True)
        municipalities = municipalities.filter(search_document__isnull=True)
    else:
        SearchTerm.objects.all().delete()
        SearchDocument.objects.all().delete()
    entries = {
        page_id: (content_type, date)
        for page_id, content_type, date in KnowledgeEntry.objects.values_list(
            "page_id", "content_type", "date"
        )
    }
    restricted = _restricted_paths()
    batch: list[SearchDocument] = []
    for page in pages.specific().iterator(chunk_size=batch_size):
        document = _page_document(page, entries, restricted)
        if document is not None:
            batch.append(document)
        if len(batch) >= batch_size:
            _bulk_write(batch)
            batch = []
    if batch:
        _bulk_write(batch)
    for person in people:
        index_person(person)
    for municipality in municipalities:
        index_municipality(municipality)
    analyse_tables()
    return SearchDocument.objects.count()


def analyse_tables() -> None:
    """Refresh the planner's statistics after a bulk write (same statement on both databases)."""
    from django.db import connection

    with connection.cursor() as cursor:
        for model in (SearchDocument, SearchTerm):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def refresh_page_urls() -> None:
    """Recompute stored page addresses (a site's root or hostname changed)."""
    documents = SearchDocument.objects.filter(page__isnull=False).select_related("page")
    for document in documents:
        url = document.page.get_url() or document.page.url_path
        if url != document.url:
            SearchDocument.objects.filter(pk=document.pk).update(url=url)
