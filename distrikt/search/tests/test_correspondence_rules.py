"""Every nn/nb correspondence rule works in both directions: text in one standard is found
by a query in the other (pure functions, no database)."""

import pytest

from distrikt.search.indexer import term_weights
from distrikt.search.morphology import (
    ENDING_RULES,
    SPELLING_RULES,
    VARIANT_GROUPS,
    compound_parts,
    one_edit_away,
    query_terms,
    vocabulary_checker,
)

RULE_EXAMPLES = [
    (name, nynorsk, bokmal)
    for name, _pattern, _replacement, examples in SPELLING_RULES
    for nynorsk, bokmal in examples
] + [
    (name, nynorsk, bokmal)
    for name, _ending, _replacement, examples in ENDING_RULES
    for nynorsk, bokmal in examples
]

ISSUE_PAIRS = [
    ("tilleggstenester", "tilleggstjenester"),
    ("klimatilpassing", "klimatilpasning"),
    ("ordførar", "ordfører"),
    ("busetjinga", "bosettingen"),
    ("arbeidsplassar", "arbeidsplasser"),
    ("barnehagane", "barnehagene"),
    ("tilflyttarar", "tilflyttere"),
]


def found_by(text: str, query: str) -> bool:
    indexed = term_weights("", text)
    return all(term in indexed for term in query_terms(query))


def test_every_rule_has_examples():
    assert all(examples for *_rest, examples in SPELLING_RULES)
    assert all(examples for *_rest, examples in ENDING_RULES)


@pytest.mark.parametrize(("rule", "nynorsk", "bokmal"), RULE_EXAMPLES)
def test_a_nynorsk_text_is_found_by_the_bokmal_form(rule, nynorsk, bokmal):
    assert found_by(nynorsk, bokmal), rule


@pytest.mark.parametrize(("rule", "nynorsk", "bokmal"), RULE_EXAMPLES)
def test_a_bokmal_text_is_found_by_the_nynorsk_form(rule, nynorsk, bokmal):
    assert found_by(bokmal, nynorsk), rule


@pytest.mark.parametrize(("nynorsk", "bokmal"), ISSUE_PAIRS)
def test_the_pairs_from_the_issue_meet_both_ways(nynorsk, bokmal):
    assert found_by(nynorsk, bokmal)
    assert found_by(bokmal, nynorsk)


@pytest.mark.parametrize("group", VARIANT_GROUPS, ids=lambda group: group[0])
def test_the_irregular_list_joins_every_form_of_a_group(group):
    keys = {tuple(query_terms(word)) for word in group}
    assert len(keys) == 1, group


def test_rules_do_not_join_different_words():
    pairs = [("kommune", "fylke"), ("butikk", "bustad"), ("plan", "plass"), ("heim", "hage"), ("tal", "tak")]
    for first, second in pairs:
        assert query_terms(first) != query_terms(second)


def test_a_compound_is_split_against_known_words():
    is_known = vocabulary_checker(["klima", "tilpassing", "butikk", "nær", "dagleg", "vare"])
    assert compound_parts("klimatilpassing", is_known)[:2] == ["klima", "tilpassing"]
    assert compound_parts("nærbutikk", is_known)[:2] == ["nær", "butikk"]
    assert {"dagleg", "vare", "butikk"} <= set(compound_parts("daglegvarebutikk", is_known))
    assert compound_parts("kommunar", is_known) == []


def test_compound_parts_weigh_less_than_a_word_standing_alone():
    is_known = vocabulary_checker(["klima", "tilpassing"])
    alone = term_weights("Klima", "", is_known)
    part = term_weights("Klimatilpassing", "", is_known)
    (klima,) = query_terms("klima")
    assert 0 < part[klima] < alone[klima]
    assert term_weights("", "klima", is_known)[klima] > part[klima]


def test_one_edit_reaches_swaps_deletions_insertions_and_substitutions():
    edits = one_edit_away("kommuneplna")
    assert "kommuneplan" in edits
    assert "nærbutikk" in one_edit_away("nærbutik")
    assert "butikk" in one_edit_away("butikkk")
    assert "butikk" in one_edit_away("bitikk")
