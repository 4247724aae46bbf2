"""Nynorsk and Bokmål forms meet in the same search terms, and searches find them on any database."""

import pytest

from distrikt.knowledge.factories import ArticlePageFactory
from distrikt.search import engine
from distrikt.search.morphology import query_terms, terms_of

pytestmark = pytest.mark.django_db

SAME_TERM = [
    ("kommunar", ["kommuner", "kommunane", "kommunene", "kommune", "kommunen"]),
    ("nærbutikkane", ["nærbutikk", "nærbutikker", "nærbutikken", "nærbutikkene"]),
    ("berekraftig", ["bærekraftig", "berekraft", "bærekraft", "bærekraftige"]),
    ("innbyggjarane", ["innbyggerne", "innbyggjar", "innbygger"]),
    ("framtida", ["fremtiden", "framtidas", "fremtid"]),
    ("rettleiar", ["veileder", "veiledning"]),
    ("tenestene", ["tjenester", "teneste"]),
    ("samarbeidet", ["samarbeid", "samarbeider"]),
    ("verksemder", ["virksomheter", "verksemd"]),
    ("busetjing", ["bosetting", "busetting"]),
]


@pytest.mark.parametrize(("word", "variants"), SAME_TERM)
def test_variants_share_one_term(word, variants):
    expected = query_terms(word)
    assert len(expected) == 1
    for variant in variants:
        assert query_terms(variant) == expected, variant


def test_different_words_stay_apart():
    assert query_terms("kommune") != query_terms("fylke")
    assert query_terms("butikk") != query_terms("bustad")


def test_case_and_punctuation_do_not_matter():
    assert terms_of("KOMMUNANE, kommunar!") == query_terms("kommunar") * 2


def test_stopwords_are_left_out_unless_they_are_all_there_is():
    assert query_terms("kommunar og fylke") == query_terms("kommunar fylke")
    assert query_terms("og") == ["og"]


def titles(query: str) -> set[str]:
    return {hit.title for hit in engine.search({"q": query, "type": "article"}).hits}


@pytest.fixture
def pages(home_page):
    ArticlePageFactory(title="Mange kommuner samarbeider", lead="Om regionalt arbeid.")
    ArticlePageFactory(title="Kommunane i regionen", lead="Nynorsk tekst.")
    ArticlePageFactory(title="Nærbutikker i distriktet", lead="Bokmål om butikk.")
    ArticlePageFactory(title="Ein nærbutikk på bygda", lead="Nynorsk om butikk.")
    ArticlePageFactory(title="Bærekraftig reiseliv", lead="Turisme som varer.")
    ArticlePageFactory(title="Fiskeri og havbruk", lead="Kystnæringar.")


def test_kommunar_finds_kommuner_and_kommunane(pages):
    assert titles("kommunar") == {"Mange kommuner samarbeider", "Kommunane i regionen"}


def test_naerbutikkane_finds_naerbutikk_and_naerbutikker(pages):
    assert {"Nærbutikker i distriktet", "Ein nærbutikk på bygda"} <= titles("nærbutikkane")


def test_berekraftig_finds_baerekraftig(pages):
    assert titles("berekraftig") == {"Bærekraftig reiseliv"}


def test_all_words_must_match_before_any_word_is_enough(pages):
    assert titles("kommunar regionen") == {"Kommunane i regionen"}
    assert "Fiskeri og havbruk" in titles("havbruk ukjendord")


def test_the_title_weighs_more_than_the_text(pages):
    ArticlePageFactory(title="Reiseliv i fjellet", lead="Nemner bærekraftig drift ein gong.")
    hits = engine.search({"q": "bærekraftig", "type": "article"}).hits
    assert hits[0].title == "Bærekraftig reiseliv"


def test_matches_are_highlighted_in_the_snippet(pages):
    hit = next(h for h in engine.search({"q": "havbruk"}).hits)
    assert "<mark>havbruk</mark>" in hit.snippet
