"""The knowledge index is indexed once: a filtered, searched or sorted combination is `noindex`."""

import pytest

from distrikt.knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory
from distrikt.knowledge.forms import KnowledgeFilterForm
from distrikt.knowledge.models import KnowledgeIndexPage

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def index(home_page):
    index = KnowledgeIndexPageFactory()
    ArticlePageFactory(title="Ein artikkel")
    return index


def test_the_unfiltered_index_and_its_next_pages_are_indexable(client, index):
    for url in (index.url, index.url + "?page=2"):
        response = client.get(url)
        assert response.status_code == 200
        assert NOINDEX not in response.content.decode()


@pytest.mark.parametrize("query", ["?type=article", "?q=artikkel", "?sort=newest", "?tema=finst-ikkje"])
def test_a_filtered_combination_is_not_indexed(client, index, query):
    response = client.get(index.url + query)
    assert response.status_code == 200
    assert NOINDEX in response.content.decode()


def test_the_page_cache_keeps_every_parameter_the_list_reads():
    assert {*KnowledgeFilterForm.base_fields, "page"} <= set(KnowledgeIndexPage.cache_query_params)
