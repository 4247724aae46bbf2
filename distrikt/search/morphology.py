"""Normalised search terms for Nynorsk and Bokmål, identical on every database.

A word is lower-cased, mapped through a small maintained list of spelling variants
between the written standards, and stemmed with Snowball's Norwegian stemmer, so that
«kommunar», «kommuner» and «kommunane» meet in one term, and «berekraftig» meets
«bærekraftig». The terms are stored in plain indexed tables (see models.py).
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_TERM_LENGTH = 60
MAX_QUERY_TERMS = 8
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_local = threading.local()

STOPWORDS = frozenset(
    [
        "og",
        "i",
        "på",
        "er",
        "det",
        "som",
        "for",
        "av",
        "til",
        "med",
        "den",
        "ein",
        "en",
        "eit",
        "et",
        "ei",
        "at",
        "å",
        "om",
        "frå",
        "fra",
        "har",
        "ikkje",
        "ikke",
        "var",
        "vi",
        "dei",
        "de",
        "seg",
        "sin",
        "si",
        "sitt",
        "sine",
        "kan",
        "skal",
        "vil",
        "blir",
        "vert",
        "ble",
        "vart",
        "men",
        "eller",
        "så",
        "no",
        "nå",
        "der",
        "her",
        "kva",
        "hva",
        "når",
        "kor",
        "hvor",
        "kven",
        "hvem",
        "han",
        "ho",
        "hun",
        "eg",
        "jeg",
        "du",
        "me",
        "oss",
        "dykk",
        "dere",
        "deg",
        "meg",
        "ved",
        "under",
        "over",
        "etter",
        "før",
        "mot",
        "ut",
        "opp",
        "inn",
        "også",
        "ogso",
        "berre",
        "bare",
        "mange",
        "mykje",
        "mye",
    ]
)

# Groups of spellings and forms that mean the same; the first one names the group.
VARIANT_GROUPS: list[tuple[str, ...]] = [
    (
        "bærekraft",
        "berekraft",
        "bærekraftig",
        "berekraftig",
        "bærekraftige",
        "berekraftige",
    ),
    (
        "innbygger",
        "innbyggjar",
        "innbyggere",
        "innbyggjarar",
        "innbyggerne",
        "innbyggjarane",
        "innbyggaren",
        "innbyggeren",
    ),
    ("fremtid", "framtid", "fremtiden", "framtida", "fremtidens", "framtidas"),
    (
        "veileder",
        "rettleiar",
        "veiledere",
        "rettleiarar",
        "veileiar",
        "rettleiing",
        "veiledning",
    ),
    ("utredning", "utgreiing", "utredninger", "utgreiingar"),
    ("undersøkelse", "undersøking", "undersøkelser", "undersøkingar"),
    ("eksempel", "døme", "eksempler", "dømer", "eksemplet", "dømet"),
    ("bolig", "bustad", "boliger", "bustader"),
    ("bosetting", "busetjing", "busetting"),
    ("tjeneste", "teneste", "tjenester", "tenester", "tjenestene", "tenestene"),
    ("virksomhet", "verksemd", "virksomheter", "verksemder"),
    ("medvirkning", "medverknad"),
    ("deltakelse", "deltaking"),
    ("tilskudd", "tilskot"),
    ("folketall", "folketal"),
    ("tall", "tal"),
    ("sysselsetting", "sysselsetjing"),
    ("skole", "skule", "skoler", "skular"),
    ("barn", "born"),
    ("hele", "heile"),
    ("hvordan", "korleis"),
    ("myndighet", "styresmakt", "myndigheter", "styresmakter"),
    ("bygge", "byggje", "bygging", "byggjing"),
    ("høring", "høyring"),
    ("hjem", "heim"),
    ("kvinne", "kvinner", "kvinnor"),
    ("ungdom", "ungdommen", "unge"),
    ("lønnsom", "lønsam", "lønnsomhet", "lønsemd"),
    ("forskning", "forsking"),
    ("lærdom", "lærdommar", "lærdommer", "erfaring", "erfaringar", "erfaringer"),
    (
        "nærbutikk",
        "nærbutikkane",
        "nærbutikker",
        "nærbutikkene",
        "butikk",
        "butikkane",
        "butikkene",
        "daglegvarebutikk",
        "dagligvarebutikk",
    ),
    ("kjøpmann", "kjøpmenn", "kjøpmannen", "kjøpmennene", "kjøpmennene"),
    ("samfunnsutvikling", "samfunnsutviklinga", "samfunnsutviklingen"),
    ("kommune", "kommunar", "kommuner", "kommunane", "kommunene", "kommunen"),
    ("region", "regionar", "regioner", "regionane", "regionene"),
    ("distrikt", "distrikta", "distriktene", "distrikter"),
    ("webinar", "webinarar", "webinarer", "nettseminar"),
    ("film", "filmar", "filmer", "video"),
]


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("norwegian")
    return stemmer


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFC", word.lower())
    # Accents that are not part of Norwegian letters: «idé» = «ide».
    return (
        "".join(
            character
            for character in unicodedata.normalize("NFD", word)
            if unicodedata.category(character) != "Mn"
            or character in ("\u030a", "\u0308")  # keep å (ring) and ä/ö/ü diaeresis
        )
        .replace("a\u030a", "å")
        .replace("A\u030a", "Å")
    )


def _stem(word: str) -> str:
    return _stemmer().stemWord(word)[:MAX_TERM_LENGTH]


def _build_variants() -> tuple[dict[str, str], dict[str, str]]:
    words: dict[str, str] = {}
    stems: dict[str, str] = {}
    for group in VARIANT_GROUPS:
        canonical = _stem(_fold(group[0]))
        for variant in group:
            folded = _fold(variant)
            words[folded] = canonical
            stems.setdefault(_stem(folded), canonical)
    return words, stems


WORD_VARIANTS, STEM_VARIANTS = _build_variants()


def words_of(text: str) -> list[str]:
    """The words of a text, folded to lower case, without punctuation or symbols."""
    return [_fold(word) for word in _WORD.findall(text or "") if len(word) <= 80]


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str | None:
    """The search term of one folded word; None for stopwords."""
    if word in STOPWORDS:
        return None
    if word in WORD_VARIANTS:
        return WORD_VARIANTS[word]
    stem = _stem(word)
    return STEM_VARIANTS.get(stem, stem) or None


def terms_of(text: str) -> list[str]:
    """Every term in a text, in order, repeats kept (for weighting)."""
    return [term for word in words_of(text) if (term := normalise(word))]


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, in order, at most MAX_QUERY_TERMS.

    If the query holds nothing but stopwords, its stopwords are searched for after all.
    """
    words = words_of(query)
    terms = [term for word in words if (term := normalise(word))]
    if not terms:
        terms = [_stem(word) for word in words]
    return list(dict.fromkeys(term for term in terms if term))[:MAX_QUERY_TERMS]


def stem_prefix(fragment: str) -> str:
    """What a half-typed word's stored terms start with (the stem never grows a word)."""
    folded = _fold(fragment)
    return min(folded, _stem(folded), key=len)
