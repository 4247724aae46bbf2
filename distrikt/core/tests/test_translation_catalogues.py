"""Every interface string is translated into Nynorsk, Bokmål and English."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOGUES = sorted(ROOT.glob("distrikt/**/locale/*/LC_MESSAGES/django.po"))


def test_each_app_with_strings_has_all_three_catalogues():
    languages_by_folder: dict[Path, set[str]] = {}
    for path in CATALOGUES:
        languages_by_folder.setdefault(path.parents[2], set()).add(path.parents[1].name)
    assert languages_by_folder, "no catalogues found"
    for folder, languages in languages_by_folder.items():
        assert languages == {"nn", "nb", "en"}, folder


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_catalogue_has_no_untranslated_or_fuzzy_entries(path):
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy in {path}"
