"""A repeated search reuses what its process read from the index, and never anything stale.

Each process keeps, per version of the index, the documents' facts, the terms' counts, the
matches of recent queries and their result lines (`engine.IndexMemo`); every write of the
indexer, and a document deleted with its page, starts a new version.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

import pytest

from distrikt.knowledge.factories import ArticlePageFactory
from distrikt.search import engine
from distrikt.search.indexer import rebuild
from distrikt.search.models import SearchOutcome

pytestmark = pytest.mark.django_db


def titles(query: str) -> list[str]:
    return [hit.title for hit in engine.search({"q": query}).hits]


def test_a_repeated_search_reads_at_most_the_theme_names(home_page):
    ArticlePageFactory(title="Gjentekne kommunar")
    ArticlePageFactory(title="Gjentekne kommuner i nord")
    first = engine.search({"q": "gjentekne kommunar"})
    with CaptureQueriesContext(connection) as queries:
        again = engine.search({"q": "gjentekne kommunar"})
    # Before: the match SQL, the term counts and the documents' texts were read every time.
    assert len(queries) <= 1, [query["sql"] for query in queries]
    assert [hit.title for hit in again.hits] == [hit.title for hit in first.hits]
    assert [str(hit.snippet) for hit in again.hits] == [str(hit.snippet) for hit in first.hits]
    assert again.facets == first.facets


def test_a_published_page_is_found_by_a_query_asked_before(home_page):
    ArticlePageFactory(title="Fjordbygd før")
    assert titles("fjordbygd") == ["Fjordbygd før"]
    ArticlePageFactory(title="Fjordbygd etter")
    assert sorted(titles("fjordbygd")) == ["Fjordbygd etter", "Fjordbygd før"]


def test_a_changed_title_shows_at_once(home_page):
    page = ArticlePageFactory(title="Gamal tittel om fjellgard")
    assert titles("fjellgard") == ["Gamal tittel om fjellgard"]
    page.title = "Ny tittel om fjellgard"
    page.save_revision().publish()
    assert titles("fjellgard") == ["Ny tittel om fjellgard"]


def test_a_deleted_page_leaves_the_results_of_a_query_asked_before(home_page):
    kept = ArticlePageFactory(title="Havbruk blir")
    gone = ArticlePageFactory(title="Havbruk forsvinn")
    assert sorted(titles("havbruk")) == ["Havbruk blir", "Havbruk forsvinn"]
    gone.delete()
    assert titles("havbruk") == [kept.title]


def test_a_rebuild_starts_a_new_version(home_page):
    ArticlePageFactory(title="Nybygg i bygda")
    assert titles("nybygg") == ["Nybygg i bygda"]
    rebuild()
    with CaptureQueriesContext(connection) as queries:
        assert titles("nybygg") == ["Nybygg i bygda"]
    assert any("search_searchterm" in query["sql"] for query in queries)


def test_a_logged_query_counts_every_hit_and_keeps_its_last_outcome(client, home_page):
    ArticlePageFactory(title="Loggfør tilskot")
    for _ in range(3):
        client.get("/sok/", {"q": "loggfør"})
    recorded = Query.get("loggfør")
    assert QueryDailyHits.objects.get(query=recorded).hits == 3
    outcome = SearchOutcome.objects.get(query=recorded)
    assert outcome.result_count == 1
    ArticlePageFactory(title="Loggfør meir")
    before = outcome.searched_at
    client.get("/sok/", {"q": "loggfør"})
    outcome.refresh_from_db()
    assert outcome.result_count == 2
    assert outcome.searched_at >= before
    assert QueryDailyHits.objects.get(query=recorded, date=timezone.now().date()).hits == 4


def test_the_search_page_for_a_repeated_query_stays_within_its_query_budget(client, home_page):
    ArticlePageFactory(title="Budsjett for kommunar")
    client.get("/sok/", {"q": "budsjett kommunar"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "budsjett kommunar"})
    assert response.status_code == 200
    search_queries = [
        query["sql"]
        for query in queries
        if "search_search" in query["sql"] or "wagtailsearchpromotions" in query["sql"]
    ]
    # Logging (the query, its daily hits, its outcome) and promotions: four. Before: the
    # match, the documents, a read and an update of the hits, a locked read and an update
    # of the outcome besides.
    assert len(search_queries) <= 4, search_queries


def test_a_page_of_the_order_is_the_same_as_a_full_sort():
    import datetime
    import random

    rng = random.Random(3)  # noqa: S311  (test data, not secrets)
    today = datetime.date(2026, 12, 1)
    rows = [
        engine.Row(
            document_id=number,
            matched=rng.randint(1, 2),
            score=rng.randint(1, 5),
            result_type=rng.choice(["article", "event", "page"]),
            date=rng.choice([None, today, today - datetime.timedelta(days=rng.randint(1, 900))]),
            language="nn",
            themes=(),
            url=f"/side-{rng.randint(1, 40)}/",
            title=rng.choice(["A", "B", "C"]),
            year="2026",
        )
        for number in range(500)
    ]
    for sort in ("relevans", "dato"):
        full = engine._ordered(rows, sort, today)
        # Many ties on every field but the address: the page must still be the full sort's.
        assert engine._ordered(rows, sort, today, limit=40) == full[:40]
        assert engine._ordered(rows, sort, today, limit=5000) == full
