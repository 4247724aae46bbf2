"""Find Nynorsk interface text in a rendered English page (helpers for the English-site test).

The Nynorsk catalogues are the list of interface words: any Nynorsk translation that differs
from its English one and shows up in the English page's chrome is a leak. Text inside an
element marked with another language (`lang="nn"`, page content written in Norwegian) is
content, not chrome, and is left out.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib

PROJECT = Path(__file__).resolve().parents[2]
MINIMUM_LENGTH = 5
# Words spelt the same in English or used as names in English text.
NAMES = {
    "Distriktssenteret",
    "Distriktsindeksen",
    "Distriktsindeks",
    "Merkur",
    "Nynorsk",
    "Bokmål",
    "Webinar",
    "Arrangement",
    "Status",
    "Demo",
    "Kommunenummer",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
PLACEHOLDER = re.compile(r"%\(\w+\)s|%%|%s")


def _pieces(text: str):
    for piece in PLACEHOLDER.split(text):
        piece = piece.strip(" .,:;!?()«»“”–-*/\n")
        if len(piece) >= MINIMUM_LENGTH and piece not in NAMES and any(ch.isalpha() for ch in piece):
            yield piece


def nynorsk_phrases() -> set[str]:
    """Nynorsk interface texts (and their parts between placeholders) that English does not share."""
    phrases: set[str] = set()
    for nynorsk_path in PROJECT.glob("**/locale/nn/LC_MESSAGES/django.po"):
        english_path = nynorsk_path.parent.parent.parent / "en" / "LC_MESSAGES" / "django.po"
        english = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(english_path))}
        for entry in polib.pofile(str(nynorsk_path)):
            if entry.obsolete:
                continue
            other = english.get((entry.msgctxt, entry.msgid))
            english_texts = [other.msgstr, *other.msgstr_plural.values()] if other else []
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                for piece in _pieces(text):
                    if not any(piece in english_text for english_text in english_texts):
                        phrases.add(piece)
    return phrases


class _ChromeText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []
        self.texts: list[str] = []

    def _is_content(self) -> bool:
        return any(is_other for _tag, is_other in self.open)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        language = (values.get("lang") or "").lower()
        is_other = tag != "html" and bool(language) and not language.startswith("en")
        if not (self._is_content() or is_other):
            self.texts.extend(values[name] for name in READ_ATTRIBUTES if values.get(name))
        if tag not in VOID:
            self.open.append((tag, is_other))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                break

    def handle_data(self, data):
        if self._is_content() or any(tag in ("script", "style") for tag, _other in self.open):
            return
        self.texts.append(data)


def english_chrome_text(html: str) -> str:
    """The text a reader meets on the page, without content marked as written in another language."""
    parser = _ChromeText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.texts))


def find_nynorsk(text: str, phrases: set[str]) -> list[str]:
    return sorted(phrase for phrase in phrases if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text))
