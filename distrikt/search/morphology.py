"""Search terms for Nynorsk and Bokmål: one key per word, the same on every database.

The rules are described with examples in RULES.md (same folder). In short, every word of a
text (at index time) and of a query (at search time) goes through the same steps:

1. fold: lower case, accents other than the Norwegian letters dropped («idé» = «ide»);
2. stopwords are left out;
3. the maintained variant list (`VARIANT_GROUPS`) gives irregular pairs one key
   («tilskot»/«tilskudd», «døme»/«eksempel»);
4. the systematic correspondences between the written standards (`SPELLING_RULES` and
   `ENDING_RULES`): hv/kv, tje/te, kj/k and gj/g after a consonant, the diphthongs ei/e,
   øy/ø and au/ø, -ning/-ing, -leg/-lig, and the Nynorsk endings of agent nouns and plurals
   (-ar, -arar, -arane, -ane, -inga …) rewritten to their Bokmål counterparts;
5. Snowball's Norwegian stemmer, twice (so that «seminar» and «seminarer» meet);
6. double consonants are made single («tall»/«tal», «tilpassing»/«tilpasning»).

Both forms of a pair go through the same steps, so each rule works in both directions.
The keys are not words to show anyone; they only have to meet.

Compound words are split against a vocabulary (the index's own words and `BASE_WORDS`):
«nærbutikk» is also indexed under «butikk» and «nær», with a smaller weight than a word
that stands alone (see `compound_parts`). Typing errors are corrected from the same
vocabulary with `one_edit_away`.
"""

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

import snowballstemmer

MAX_TERM_LENGTH = 60
MAX_QUERY_TERMS = 8
MAX_WORD_LENGTH = 60
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
        "òg",
        "ogso",
        "berre",
        "bare",
        "mange",
        "mykje",
        "mye",
    ]
)

# Irregular pairs that no rule can derive; the first word names the group.
VARIANT_GROUPS: list[tuple[str, ...]] = [
    ("bærekraft", "berekraft", "bærekraftig", "berekraftig", "bærekraftige", "berekraftige"),
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
    ("veileder", "rettleiar", "veiledere", "rettleiarar", "veileiar", "rettleiing", "veiledning"),
    ("utredning", "utgreiing", "utredninger", "utgreiingar"),
    ("undersøkelse", "undersøking", "undersøkelser", "undersøkingar"),
    ("eksempel", "døme", "eksempler", "dømer", "eksemplet", "dømet", "eksemplene", "døma"),
    ("bolig", "bustad", "boliger", "bustader", "boligen", "bustaden"),
    ("bosetting", "busetjing", "busetting", "busetjinga", "bosettingen"),
    ("virksomhet", "verksemd", "virksomheter", "verksemder"),
    ("medvirkning", "medverknad"),
    ("deltakelse", "deltaking"),
    ("tilskudd", "tilskot", "tilskuddet", "tilskotet", "tilskudda", "tilskota"),
    ("folketall", "folketal"),
    ("skole", "skule", "skoler", "skular", "skolene", "skulane"),
    ("barn", "born", "barna", "borna"),
    ("hele", "heile"),
    ("hvordan", "korleis"),
    ("myndighet", "styresmakt", "myndigheter", "styresmakter"),
    ("hjem", "heim", "hjemme", "heime"),
    ("kvinne", "kvinner", "kvinnor"),
    ("ungdom", "ungdommen", "unge"),
    ("lønnsom", "lønsam", "lønnsomhet", "lønsemd"),
    ("lærdom", "lærdommar", "lærdommer", "erfaring", "erfaringar", "erfaringer"),
    ("kjøpmann", "kjøpmenn", "kjøpmannen", "kjøpmennene"),
    ("webinar", "webinarar", "webinarer", "nettseminar", "nettmøte", "nettmøter"),
    ("film", "filmar", "filmer", "video"),
    ("vei", "veg", "veier", "vegar", "veiene", "vegane", "veien", "vegen"),
    ("bredbånd", "breiband"),
    ("mulighet", "moglegheit", "muligheter", "moglegheiter"),
    ("noen", "nokon", "noko", "noe"),
    ("ansatt", "tilsett", "ansatte", "tilsette"),
    ("dagligvare", "daglegvare", "dagligvarer", "daglegvarer"),
    ("fylke", "fylker", "fylka", "fylkene"),
    ("leder", "leiar", "ledere", "leiarar", "lederen", "leiaren", "lederne", "leiarane"),
    ("rådgiver", "rådgjevar", "rådgivere", "rådgjevarar", "rådgiveren", "rådgjevaren"),
    ("eiendom", "eigedom", "eiendommer", "eigedomar"),
    ("fremdeles", "framleis"),
    ("sted", "stad", "steder", "stader", "stedet", "staden"),
    ("kirke", "kyrkje", "kirker", "kyrkjer", "kirken", "kyrkja"),
    ("kommune", "kommunar", "kommuner", "kommunane", "kommunene", "kommunen"),
]

# Word parts that the splitter may use even when the index has never seen them standing
# alone (the index's own vocabulary is added to these).
BASE_WORDS = frozenset(
    [
        "klima",
        "tilpassing",
        "tilpasning",
        "butikk",
        "butikkar",
        "nær",
        "plan",
        "planar",
        "arbeid",
        "samfunn",
        "utvikling",
        "utviklinga",
        "teneste",
        "tenester",
        "tjeneste",
        "tjenester",
        "tillegg",
        "næring",
        "bygd",
        "bygder",
        "region",
        "kommune",
        "fylke",
        "stad",
        "sted",
        "by",
        "land",
        "distrikt",
        "senter",
        "sentrum",
        "marknad",
        "marked",
        "skule",
        "skole",
        "hage",
        "hagar",
        "demokrati",
        "lokal",
        "folk",
        "tal",
        "tall",
        "vare",
        "varer",
        "dag",
        "liv",
        "reise",
        "reiseliv",
        "fisk",
        "fiske",
        "havbruk",
        "kraft",
        "verk",
        "hus",
        "bustad",
        "bolig",
        "veg",
        "vei",
        "hamn",
        "havn",
        "råd",
        "rådet",
        "arena",
        "møte",
        "samling",
        "konferanse",
        "kurs",
        "verkstad",
        "verksted",
        "program",
        "prosjekt",
        "strategi",
        "indeks",
        "område",
        "område",
        "økonomi",
        "politikk",
    ]
)

_CONSONANT = "bcdfghjklmnpqrstvwxz"
_VOWEL = "aeiouyæøå"

# Spelling correspondences, applied to the whole folded word before stemming.
# Each entry: (name, pattern, replacement, examples as (nynorsk, bokmål)).
SPELLING_RULES: list[tuple[str, re.Pattern, str, list[tuple[str, str]]]] = [
    ("hv/kv", re.compile(r"^hv"), "kv", [("kvit", "hvit"), ("kvalp", "hvalp")]),
    (
        "te/tje",
        re.compile(r"tj(?=[eia])"),
        "t",
        [
            ("teneste", "tjeneste"),
            ("tilleggstenester", "tilleggstjenester"),
            ("sysselsetjing", "sysselsetting"),
        ],
    ),
    (
        "k/kj, g/gj after a consonant",
        re.compile(rf"(?<=[{_CONSONANT}])([kg])j"),
        r"\1",
        [("styrkje", "styrke"), ("byggje", "bygge"), ("tenkje", "tenke")],
    ),
    (
        "ei/e",
        re.compile(r"ei"),
        "e",
        [("stein", "sten"), ("frivilligheit", "frivillighet"), ("meir", "mer")],
    ),
    ("øy/ø", re.compile(r"øy"), "ø", [("høyring", "høring"), ("røyk", "røk")]),
    (
        "au/ø",
        re.compile(rf"(?<=[{_CONSONANT}])au(?=[{_CONSONANT}])"),
        "ø",
        [("draum", "drøm"), ("straum", "strøm"), ("raud", "rød")],
    ),
    (
        "-ing/-ning",
        re.compile(rf"(?<=[{_CONSONANT}])ning(?=(en|a|ar|er|ane|ene|e|s)?$)"),
        "ing",
        [("klimatilpassing", "klimatilpasning"), ("forsking", "forskning")],
    ),
    (
        "-leg/-lig",
        re.compile(r"(?<=...)leg(e|t)?$"),
        r"lig\1",
        [("dagleg", "daglig"), ("offentlege", "offentlige")],
    ),
]

# Nynorsk endings rewritten to the Bokmål ending the stemmer knows, longest first; the
# part before the ending must keep at least three letters.
ENDING_RULES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    ("-ingane/-ingene", "ingane", "ingene", [("samlingane", "samlingene")]),
    ("-ingar/-inger", "ingar", "inger", [("samlingar", "samlinger")]),
    ("-inga/-ingen", "inga", "ingen", [("samlinga", "samlingen")]),
    ("-arane/-erne (agent nouns)", "arane", "erne", [("ordførarane", "ordførerne")]),
    ("-arar/-ere (agent nouns)", "arar", "ere", [("ordførarar", "ordførere")]),
    ("-aren/-eren (agent nouns)", "aren", "eren", [("ordføraren", "ordføreren")]),
    (
        "-ar/-er (agent nouns, plurals, verbs)",
        "ar",
        "er",
        [("ordførar", "ordfører"), ("utviklar", "utvikler")],
    ),
    ("-ane/-ene (definite plural)", "ane", "ene", [("regionane", "regionene")]),
    ("-heita/-heten", "heta", "heten", [("frivilligheita", "frivilligheten")]),
]

_DOUBLE = re.compile(r"([bdfgklmnprstv])\1")


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("norwegian")
    return stemmer


def fold(word: str) -> str:
    """Lower case, Unicode-composed, accents other than å, æ, ø, ä, ö, ü removed."""
    word = unicodedata.normalize("NFC", word.lower())
    return (
        "".join(
            character
            for character in unicodedata.normalize("NFD", word)
            if unicodedata.category(character) != "Mn" or character in ("\u030a", "\u0308")
        )
        .replace("a\u030a", "å")
        .replace("A\u030a", "Å")
    )


_fold = fold


def apply_spelling(word: str) -> str:
    for _name, pattern, replacement, _examples in SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


def apply_endings(word: str) -> str:
    for _name, ending, replacement, _examples in ENDING_RULES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


def _stem(word: str) -> str:
    stemmer = _stemmer()
    return stemmer.stemWord(stemmer.stemWord(word))


def _key(word: str) -> str:
    """The rule-based key of a folded word (without the variant list)."""
    if word.isdigit():
        return word[:MAX_TERM_LENGTH]
    stem = _stem(apply_endings(apply_spelling(word)))
    return _DOUBLE.sub(r"\1", stem)[:MAX_TERM_LENGTH]


def _build_variants() -> tuple[dict[str, str], dict[str, str]]:
    words: dict[str, str] = {}
    keys: dict[str, str] = {}
    for group in VARIANT_GROUPS:
        canonical = _key(fold(group[0]))
        for variant in group:
            folded = fold(variant)
            words[folded] = canonical
            keys.setdefault(_key(folded), canonical)
    return words, keys


WORD_VARIANTS, KEY_VARIANTS = _build_variants()
STEM_VARIANTS = KEY_VARIANTS


def words_of(text: str) -> list[str]:
    """The words of a text, folded to lower case, without punctuation or symbols."""
    return [fold(word) for word in _WORD.findall(text or "") if len(word) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str | None:
    """The search term of one folded word; None for stopwords."""
    if word in STOPWORDS:
        return None
    if word in WORD_VARIANTS:
        return WORD_VARIANTS[word]
    key = _key(word)
    return KEY_VARIANTS.get(key, key) or None


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
    """What a half-typed word's stored terms start with (the key never grows a word)."""
    folded = fold(fragment)
    return min(folded, normalise(folded) or folded, _DOUBLE.sub(r"\1", folded), key=len)


# Compound words ----------------------------------------------------------------------

MIN_HEAD = 3
MIN_TAIL = 4
MIN_COMPOUND = 7
LINKING = ("s", "e")


def compound_parts(word: str, is_known: Callable[[str], bool], depth: int = 2) -> list[str]:
    """The parts of a compound word, as words, when both halves are known words.

    Tries every split from the longest head; the tail must be a known word (after its
    key); the head, with a linking «s» or «e» taken off, must be known too or split
    into known words itself. Both halves are split again (to `depth`), so «daglegvarebutikk» gives «daglegvare», «dagleg»,
    «vare» and «butikk».
    """
    if depth <= 0 or len(word) < MIN_COMPOUND or word.isdigit():
        return []
    for cut in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
        head, tail = word[:cut], word[cut:]
        if not is_known(tail):
            continue
        heads = [head] + [
            head[: -len(link)] for link in LINKING if head.endswith(link) and len(head) > MIN_HEAD
        ]
        for candidate in heads:
            if len(candidate) < MIN_HEAD:
                continue
            head_parts = compound_parts(candidate, is_known, depth - 1)
            if is_known(candidate) or head_parts:
                return [candidate, tail, *head_parts, *compound_parts(tail, is_known, depth - 1)]
    return []


def vocabulary_checker(words: Iterable[str]) -> Callable[[str], bool]:
    """A membership test over words and their keys, with the maintained base words."""
    known_words = set(BASE_WORDS) | set(words)
    known_keys = {normalise(word) for word in known_words} - {None}

    def is_known(word: str) -> bool:
        if word in STOPWORDS:
            return False
        return word in known_words or normalise(word) in known_keys

    return is_known


# Typing errors ------------------------------------------------------------------------

ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"
MIN_CORRECTED_LENGTH = 5


def one_edit_away(word: str) -> set[str]:
    """Every string one deletion, insertion, substitution or swap of neighbours away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + letter + right[1:] for left, right in splits if right for letter in ALPHABET}
    inserts = {left + letter + right for left, right in splits for letter in ALPHABET}
    return (deletes | swaps | replaces | inserts) - {word}
