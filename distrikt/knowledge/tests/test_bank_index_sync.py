"""The knowledge-bank table follows publishing, unpublishing, deleting and moving pages."""

import datetime

from django.core.management import call_command

import pytest

from distrikt.core.models import StandardPage
from distrikt.knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory
from distrikt.knowledge.models import KnowledgeEntry
from distrikt.knowledge.sync import entry_data_for
from distrikt.organisation.factories import KnowledgeAreaFactory

pytestmark = pytest.mark.django_db


def test_publishing_a_page_adds_it_with_its_tags(home_page):
    area = KnowledgeAreaFactory(slug="tema-a")
    page = ArticlePageFactory(title="Om tema A", knowledge_areas=[area], date=datetime.date(2024, 5, 1))
    entry = KnowledgeEntry.objects.get(page_id=page.pk)
    assert entry.title == "Om tema A"
    assert entry.content_type == "article"
    assert entry.year == 2024
    assert list(entry.knowledge_areas.values_list("slug", flat=True)) == ["tema-a"]


def test_a_draft_is_not_in_the_bank(home_page):
    page = ArticlePageFactory(publish=False)
    assert not KnowledgeEntry.objects.filter(page_id=page.pk).exists()


def test_unpublishing_and_deleting_remove_the_row(home_page):
    first = ArticlePageFactory()
    second = ArticlePageFactory()
    first.unpublish()
    second.delete()
    assert not KnowledgeEntry.objects.filter(page_id__in=[first.pk, second.pk]).exists()


def test_a_new_revision_updates_the_row(home_page):
    page = ArticlePageFactory(title="Gammal tittel")
    page.title = "Ny tittel"
    page.save_revision().publish()
    assert KnowledgeEntry.objects.get(page_id=page.pk).title == "Ny tittel"


def test_moving_a_page_updates_its_address(home_page):
    index = KnowledgeIndexPageFactory()
    page = ArticlePageFactory(parent=index, slug="flyttast")
    other_index = StandardPage(title="Arkiv", slug="arkiv")
    home_page.add_child(instance=other_index)
    # Content pages may only live under the index; move the index itself.
    index.move(other_index, pos="last-child")
    assert KnowledgeEntry.objects.get(page_id=page.pk).url == "/arkiv/kunnskap/flyttast/"


def test_pages_without_the_method_stay_out(home_page):
    assert entry_data_for(home_page) is None


def test_rebuild_command_restores_the_table(home_page):
    pages = [ArticlePageFactory() for _ in range(3)]
    KnowledgeEntry.objects.all().delete()
    call_command("rebuild_knowledge_index", verbosity=0)
    assert set(KnowledgeEntry.objects.values_list("page_id", flat=True)) == {page.pk for page in pages}
