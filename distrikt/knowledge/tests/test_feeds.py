"""RSS and Atom feeds of the whole bank and of one theme validate and hold the right items."""

import feedparser
import pytest

from distrikt.knowledge.factories import (
    ArticlePageFactory,
    KnowledgeIndexPageFactory,
    ThemePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(home_page):
    index = KnowledgeIndexPageFactory()
    theme = ThemePageFactory(parent=index)
    ArticlePageFactory(title="I temaet", knowledge_areas=[theme.knowledge_area])
    ArticlePageFactory(title="Utanfor temaet")
    return index, theme


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_the_whole_bank_feed_is_well_formed(client, bank, route, version):
    index, _theme = bank
    response = client.get(index.url + route)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert {item.title for item in feed.entries} == {"I temaet", "Utanfor temaet"}
    assert all(item.link.startswith("http://testserver/") for item in feed.entries)


@pytest.mark.parametrize("route", ["rss/", "atom/"])
def test_a_theme_feed_holds_only_that_theme(client, bank, route):
    _index, theme = bank
    feed = feedparser.parse(client.get(theme.url + route).content)
    assert not feed.bozo
    assert [item.title for item in feed.entries] == ["I temaet"]
