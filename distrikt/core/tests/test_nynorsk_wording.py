"""Known Nynorsk mistakes stay out of the interface, the e-mails and the shipped page content.

Nynorsk is the source language, so a mistake in a msgid reaches every Nynorsk reader. The
patterns are the mistakes a proofreading found; each names the rule it checks.
"""

import re
from pathlib import Path

import polib
import pytest

PROJECT = Path(__file__).resolve().parents[2]

MISTAKES = {
    # «teneste» is feminine: ei teneste, ei anna teneste, ei tilleggsteneste.
    "ein … teneste": re.compile(r"\b[Ee]in (?:annan |ny |)(?:tilleggs)?teneste\b"),
    # Unregistering is «frå» something, registering «til» something.
    "avmeld utan «frå»": re.compile(r"\bavmeld(?:e)? (?:%\(|\{\{)"),
    "påmeld utan «til»": re.compile(r"\bpåmeld(?:e)? (?:%\(|\{\{)|\bpåmeld:"),
    # A change over ten years is «siste ti år».
    "Endring ti år": re.compile(r"\bEndring ti år\b"),
    # «innhald» is neuter: ikkje noko innhald, not «ingen innhald».
    "Ingen innhald": re.compile(r"\b[Ii]ngen innhald\b"),
}
# A count followed by a plural word needs a plural form (1 nedlagd, 2 nedlagde).
COUNT_WITH_PLURAL_WORD = re.compile(
    r"%\((?:count|counter|active|closed)\)s (?:\w+ )?(?:nedlagde|butikkar|personar|plassar)\b"
)


def _nynorsk_entries():
    for path in sorted(PROJECT.glob("**/locale/nn/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                yield path, entry


def _texts():
    for path, entry in _nynorsk_entries():
        yield path, entry.msgid
        yield path, entry.msgstr
        for text in [entry.msgid_plural, *entry.msgstr_plural.values()]:
            if text:
                yield path, text
    for path in PROJECT.glob("*/templates/*/email/*.txt"):
        yield path, path.read_text(encoding="utf-8")
    for path in PROJECT.glob("*/management/commands/_*.py"):
        yield path, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", sorted(MISTAKES))
def test_no_nynorsk_text_makes_a_known_mistake(rule):
    pattern = MISTAKES[rule]
    found = [f"{path.relative_to(PROJECT)}: {text[:90]!r}" for path, text in _texts() if pattern.search(text)]
    assert found == [], rule


def test_a_count_followed_by_a_plural_word_has_a_singular_form():
    found = [
        f"{path.relative_to(PROJECT)}: {entry.msgid!r}"
        for path, entry in _nynorsk_entries()
        if not entry.msgid_plural and COUNT_WITH_PLURAL_WORD.search(entry.msgid)
    ]
    assert found == []
