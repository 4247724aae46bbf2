"""Searches that found nothing are listed for editors; answered ones are not."""

import pytest

from distrikt.knowledge.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_the_report_lists_queries_without_results(client, admin_client, home_page):
    ArticlePageFactory(title="Nærbutikken i sentrum")
    client.get("/sok/", {"q": "heilt ukjendord"})
    client.get("/sok/", {"q": "nærbutikken"})
    content = admin_client.get("/admin/sok/utan-treff/").content.decode()
    assert "heilt ukjendord" in content
    assert "nærbutikken" not in content
