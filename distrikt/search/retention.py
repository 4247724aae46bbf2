"""Retention of what visitors searched for: the query texts and their daily counts.

Every search records its text and a daily hit count (Wagtail's search promotions need
them). Visitors are anonymous, but a query can still hold personal data (a name, a phone
number), so it is kept only SEARCH_QUERY_RETENTION_DAYS days.
"""

import datetime

from django.conf import settings

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits


def query_retention_cutoff(now: datetime.datetime) -> datetime.date:
    """Daily counts dated before this day are past the retention period."""
    return (now - datetime.timedelta(days=settings.SEARCH_QUERY_RETENTION_DAYS)).date()


def delete_expired_queries(now: datetime.datetime) -> int:
    """Delete daily counts past the period and every query left without counts.

    Queries that editors attached promotions to are editorial content and stay.
    Returns how many query texts were deleted.
    """
    QueryDailyHits.objects.filter(date__lt=query_retention_cutoff(now)).delete()
    expired = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True)
    _total, by_model = expired.delete()
    return by_model.get(Query._meta.label, 0)
