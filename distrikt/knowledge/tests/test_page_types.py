"""Every knowledge page type: where it may be created, and that it renders."""

import pytest

from distrikt.core.models import HomePage
from distrikt.knowledge.factories import (
    ArticlePageFactory,
    FilmPageFactory,
    KnowledgeIndexPageFactory,
    PracticalExamplePageFactory,
    PublicationPageFactory,
    ResearchReportPageFactory,
    ThemePageFactory,
)
from distrikt.knowledge.models import (
    ArticlePage,
    FilmPage,
    KnowledgeIndexPage,
    PracticalExamplePage,
    PublicationPage,
    ResearchReportPage,
    ThemePage,
)
from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.organisation.factories import PersonFactory

pytestmark = pytest.mark.django_db

CONTENT_TYPES = [
    ArticlePage,
    PublicationPage,
    FilmPage,
    PracticalExamplePage,
    ResearchReportPage,
]


def test_index_page_lives_under_the_home_page_only():
    assert KnowledgeIndexPage.allowed_parent_page_models() == [HomePage]


def test_theme_and_content_pages_live_under_the_index_only():
    for page_class in [ThemePage, *CONTENT_TYPES]:
        assert page_class.allowed_parent_page_models() == [KnowledgeIndexPage]
        assert page_class.allowed_subpage_models() == []


def test_index_and_theme_pages_render(client, home_page):
    index = KnowledgeIndexPageFactory()
    theme = ThemePageFactory(parent=index)
    expert = PersonFactory(name="Eva Ekspert")
    expert.knowledge_areas.add(theme.knowledge_area)
    ArticlePageFactory(title="Tagga artikkel", knowledge_areas=[theme.knowledge_area])
    assert client.get(index.url).status_code == 200
    response = client.get(theme.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tagga artikkel" in content
    assert "Eva Ekspert" in content


@pytest.mark.parametrize(
    "factory",
    [
        ArticlePageFactory,
        PublicationPageFactory,
        FilmPageFactory,
        PracticalExamplePageFactory,
        ResearchReportPageFactory,
    ],
)
def test_each_content_type_renders_with_its_title_and_language(client, home_page, factory):
    author = PersonFactory(name="Ola Forfattar")
    place = MunicipalityFactory(name="Testbygd")
    page = factory(
        title="Ei side om bygda",
        language="nb",
        authors=[author],
        municipalities=[place],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ei side om bygda" in content
    assert 'lang="nb"' in content
    assert "Ola Forfattar" in content
    assert "Testbygd" in content
    assert 'property="og:type" content="article"' in content


def test_film_page_shows_the_full_transcript_and_no_third_party_frame(client, home_page):
    page = FilmPageFactory(
        transcript="Første line av teksten.\nAndre line.",
        video_url="https://video.example.org/film/1",
    )
    content = client.get(page.url).content.decode()
    assert "Første line av teksten." in content
    assert "<iframe" not in content
    assert "https://video.example.org/film/1" in content


def test_practical_example_shows_what_was_done_and_the_municipalities(client, home_page):
    place = MunicipalityFactory(name="Dømebygd", population=1234, centrality_class=6)
    page = PracticalExamplePageFactory(municipalities=[place], cost="Ein stilling.")
    content = client.get(page.url).content.decode()
    for text in (
        "Fordi det trongst.",
        "Saman med innbyggjarane.",
        "Ein stilling.",
        "Dømebygd",
    ):
        assert text in content
    assert "<caption>" in content
