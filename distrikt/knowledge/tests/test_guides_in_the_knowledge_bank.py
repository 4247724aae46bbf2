"""Published guides are listed in the knowledge bank as their own type, with their themes;
the unpublished draft guides are not listed."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from distrikt.knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory
from distrikt.knowledge.models import GuidePage, KnowledgeEntry
from distrikt.organisation.factories import KnowledgeAreaFactory

pytestmark = pytest.mark.django_db

GUIDE = "Nærdemokratirettleiaren"


@pytest.fixture
def bank(home_page):
    index = KnowledgeIndexPageFactory()
    democracy = KnowledgeAreaFactory(slug="lokaldemokrati", name="Lokaldemokrati")
    shops = KnowledgeAreaFactory(slug="butikk", name="Butikk")
    ArticlePageFactory(title="Artikkel om demokrati", knowledge_areas=[democracy])
    ArticlePageFactory(title="Artikkel om butikk", knowledge_areas=[shops])
    call_command("load_guides", verbosity=0)
    return index


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [entry.title for entry in response.context["result"].page.object_list]


def type_counts(response) -> dict[str, tuple[str, int]]:
    facet = next(f for f in response.context["result"].facets if f.key == "type")
    return {option.value: (option.label, option.count) for option in facet.options}


def test_the_published_guide_has_a_bank_entry_with_its_themes(bank):
    entry = KnowledgeEntry.objects.get(content_type="guide")
    guide = GuidePage.objects.get(slug="naerdemokratirettleiaren")
    assert entry.page_id == guide.pk
    assert entry.title == GUIDE
    assert entry.url == guide.url
    assert entry.summary == guide.lead
    assert entry.date == timezone.localdate(guide.first_published_at)
    assert not entry.is_demo
    assert list(entry.knowledge_areas.values_list("slug", flat=True)) == ["lokaldemokrati"]


def test_draft_guides_are_left_out_of_the_bank(bank):
    drafts = GuidePage.objects.filter(live=False)
    assert drafts.count() == 2
    assert not KnowledgeEntry.objects.filter(page__in=drafts).exists()
    assert KnowledgeEntry.objects.filter(content_type="guide").count() == 1


def test_guides_can_be_filtered_by_type_and_theme_on_the_index(client, bank):
    assert titles(client.get("/kunnskap/?type=guide")) == [GUIDE]
    assert titles(client.get("/kunnskap/?type=guide&tema=butikk")) == []
    assert sorted(titles(client.get("/kunnskap/?tema=lokaldemokrati"))) == sorted(
        [GUIDE, "Artikkel om demokrati"]
    )
    assert type_counts(client.get("/kunnskap/"))["guide"] == ("Rettleiar", 1)
    assert type_counts(client.get("/nb/kunnskap/"))["guide"] == ("Veileder", 1)
    assert type_counts(client.get("/en/kunnskap/"))["guide"] == ("Guide", 1)


def test_the_list_shows_the_guide_with_its_type(client, bank):
    html = client.get("/kunnskap/?type=guide").content.decode()
    assert '<span class="ds-tag">Rettleiar</span>' in html
    assert 'href="/kunnskap/naerdemokratirettleiaren/"' in html


def test_guides_are_in_the_knowledge_api(client, bank):
    data = client.get("/api/v1/knowledge?type=guide&tema=lokaldemokrati").json()
    assert data["count"] == 1
    assert data["results"][0]["title"] == GUIDE
    assert data["results"][0]["type"] == "guide"
    assert data["results"][0]["type_label"] == "Rettleiar"
    assert not data["ignored_filters"]


def test_unpublishing_a_guide_takes_it_out_of_the_bank(bank):
    GuidePage.objects.get(slug="naerdemokratirettleiaren").unpublish()
    assert not KnowledgeEntry.objects.filter(content_type="guide").exists()


def test_a_guide_published_before_guides_joined_the_bank_is_listed_by_the_loader(bank):
    KnowledgeEntry.objects.filter(content_type="guide").delete()
    call_command("load_guides", verbosity=0)
    assert KnowledgeEntry.objects.filter(content_type="guide").count() == 1


def test_editing_a_guide_dates_it_by_its_first_publication(bank):
    guide = GuidePage.objects.get(slug="naerdemokratirettleiaren")
    first = timezone.localdate(guide.first_published_at)
    guide.first_published_at = timezone.now() - datetime.timedelta(days=400)
    guide.save()
    guide.lead = "Ny ingress."
    guide.save_revision().publish()
    entry = KnowledgeEntry.objects.get(content_type="guide")
    assert entry.summary == "Ny ingress."
    assert entry.date == first - datetime.timedelta(days=400)
