"""What the site-wide search indexes besides pages: registers, places and overview pages.

A *source* is any object with these attributes (a module, a class or a SimpleNamespace),
so an app can offer one without importing anything from search:

    name      the result type code, e.g. "programme" (also the key prefix of its documents)
    label     the type label shown beside each result (a lazy translatable string)
    model     the model whose saves and deletions re-index (None for fixed pages)
    items()   every object to index
    document(item) -> dict | None
              {"key", "title", "url", "text", "names", "date", "language", "is_demo",
               "themes"}; "key" is unique within the source, "names" (other name forms)
               weigh like the title, "themes" are knowledge-area slugs; None leaves it out.

An app registers its sources by naming them in its AppConfig, the way it names its data
loader (`bundled_data_command`):

    class ProgrammesConfig(AppConfig):
        search_sources = ["distrikt.programmes.searchable.PROGRAMMES"]

Search imports them when it starts; nothing in the app imports search.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from distrikt.merkur.models import Shop, ShopStatus
from distrikt.municipalities.models import County, Municipality, Region
from distrikt.organisation.models import Office, OfficeIndexPage, Person

from .models import ResultType

REQUIRED_ATTRIBUTES = ("name", "label", "items", "document")


@dataclass
class Source:
    """A registered source of search documents (see the module docstring)."""

    name: str
    label: Any
    items: Any
    document: Any
    model: Any = None
    extra: dict = field(default_factory=dict)


def _person(person: Person) -> dict | None:
    url = person.get_absolute_url()
    return {
        "key": str(person.pk),
        "title": person.name,
        "url": url,
        "text": " ".join(
            filter(None, [person.job_title, person.office.name if person.office else "", person.bio])
        ),
        "is_demo": person.is_demo,
        "themes": [area.slug for area in person.knowledge_areas.all()],
    }


def _municipality(municipality: Municipality) -> dict | None:
    if not municipality.is_current:
        return None
    names = [form.get("name", "") for form in municipality.alternative_names or [] if isinstance(form, dict)]
    return {
        "key": str(municipality.pk),
        "title": municipality.name,
        "url": municipality.get_absolute_url(),
        "names": [municipality.code, *names],
        "text": f"{municipality.county.name} kommune",
    }


def _county(county: County) -> dict | None:
    if county.valid_to is not None:
        return None
    return {
        "key": str(county.pk),
        "title": county.name,
        "url": county.get_absolute_url(),
        "names": [county.code],
        "text": "fylke fylkeskommune",
    }


def _region(region: Region) -> dict:
    return {
        "key": str(region.pk),
        "title": region.name,
        "url": region.get_absolute_url(),
        "names": [region.code] if region.code else [],
        "text": f"{region.get_kind_display()} {region.description}",
    }


def _office(office: Office) -> dict | None:
    page = OfficeIndexPage.objects.live().first()
    if page is None:
        return None
    return {
        "key": str(office.pk),
        "title": office.name,
        "url": page.url,
        "names": [office.municipality.name] if office.municipality else [],
        "text": " ".join(
            filter(None, ["kontor", office.visiting_address, office.postal_address, office.opening_hours])
        ),
    }


def _shop(shop: Shop) -> dict:
    """Only what the public shop page shows to everyone: never contacts or figures."""
    status = "" if shop.status == ShopStatus.ACTIVE else str(shop.get_status_display())
    return {
        "key": str(shop.pk),
        "title": shop.name,
        "url": reverse("merkur:shop_detail", args=[shop.pk]),
        "names": [shop.post_town, shop.municipality.name],
        "text": " ".join(
            filter(
                None,
                [
                    "butikk nærbutikk daglegvarebutikk Merkur",
                    shop.address,
                    shop.postcode,
                    shop.municipality.county.name,
                    shop.chain.name if shop.chain else "",
                    status,
                ],
            )
        ),
        "is_demo": shop.is_demo,
    }


# The overview pages that are views, not Wagtail pages. Text: what a visitor might type,
# in Nynorsk, Bokmål and English.
OVERVIEWS = [
    (
        "municipalities:district_index",
        "Distriktsindeksen",
        "distriktsindeks indeks distriktsutfordringar distriktsutfordringer rangering kommunar "
        "kommuner district index",
    ),
    (
        "municipalities:overview",
        "Kommunar",
        "kommunar kommuner oversikt kommunefakta nøkkeltal nøkkeltall folketal folketall "
        "sentralitet municipalities",
    ),
    ("municipalities:counties", "Fylke", "fylke fylker fylkeskommunar fylkeskommuner counties"),
    (
        "merkur:shop_list",
        "Merkur-registeret",
        "merkur butikkregister butikkar butikker nærbutikk daglegvare dagligvare shops",
    ),
    ("merkur:shop_map", "Merkur-butikkane på kart", "merkur kart butikkar butikker map"),
    (
        "merkur:dashboard",
        "Merkur-statistikk",
        "merkur statistikk nøkkeltal nøkkeltall omsetning butikkar butikker statistics",
    ),
    (
        "merkur:accessibility",
        "Tilgjenge til daglegvarebutikk",
        "tilgjenge tilgjengelighet avstand butikk daglegvare dagligvare accessibility",
    ),
]


def _overview_items() -> list[tuple]:
    return OVERVIEWS


def _overview(item: tuple) -> dict | None:
    url_name, title, text = item
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        return None
    return {"key": url_name.replace(":", "-"), "title": title, "url": url, "text": text, "language": "nn"}


BUILT_IN = [
    Source(
        ResultType.PERSON,
        ResultType.PERSON.label,
        lambda: Person.objects.select_related("office").prefetch_related("knowledge_areas"),
        _person,
        Person,
    ),
    Source(
        ResultType.MUNICIPALITY,
        ResultType.MUNICIPALITY.label,
        lambda: Municipality.objects.current().select_related("county"),
        _municipality,
        Municipality,
    ),
    Source(ResultType.COUNTY, ResultType.COUNTY.label, lambda: County.objects.current(), _county, County),
    Source(ResultType.REGION, ResultType.REGION.label, lambda: Region.objects.all(), _region, Region),
    Source(
        ResultType.OFFICE,
        ResultType.OFFICE.label,
        lambda: Office.objects.select_related("municipality"),
        _office,
        Office,
    ),
    Source(
        ResultType.SHOP,
        ResultType.SHOP.label,
        lambda: Shop.objects.for_listing(),
        _shop,
        Shop,
    ),
    Source(ResultType.OVERVIEW, ResultType.OVERVIEW.label, _overview_items, _overview),
]


def _as_source(offered: Any) -> Source:
    missing = [name for name in REQUIRED_ATTRIBUTES if not hasattr(offered, name)]
    if missing:
        raise TypeError(f"A search source lacks {', '.join(missing)}: {offered!r}")
    return Source(
        name=offered.name,
        label=offered.label,
        items=offered.items,
        document=offered.document,
        model=getattr(offered, "model", None),
    )


def registered_sources() -> list[Source]:
    """The built-in sources and those other apps name in `AppConfig.search_sources`."""
    found = list(BUILT_IN)
    for app_config in apps.get_app_configs():
        for path in getattr(app_config, "search_sources", ()) or ():
            found.append(_as_source(import_string(path)))
    return found


_sources: list[Source] | None = None


def sources() -> list[Source]:
    global _sources
    if _sources is None:
        _sources = registered_sources()
    return _sources


def register(offered: Any) -> None:
    """Add a source at run time (tests and apps that build sources dynamically)."""
    sources().append(_as_source(offered))


def unregister(name: str) -> None:
    global _sources
    _sources = [source for source in sources() if source.name != name]


def source_named(name: str) -> Source | None:
    return next((source for source in sources() if source.name == name), None)


def type_labels() -> dict[str, str]:
    """Every result type code with its label in the active language."""
    labels = {value: str(label) for value, label in ResultType.choices}
    for source in sources():
        labels.setdefault(str(source.name), str(source.label))
    return labels


def documents_of(source: Source, items: Iterable | None = None) -> Iterable[tuple[str, dict]]:
    """(document key, document data) for every item of a source that offers a document."""
    for item in source.items() if items is None else items:
        data = source.document(item)
        if data:
            yield f"{source.name}:{data['key']}", data
