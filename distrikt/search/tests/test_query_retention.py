"""Visitors' search queries are kept SEARCH_QUERY_RETENTION_DAYS days, then deleted."""

import datetime

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from distrikt.search.retention import delete_expired_queries

pytestmark = pytest.mark.django_db


def searched(text: str, days_ago: int) -> Query:
    query = Query.get(text)
    query.add_hit(date=timezone.now().date() - datetime.timedelta(days=days_ago))
    return query


def test_the_search_page_records_the_query(client):
    client.get("/sok/?q=ola+nordmann+91234567")
    assert Query.objects.filter(query_string="ola nordmann 91234567").exists()


def test_queries_older_than_the_period_are_deleted_and_recent_ones_kept():
    searched("ola nordmann 91234567", days_ago=91)
    searched("kommuneøkonomi", days_ago=89)
    both = searched("bustad", days_ago=200)
    both.add_hit()
    assert delete_expired_queries(timezone.now()) == 1
    assert set(Query.objects.values_list("query_string", flat=True)) == {"kommuneøkonomi", "bustad"}
    assert QueryDailyHits.objects.filter(query=both).count() == 1


@override_settings(SEARCH_QUERY_RETENTION_DAYS=7)
def test_the_period_is_a_setting():
    searched("gammalt søk", days_ago=8)
    searched("nytt søk", days_ago=6)
    assert delete_expired_queries(timezone.now()) == 1
    assert list(Query.objects.values_list("query_string", flat=True)) == ["nytt søk"]


def test_queries_with_editors_promotions_stay(home_page):
    promoted = searched("merkur", days_ago=400)
    SearchPromotion.objects.create(query=promoted, page=home_page, description="")
    delete_expired_queries(timezone.now())
    assert Query.objects.filter(pk=promoted.pk).exists()
    assert not promoted.daily_hits.exists()


def test_the_daily_retention_job_deletes_old_queries():
    searched("ola nordmann 91234567", days_ago=100)
    call_command("apply_retention", verbosity=0)
    assert not Query.objects.exists()
