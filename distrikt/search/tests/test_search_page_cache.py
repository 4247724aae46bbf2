"""The search page is kept by the page cache, yet every search is counted and nothing stale shows.

A repeated query is answered from the cache without touching the index; a change of the index,
of the promotions or of a promoted page purges it; it never outlives the day (which events are
upcoming changes at midnight). The search log is written in batches (`querylog`).
"""

import datetime
import time

from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from distrikt.core.cache import page_cache_instance
from distrikt.knowledge.factories import ArticlePageFactory
from distrikt.organisation.factories import KnowledgeAreaFactory
from distrikt.search import views
from distrikt.search.models import SearchOutcome
from distrikt.search.querylog import query_log

pytestmark = pytest.mark.django_db


def hits_of(query: str) -> int:
    return sum(QueryDailyHits.objects.filter(query=Query.get(query)).values_list("hits", flat=True))


def test_a_repeated_search_comes_from_the_cache_and_is_still_counted(client, home_page):
    ArticlePageFactory(title="Kaiområde i vekst")
    first = client.get("/sok/", {"q": "kaiområde"})
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/sok/", {"q": "kaiområde"})
    assert again.content == first.content
    assert "Kaiområde i vekst" in again.content.decode()
    # Only the search log is written: no index, page, site, theme or promotion is read (before:
    # the theme names, the promotions, the site and the menu on every request).
    log_tables = ("wagtailsearchpromotions_query", "search_searchoutcome", "SAVEPOINT")
    assert [query["sql"] for query in queries if not any(table in query["sql"] for table in log_tables)] == []
    assert hits_of("kaiområde") == 2
    # Browsers and proxies must ask each time, or their copies would go uncounted.
    assert "no-cache" in again["Cache-Control"] and "public" not in again["Cache-Control"]
    assert SearchOutcome.objects.get(query=Query.get("kaiområde")).result_count == 1


def test_parameters_the_page_does_not_read_share_one_entry(client, home_page):
    ArticlePageFactory(title="Ferjekai")
    client.get("/sok/", {"q": "ferjekai"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "ferjekai", "utm_source": "nyheitsbrev"})
    assert response.status_code == 200
    assert not [
        query["sql"]
        for query in queries
        if "search_searchterm" in query["sql"] or "search_searchdocument" in query["sql"]
    ]


def test_a_new_page_shows_in_a_cached_search_at_once(client, home_page):
    ArticlePageFactory(title="Snøskred første")
    assert "Snøskred andre" not in client.get("/sok/", {"q": "snøskred"}).content.decode()
    ArticlePageFactory(title="Snøskred andre")
    assert "Snøskred andre" in client.get("/sok/", {"q": "snøskred"}).content.decode()


def test_a_new_promotion_and_an_unpublished_promoted_page_show_at_once(client, home_page):
    ArticlePageFactory(title="Bygdekino i dag")
    pinned = ArticlePageFactory(title="Kinoguiden for kommunar")
    assert "Tilrådd" not in client.get("/sok/", {"q": "bygdekino"}).content.decode()
    SearchPromotion.objects.create(query=Query.get("Bygdekino"), page=pinned, sort_order=0)
    content = client.get("/sok/", {"q": "bygdekino"}).content.decode()
    assert "Tilrådd" in content and "Kinoguiden for kommunar" in content
    pinned.unpublish()
    assert "Tilrådd" not in client.get("/sok/", {"q": "bygdekino"}).content.decode()


def test_a_cached_search_page_never_outlives_the_day(client, home_page):
    ArticlePageFactory(title="Midnattsol")
    client.get("/sok/", {"q": "midnattsol"})
    request = RequestFactory().get("/sok/", {"q": "midnattsol"}, HTTP_HOST="testserver")
    stored = [cache.get(page_cache_instance().key(request, views.QUERY_PARAMS))]
    assert stored[0] is not None, "the search page was not stored"
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    midnight = datetime.datetime.combine(tomorrow, datetime.time(), timezone.get_current_timezone())
    assert max(entry.expires for entry in stored) <= midnight.timestamp() + 1


def test_search_pages_stay_out_of_the_process_layer(client, home_page):
    ArticlePageFactory(title="Crawlar")
    for number in range(5):
        client.get("/sok/", {"q": f"crawlar {number}"})
    # Thousands of distinct queries (a crawler) must not push the site's pages out of it.
    assert len(page_cache_instance().local) == 0
    with CaptureQueriesContext(connection) as queries:
        client.get("/sok/", {"q": "crawlar 1"})
    assert not [query["sql"] for query in queries if "search_searchterm" in query["sql"]]


def test_the_lifetime_is_counted_to_midnight_in_norway():
    oslo = timezone.get_current_timezone()
    evening = datetime.datetime(2026, 12, 1, 23, 30, tzinfo=oslo)
    assert views.seconds_to_midnight(evening) == 30 * 60 + 1
    # 23:30 UTC is already 00:30 the next day in Oslo: 23.5 hours are left of that day.
    late_utc = datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC)
    assert views.seconds_to_midnight(late_utc) == 23 * 3600 + 30 * 60 + 1
    # Summer time starts at 02:00 on 28 March 2027: from 01:00 to midnight is 22 hours.
    assert views.seconds_to_midnight(datetime.datetime(2027, 3, 28, 1, 0, tzinfo=oslo)) == 22 * 3600 + 1


def test_theme_facets_use_the_names_of_the_page_language(client, home_page):
    area = KnowledgeAreaFactory(slug="fjordtema", name="Fjordliv", name_en="Fjord life")
    ArticlePageFactory(title="Fjordbåt", knowledge_areas=[area])
    assert "Fjordliv (1)" in client.get("/sok/", {"q": "fjordbåt"}).content.decode()
    english = client.get("/en/sok/", {"q": "fjordbåt"}).content.decode()
    assert "Fjord life (1)" in english and "Fjordliv" not in english


def test_the_log_is_written_in_batches(client, home_page, settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    ArticlePageFactory(title="Sjøhus")
    try:
        for _ in range(3):
            client.get("/sok/", {"q": "Sjøhus"})
        client.get("/sok/", {"q": "sjøhus  "})
        assert not Query.objects.filter(query_string="sjøhus").exists()
        # One entry per query text, however it was typed (Wagtail's normalisation).
        assert query_log.pending_queries() == 1
        assert query_log._timer is not None
    finally:
        query_log.flush()
    assert query_log._timer is None
    assert hits_of("sjøhus") == 4
    assert SearchOutcome.objects.get(query=Query.get("sjøhus")).result_count == 1


def test_the_timer_writes_the_log_on_its_own(transactional_db, client, home_page, settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 0.2
    ArticlePageFactory(title="Naustrekke")
    client.get("/sok/", {"q": "naustrekke"})
    deadline = time.monotonic() + 10
    while query_log.pending_queries() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert query_log.pending_queries() == 0
    deadline = time.monotonic() + 10
    while not Query.objects.filter(query_string="naustrekke").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hits_of("naustrekke") == 1


def test_counts_of_a_failed_write_are_kept_for_the_next(client, home_page, settings, monkeypatch):
    from distrikt.search import querylog

    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    real_write = querylog._write

    def deadlocked(batch):
        raise querylog.transaction.TransactionManagementError("deadlock detected")

    try:
        client.get("/sok/", {"q": "fiskebruk"})
        monkeypatch.setattr(querylog, "_write", deadlocked)
        with pytest.raises(querylog.transaction.TransactionManagementError):
            query_log.flush()
        client.get("/sok/", {"q": "fiskebruk"})
        assert query_log.pending_queries() == 1
        monkeypatch.setattr(querylog, "_write", real_write)
    finally:
        query_log.flush()
    assert hits_of("fiskebruk") == 2
