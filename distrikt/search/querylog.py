"""The search log: how often each query was asked per day, and what it found the last time.

Counting a search used to cost the search page a write transaction of its own (the query,
its daily hits, its outcome). Now a search only adds to a buffer in the process, and the
buffer is written in one transaction at most every SEARCH_LOG_FLUSH_SECONDS, from a timer
thread, so no visitor waits for it; a process that exits writes what it still holds.
A process that is killed outright loses at most that many seconds of counts, which is fine
for a statistic. With SEARCH_LOG_FLUSH_SECONDS = 0 (the tests) every search is written at once.

The rows are Wagtail's search-promotion `Query` and `QueryDailyHits` (kept for the retention
period, see `retention`) and our `SearchOutcome` (the zero-result report in the admin).
"""

from __future__ import annotations

import atexit
import datetime
import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from .models import SearchOutcome

logger = logging.getLogger(__name__)

# A burst of distinct queries is written early rather than held in memory.
MAX_BUFFERED_QUERIES = 1_000


@dataclass
class Pending:
    """What one query string gathered since the last write."""

    hits: dict[datetime.date, int]
    result_count: int
    suggestion: str
    searched_at: datetime.datetime


class QueryLog:
    def __init__(self) -> None:
        self._pending: dict[str, Pending] = {}
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def record(self, query: str, result_count: int, suggestion: str) -> None:
        """Count one search for `query` (its first page), with what it found."""
        query = normalise_query_string(query)
        if not query:
            return
        now = timezone.now()
        today = timezone.localdate(now)
        with self._lock:
            pending = self._pending.get(query)
            if pending is None:
                pending = self._pending[query] = Pending({}, result_count, suggestion[:255], now)
            pending.hits[today] = pending.hits.get(today, 0) + 1
            pending.result_count, pending.suggestion, pending.searched_at = (
                result_count,
                suggestion[:255],
                now,
            )
            write_now = settings.SEARCH_LOG_FLUSH_SECONDS <= 0 or len(self._pending) >= MAX_BUFFERED_QUERIES
            if not write_now:
                self._start_timer()
        if write_now:
            try:
                self.flush()
            except Exception:  # the visitor's search must not fail for its count
                logger.exception("Could not write the search log")

    def _start_timer(self) -> None:
        """Write in SEARCH_LOG_FLUSH_SECONDS unless a write is already due (call with the lock held)."""
        if self._timer is None and settings.SEARCH_LOG_FLUSH_SECONDS > 0:
            self._timer = threading.Timer(settings.SEARCH_LOG_FLUSH_SECONDS, self._flush_from_timer)
            self._timer.daemon = True
            self._timer.start()

    def pending_queries(self) -> int:
        with self._lock:
            return len(self._pending)

    def flush(self) -> None:
        """Write everything gathered so far, in one transaction."""
        with self._lock:
            batch, self._pending = self._pending, {}
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if not batch:
            return
        try:
            _write(batch)
        except Exception:
            self._put_back(batch)
            raise

    def _put_back(self, batch: dict[str, Pending]) -> None:
        """Keep the counts of a write that failed for the next one (a busy database, a deadlock)."""
        with self._lock:
            for query, failed in batch.items():
                pending = self._pending.get(query)
                if pending is None:
                    if len(self._pending) < MAX_BUFFERED_QUERIES:
                        self._pending[query] = failed
                    continue
                for day, hits in failed.hits.items():
                    pending.hits[day] = pending.hits.get(day, 0) + hits
            if self._pending:
                self._start_timer()

    def _flush_from_timer(self) -> None:
        try:
            self.flush()
        except Exception:  # the thread has no one to report to: log it, keep serving
            logger.exception("Could not write the search log")
        finally:
            # The timer thread has its own connection; do not leave it open.
            connection.close()


def _write(batch: dict[str, Pending]) -> None:
    # Rows in one order in every process: two processes writing at once wait for each other
    # rather than deadlock.
    with transaction.atomic():
        for query_string in sorted(batch):
            pending = batch[query_string]
            recorded = Query.get(query_string)
            for day, hits in sorted(pending.hits.items()):
                _add_hits(recorded, day, hits)
            outcome = {
                "result_count": pending.result_count,
                "suggestion": pending.suggestion,
                "searched_at": pending.searched_at,
            }
            if not SearchOutcome.objects.filter(query=recorded).update(**outcome):
                SearchOutcome.objects.update_or_create(query=recorded, defaults=outcome)


def _add_hits(recorded: Query, day: datetime.date, hits: int) -> None:
    if QueryDailyHits.objects.filter(query=recorded, date=day).update(hits=F("hits") + hits):
        return
    try:
        with transaction.atomic():
            QueryDailyHits.objects.create(query=recorded, date=day, hits=hits)
    except IntegrityError:  # another process created the day's row meanwhile
        QueryDailyHits.objects.filter(query=recorded, date=day).update(hits=F("hits") + hits)


query_log = QueryLog()


@atexit.register
def _flush_at_exit() -> None:
    try:
        query_log.flush()
    except Exception:  # the database may already be gone at exit
        logger.exception("Could not write the search log at exit")
