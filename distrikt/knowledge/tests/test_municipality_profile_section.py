"""The municipality profile shows its own knowledge and examples from similar municipalities."""

import pytest

from distrikt.knowledge.factories import ArticlePageFactory, PracticalExamplePageFactory
from distrikt.knowledge.profile_section import knowledge_profile_section
from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.municipalities.profile_sections import sections_for

pytestmark = pytest.mark.django_db


def test_section_lists_own_knowledge_and_similar_examples(home_page):
    # similar_municipalities() compares log population, centrality index and ten-year growth.
    own = MunicipalityFactory(
        name="Heimbygd", population=2000, centrality_class=6, centrality_index=420, population_change_10y=-4.0
    )
    similar = MunicipalityFactory(
        name="Likbygd", population=2100, centrality_class=6, centrality_index=430, population_change_10y=-3.5
    )
    different = MunicipalityFactory(
        name="Storby", population=200000, centrality_class=1, centrality_index=960, population_change_10y=12.0
    )
    ArticlePageFactory(title="Om Heimbygd", municipalities=[own])
    PracticalExamplePageFactory(title="Døme frå Likbygd", municipalities=[similar])
    PracticalExamplePageFactory(title="Døme frå Storby", municipalities=[different])

    section = knowledge_profile_section(own)
    assert section is not None
    assert [entry.title for entry in section.context["entries"]] == ["Om Heimbygd"]
    # Nearest first: the small place like this one before the city.
    titles = [entry.title for entry, _places in section.context["similar_examples"]]
    assert titles[0] == "Døme frå Likbygd"
    assert titles.index("Døme frå Likbygd") < titles.index("Døme frå Storby")
    assert section in sections_for(own)


def test_section_is_left_out_when_there_is_nothing_and_figures_are_missing(home_page):
    lonely = MunicipalityFactory(name="Tombygd")
    assert knowledge_profile_section(lonely) is None
