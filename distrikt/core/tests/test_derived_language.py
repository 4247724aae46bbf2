"""A derived value holding text is never served in another language, even if its caller forgets."""

from django.utils import translation
from django.utils.translation import gettext

import pytest

from distrikt.core.derived import get_or_compute

pytestmark = pytest.mark.django_db


# A catalogue entry that differs between Nynorsk, Bokmål and English (a variable, so that
# makemessages does not copy it into the core catalogue).
LABEL = "Hopp til hovudinnhaldet"


def _label() -> str:
    return gettext(LABEL)


def test_a_value_computed_in_nynorsk_is_not_served_to_an_english_reader():
    with translation.override("nn"):
        nynorsk = get_or_compute("test-language", "label", _label)
    with translation.override("en"):
        english = get_or_compute("test-language", "label", _label)
    with translation.override("nb"):
        bokmaal = get_or_compute("test-language", "label", _label)
    assert nynorsk == LABEL
    assert english != nynorsk
    assert bokmaal not in (nynorsk, english)


def test_a_language_neutral_value_is_computed_once_for_all_languages():
    calls = []

    def count() -> int:
        calls.append(1)
        return 42

    for language in ("nn", "nb", "en"):
        with translation.override(language):
            assert get_or_compute("test-language", "figure", count, language_neutral=True) == 42
    assert len(calls) == 1
