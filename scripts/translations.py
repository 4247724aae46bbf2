"""Keep the .po catalogues complete.

    python scripts/translations.py status            # list untranslated or fuzzy entries
    python scripts/translations.py fill-nn           # Nynorsk is the source language: msgstr = msgid
    python scripts/translations.py apply FILE.json [APP]   # {"nb": {"msgid": "msgstr" | ["singular", "plural"]}, "en": {...}}

`apply` fills the entries of the given msgids in every catalogue of that language, or only
in APP's catalogues (e.g. `merkur`, or `project` for distrikt/locale) when APP is given.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def catalogues(language: str | None = None, app: str | None = None) -> list[tuple[str, Path]]:
    found = []
    for path in sorted((ROOT / "distrikt").glob("**/locale/*/LC_MESSAGES/django.po")):
        code = path.parent.parent.name
        owner = path.relative_to(ROOT / "distrikt").parts[0]
        owner = "project" if owner == "locale" else owner
        if (language is None or code == language) and (app is None or owner == app):
            found.append((code, path))
    return found


def is_missing(entry: polib.POEntry) -> bool:
    if entry.obsolete:
        return False
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def status() -> int:
    missing = 0
    for code, path in catalogues():
        for entry in polib.pofile(str(path)):
            if is_missing(entry):
                missing += 1
                print(f"{path.relative_to(ROOT)} [{code}]: {entry.msgid!r}")
    print(f"{missing} missing")
    return 1 if missing else 0


def fill_nynorsk() -> int:
    for _code, path in catalogues("nn"):
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
    return 0


def apply(mapping_path: str, app: str | None = None) -> int:
    mapping = json.loads(Path(mapping_path).read_text(encoding="utf-8"))
    for code, texts in mapping.items():
        for _code, path in catalogues(code, app):
            po = polib.pofile(str(path))
            for entry in po:
                if entry.msgid not in texts:
                    continue
                value = texts[entry.msgid]
                if entry.msgid_plural:
                    singular, plural = value if isinstance(value, list) else (value, value)
                    entry.msgstr_plural = {0: singular, 1: plural}
                else:
                    entry.msgstr = value if isinstance(value, str) else value[0]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            po.save()
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "status"
    if command == "status":
        sys.exit(status())
    if command == "fill-nn":
        sys.exit(fill_nynorsk())
    if command == "apply":
        sys.exit(apply(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))
    sys.exit(__doc__)
