"""The municipality profile shows its own knowledge and examples from similar municipalities."""

import pytest

from distrikt.knowledge.factories import ArticlePageFactory, PracticalExamplePageFactory
from distrikt.knowledge.profile_section import knowledge_profile_section
from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.municipalities.profile_sections import sections_for

pytestmark = pytest.mark.django_db


def test_section_lists_own_knowledge_and_similar_examples(home_page):
    own = MunicipalityFactory(name="Heimbygd", population=2000, centrality_class=6)
    similar = MunicipalityFactory(name="Likbygd", population=2100, centrality_class=6)
    different = MunicipalityFactory(name="Storby", population=200000, centrality_class=1)
    ArticlePageFactory(title="Om Heimbygd", municipalities=[own])
    PracticalExamplePageFactory(title="Døme frå Likbygd", municipalities=[similar])
    PracticalExamplePageFactory(title="Døme frå Storby", municipalities=[different])

    section = knowledge_profile_section(own)
    assert section is not None
    assert [entry.title for entry in section.context["entries"]] == ["Om Heimbygd"]
    assert [entry.title for entry, _places in section.context["similar_examples"]] == ["Døme frå Likbygd"]
    assert section in sections_for(own)


def test_section_is_left_out_when_there_is_nothing_and_figures_are_missing(home_page):
    lonely = MunicipalityFactory(name="Tombygd")
    assert knowledge_profile_section(lonely) is None
