"""News: the list and item pages in every language, their RSS feed, and where they may live."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from distrikt.core.models import HomePage
from distrikt.knowledge.factories import NewsIndexPageFactory, NewsPageFactory
from distrikt.knowledge.models import NewsIndexPage, NewsPage
from distrikt.organisation.factories import KnowledgeAreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site):
    index = NewsIndexPageFactory()
    merkur = KnowledgeAreaFactory(slug="merkur", name="Merkur")
    older = NewsPageFactory(title="Eldre nyheit", date=datetime.date(2026, 1, 5))
    newer = NewsPageFactory(title="Nyare nyheit", date=datetime.date(2026, 3, 1), knowledge_areas=[merkur])
    return index, older, newer


def test_news_pages_live_only_under_the_news_list():
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize("prefix", ["", "/nb", "/en"])
def test_news_list_and_item_render_in_every_language(client, news, prefix):
    response = client.get(f"{prefix}/nyheiter/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Nyare nyheit") < body.index("Eldre nyheit")
    assert 'type="application/rss+xml"' in body
    assert client.get(f"{prefix}/nyheiter/nyare-nyheit/").status_code == 200


def test_rss_feed_lists_the_news_newest_first_with_absolute_links(client, news):
    response = client.get("/nyheiter/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314  (our own feed)
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Nyare nyheit", "Eldre nyheit"]
    assert items[0].findtext("link") == "http://testserver/nyheiter/nyare-nyheit/"
    assert items[0].findtext("category") == "Merkur"


def test_unpublished_news_is_not_listed(client, news):
    _index, older, _newer = news
    older.unpublish()
    assert "Eldre nyheit" not in client.get("/nyheiter/").content.decode()
    assert "Eldre nyheit" not in client.get("/nyheiter/rss/").content.decode()


def test_merkur_news_has_its_own_home_section(client, news):
    body = client.get("/").content.decode()
    assert "Nytt frå Merkur" in body
    merkur_part = body[body.index("Nytt frå Merkur") :]
    assert "Nyare nyheit" in merkur_part
    assert "Eldre nyheit" in body[: body.index("Nytt frå Merkur")]
