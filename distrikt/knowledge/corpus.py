"""A generated corpus of knowledge pages for load tests: many pages, written fast, marked demo.

The words are drawn from small Nynorsk and Bokmål vocabularies with their inflected forms, so
that searches for one form must find the others. Every page is `is_demo=True` and its title
ends in «(testkorpus)»: this is never real content.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType as DjangoContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale, Page

from distrikt.municipalities.models import Municipality
from distrikt.organisation.models import KnowledgeArea, TargetGroup

from .models import (
    ArticlePage,
    ContentType,
    FilmPage,
    KnowledgeEntry,
    KnowledgeIndexPage,
    PracticalExamplePage,
)

NOUNS_NN = [
    "kommunar",
    "kommunane",
    "kommunen",
    "nærbutikkane",
    "nærbutikken",
    "innbyggjarane",
    "busetjing",
    "framtida",
    "samarbeidet",
    "regionane",
    "verksemder",
    "tenestene",
    "lokalsamfunnet",
    "kjøpmannen",
    "ungdommen",
    "bustader",
    "rettleiaren",
    "tilskotet",
    "næringslivet",
    "planarbeidet",
    "frivilligheita",
    "lokaldemokratiet",
    "medverknad",
    "berekraft",
    "verdiskaping",
    "fylkeskommunen",
    "reiselivet",
    "jordbruket",
    "fiskeria",
    "skulane",
    "barnehagane",
    "vegane",
    "breiband",
    "arbeidsplassar",
    "tilflyttarar",
]
NOUNS_NB = [
    "kommuner",
    "kommunene",
    "kommunen",
    "nærbutikker",
    "nærbutikken",
    "innbyggerne",
    "bosetting",
    "fremtiden",
    "samarbeidet",
    "regionene",
    "virksomheter",
    "tjenestene",
    "lokalsamfunnet",
    "kjøpmannen",
    "ungdommen",
    "boliger",
    "veilederen",
    "tilskuddet",
    "næringslivet",
    "planarbeidet",
    "frivilligheten",
    "lokaldemokratiet",
    "medvirkning",
    "bærekraft",
    "verdiskaping",
    "fylkeskommunen",
    "reiselivet",
    "jordbruket",
    "fiskeriene",
    "skolene",
    "barnehagene",
    "veiene",
    "bredbånd",
    "arbeidsplasser",
    "tilflyttere",
]
ADJECTIVES_NN = [
    "berekraftige",
    "små",
    "lokale",
    "nye",
    "felles",
    "regionale",
    "digitale",
    "gode",
]
ADJECTIVES_NB = [
    "bærekraftige",
    "små",
    "lokale",
    "nye",
    "felles",
    "regionale",
    "digitale",
    "gode",
]
VERBS_NN = [
    "styrkjer",
    "utviklar",
    "samarbeider om",
    "prioriterer",
    "byggjer",
    "planlegg",
    "vurderer",
]
VERBS_NB = [
    "styrker",
    "utvikler",
    "samarbeider om",
    "prioriterer",
    "bygger",
    "planlegger",
    "vurderer",
]
PAGE_KINDS = [
    (ArticlePage, ContentType.ARTICLE),
    (PracticalExamplePage, ContentType.EXAMPLE),
    (FilmPage, ContentType.FILM),
]


# Word frequencies in real text fall off steeply (Zipf): a few words are everywhere.
NOUN_WEIGHTS = [1 / (rank + 1) for rank in range(len(NOUNS_NN))]


def sentence(rng: random.Random, language: str, places: list[str] = ()) -> str:
    nouns, adjectives, verbs = (
        (NOUNS_NN, ADJECTIVES_NN, VERBS_NN) if language == "nn" else (NOUNS_NB, ADJECTIVES_NB, VERBS_NB)
    )
    first, second = rng.choices(nouns, weights=NOUN_WEIGHTS, k=2)
    place = rng.choice(places) if places and rng.random() < 0.5 else rng.choice(nouns)
    return f"{rng.choice(adjectives).capitalize()} {first} {rng.choice(verbs)} {second} i {place}."


def query_vocabulary() -> list[str]:
    """Words and forms a load test may search for (including some that match nothing)."""
    return [
        *NOUNS_NN,
        *NOUNS_NB,
        *ADJECTIVES_NN[:1],
        *ADJECTIVES_NB[:1],
        "Sogndal",
        "Lesja",
        "Nordkapp",
        "Vågan",
        "havbruk",
        "kraftverk",
    ]


def _insert(model, objects: list) -> None:
    fields = list(model._meta.local_concrete_fields)
    batch = max(1, connection.ops.bulk_batch_size(fields, objects) or 500)
    for start in range(0, len(objects), batch):
        model._base_manager._insert(objects[start : start + batch], fields=fields)


@transaction.atomic
def generate_corpus(count: int, seed: int = 4) -> int:
    """Add `count` published demo pages under the knowledge index, with their bank rows."""
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not security)
    index = KnowledgeIndexPage.objects.get()
    locale = Locale.get_default()
    areas = list(KnowledgeArea.objects.all())
    groups = list(TargetGroup.objects.all())
    municipalities = list(Municipality.objects.current())
    place_names = [municipality.name for municipality in municipalities]
    now = timezone.now()
    start_number = index.numchild + 1
    index_url = index.url
    content_types = {model: DjangoContentType.objects.get_for_model(model) for model, _code in PAGE_KINDS}
    base_pages, specifics, entries = [], [], []
    for number in range(count):
        model, code = PAGE_KINDS[number % len(PAGE_KINDS)]
        language = "nn" if number % 2 == 0 else "nb"
        title = f"{sentence(rng, language, place_names)[:-1]} {number} (testkorpus)"
        slug = f"{slugify(title)[:60]}-{number}"
        date = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(4000))
        page = Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_types[model],
            path=Page._get_path(index.path, index.depth + 1, start_number + number),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            locale=locale,
            translation_key=uuid.uuid4(),
        )
        body = " ".join(sentence(rng, language, place_names) for _ in range(rng.randint(4, 10)))
        fields = {
            "language": language,
            "lead": sentence(rng, language),
            "body": [("paragraph", f"<p>{body}</p>")],
            "date": date,
            "is_demo": True,
        }
        if model is FilmPage:
            fields["transcript"] = body
        base_pages.append(page)
        specifics.append((model, fields, code))
    Page.objects.bulk_create(base_pages, batch_size=500)
    created = Page.objects.filter(path__in=[page.path for page in base_pages]).values_list("path", "pk")
    pk_of = dict(created)
    by_model: dict = {}
    for page, (model, fields, code) in zip(base_pages, specifics, strict=True):
        pk = pk_of[page.path]
        by_model.setdefault(model, []).append(model(page_ptr_id=pk, **fields))
        entries.append(
            KnowledgeEntry(
                page_id=pk,
                content_type=code,
                title=page.title,
                url=f"{index_url}{page.slug}/",
                summary=fields["lead"],
                date=fields["date"],
                year=fields["date"].year,
                language=fields["language"],
                is_demo=True,
            )
        )
    for model, objects in by_model.items():
        _insert(model, objects)
    KnowledgeEntry.objects.bulk_create(entries, batch_size=500)
    area_rows = [
        KnowledgeEntry.knowledge_areas.through(
            knowledgeentry_id=entry.page_id, knowledgearea_id=rng.choice(areas).pk
        )
        for entry in entries
        if areas
    ]
    group_rows = [
        KnowledgeEntry.target_groups.through(
            knowledgeentry_id=entry.page_id, targetgroup_id=rng.choice(groups).pk
        )
        for entry in entries
        if groups
    ]
    place_rows = [
        KnowledgeEntry.municipalities.through(
            knowledgeentry_id=entry.page_id,
            municipality_id=rng.choice(municipalities).pk,
        )
        for entry in entries
        if municipalities and rng.random() < 0.5
    ]
    for rows in (area_rows, group_rows, place_rows):
        if rows:
            type(rows[0]).objects.bulk_create(rows, batch_size=1000)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    return count
