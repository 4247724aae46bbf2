"""What the first-run loader puts in place: index, themes, home links and marked demo content."""

from django.core.management import call_command

import pytest

from distrikt.core.language_share import count_words, text_of_page
from distrikt.core.models import HomePage
from distrikt.knowledge.models import KnowledgeEntry, KnowledgeIndexPage, ThemePage
from distrikt.organisation.models import KnowledgeArea

pytestmark = pytest.mark.django_db


def test_first_run_builds_the_bank_and_a_second_run_changes_nothing(bundled_site, client):
    index = KnowledgeIndexPage.objects.get()
    assert index.slug == "kunnskap" and index.show_in_menus
    assert ThemePage.objects.count() == KnowledgeArea.objects.count() == 6

    entries = KnowledgeEntry.objects.all()
    assert entries.count() >= 30
    # The local democracy guide is real content; everything else shipped is marked demo.
    assert list(entries.filter(is_demo=False).values_list("content_type", "title")) == [
        ("guide", "Nærdemokratirettleiaren")
    ]
    assert entries.filter(municipalities__isnull=False).distinct().count() >= 10
    assert entries.filter(language="en").count() >= 3
    assert {code for (code,) in entries.values_list("content_type").distinct()} >= {
        "article",
        "publication",
        "film",
        "example",
        "research",
        "guide",
    }
    words = {"nn": 0, "nb": 0}
    for entry in entries.exclude(language="en"):
        words[entry.language] += count_words(text_of_page(entry.page.specific))
    total = sum(words.values())
    assert words["nn"] / total >= 0.25 and words["nb"] / total >= 0.25

    edited = ThemePage.objects.get(slug="merkur")
    edited.lead = "Redigert av ein redaktør."
    edited.save_revision().publish()
    before = entries.count()
    call_command("load_knowledge", verbosity=0)
    edited.refresh_from_db()
    assert edited.lead == "Redigert av ein redaktør."
    assert KnowledgeEntry.objects.count() == before


def test_home_page_area_cards_point_at_the_theme_pages(bundled_site, client):
    home = HomePage.objects.get()
    cards = [card for block in home.body if block.block_type == "cards" for card in block.value["cards"]]
    assert cards
    theme_ids = set(ThemePage.objects.values_list("pk", flat=True))
    assert all(card["page"] is not None and card["page"].pk in theme_ids for card in cards)
    response = client.get("/")
    assert "/kunnskap/merkur/" in response.content.decode()


def test_a_real_deployment_can_leave_the_demo_content_out(home_page, settings):
    from django.core.management import call_command as run

    settings.KNOWLEDGE_LOAD_DEMO_CONTENT = False
    run("load_organisation", verbosity=0)
    run("load_knowledge", verbosity=0)
    assert ThemePage.objects.count() == 6
    # Only the shipped guide, which is real content, not demo.
    assert list(KnowledgeEntry.objects.values_list("content_type", "is_demo")) == [("guide", False)]
