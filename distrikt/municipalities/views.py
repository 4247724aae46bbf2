"""Pages of the municipalities app: overview with map, profiles, downloads, counties, regions, index."""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from distrikt.core import maps
from distrikt.core.breadcrumbs import Crumb, trail
from distrikt.core.cache import add_cache_tags, dataset_tag, page_cache
from distrikt.core.exports import FORMATS, Table, csv_dialect_for, export_response
from distrikt.core.filtering import filter_list

from . import comparison as comparisons
from .aggregates import Method, aggregate_indicators, county_aggregates, summary_rows
from .forms import (
    SIZE_BANDS,
    SORT_FIELDS,
    DistrictIndexForm,
    OverviewFilterForm,
)
from .indices import (
    COMPONENT_LABELS,
    DEFAULT_METHOD,
    METHODS,
    Edition,
    compute_edition,
    latest_published_scores,
)
from .lookup import resolve
from .models import DATASET, County, Municipality, Observation, Region
from .profile_sections import section_datasets
from .profiles import ALWAYS_DOWNLOADABLE, DOWNLOADS, build_profile, series
from .region_sections import region_section_datasets, region_sections_for
from .services import priority_rule

# Every page here shows the municipality data (imports bump the dataset and purge them).
cached_page = page_cache(datasets=(DATASET,))


def _crumbs(*extra: tuple[str, str]) -> list[Crumb]:
    """The trail below the home page: the overview, then `extra` ending with the current page."""
    return trail((reverse("municipalities:overview"), _("Kommunar")), *extra)


# The whole overview fits on one page: it is a table to sort and a map to colour, not to page.
OVERVIEW_PER_PAGE = 500


def _filtered(data: dict, scores: dict) -> list[Municipality]:
    municipalities = Municipality.objects.current().select_related("county")
    if data.get("fylke"):
        municipalities = municipalities.filter(county__code=data["fylke"])
    if data.get("klasse"):
        municipalities = municipalities.filter(centrality_class=data["klasse"])
    if data.get("storleik"):
        low, high = SIZE_BANDS[data["storleik"]]
        municipalities = municipalities.filter(population__gte=low)
        if high is not None:
            municipalities = municipalities.filter(population__lt=high)
    if data.get("prioritert") == "ja":
        municipalities = municipalities.filter(is_priority=True)
    elif data.get("prioritert") == "nei":
        municipalities = municipalities.filter(is_priority=False)
    field = SORT_FIELDS.get(data.get("sorter") or "kode", "code")
    descending = data.get("retning") == "fallande"
    ordering = f"-{field}" if descending else field
    result = list(municipalities.order_by(ordering, "code"))
    for municipality in result:
        municipality.index_score = scores.get(municipality.pk)
    low, high = data.get("indeks_fra"), data.get("indeks_til")
    if low is not None or high is not None:
        result = [
            municipality
            for municipality in result
            if municipality.index_score is not None
            and (low is None or municipality.index_score.value >= low)
            and (high is None or municipality.index_score.value <= high)
        ]
    return result


def _map_value(municipality: Municipality, indicator: str) -> float | None:
    if indicator == "distriktsindeks":
        score = municipality.index_score
        return score.value if score else None
    return {
        "folketal": municipality.population,
        "endring": municipality.population_change_10y,
        "sentralitet": municipality.centrality_index,
    }[indicator]


@page_cache(datasets=(DATASET,), query_params=tuple(OverviewFilterForm.base_fields))
def overview(request: HttpRequest) -> HttpResponse:
    """All current municipalities in a filterable table and a map."""
    scores = latest_published_scores()
    form = OverviewFilterForm(request.GET or None, has_index=bool(scores))
    listing = filter_list(request, form, lambda data: _filtered(data, scores), per_page=OVERVIEW_PER_PAGE)
    municipalities = listing.object_list
    indicator = (form.cleaned_data.get("kart") if form.is_valid() else "") or "folketal"
    values = {municipality.code: _map_value(municipality, indicator) for municipality in municipalities}
    colours, legend = maps.classify(values)
    paths = maps.boundary_paths(Path(settings.DATA_DIR) / "geo" / "kommunar_2024_S.geojson", "kommunenummer")
    choropleth = maps.SvgMap(
        shapes=[
            maps.MapShape(
                path=paths.get(municipality.code, ""),
                label=municipality.name,
                value=values[municipality.code],
                colour=colours.get(municipality.code, maps.NO_VALUE_COLOUR),
            )
            for municipality in municipalities
        ]
    )
    sort_links = {}
    current_sort = form.cleaned_data.get("sorter") if form.is_valid() else ""
    current_direction = form.cleaned_data.get("retning") if form.is_valid() else ""
    for key in SORT_FIELDS:
        query = request.GET.copy()
        query["sorter"] = key
        query["retning"] = (
            "fallande" if current_sort == key and current_direction != "fallande" else "stigande"
        )
        sort_links[key] = {
            "url": f"?{query.urlencode()}",
            "active": (current_sort or "kode") == key,
            "descending": current_direction == "fallande",
        }
    return render(
        request,
        "municipalities/overview.html",
        {
            "listing": listing,
            "form": form,
            "municipalities": municipalities,
            "has_index": bool(scores),
            "map": choropleth,
            "legend": legend,
            "no_value_colour": maps.NO_VALUE_COLOUR,
            "map_label": dict(form.fields["kart"].choices)[indicator],
            "sort_links": sort_links,
            "download_query": request.GET.urlencode(),
            "breadcrumbs": _crumbs(),
        },
    )


def _overview_table(municipalities: list[Municipality], has_index: bool) -> Table:
    header = [
        _("Kommunenummer"),
        _("Kommune"),
        _("Fylkesnummer"),
        _("Fylke"),
        _("Folketal"),
        _("År for folketal"),
        _("Folketalsendring siste ti år (%)"),
        _("Sentralitetsindeks"),
        _("Sentralitetsklasse"),
        _("Prioritert kommune"),
    ]
    if has_index:
        header += [_("Distriktsindeks"), _("Utgåve av Distriktsindeksen")]
    rows = []
    for municipality in municipalities:
        row: list = [
            municipality.code,
            municipality.name,
            municipality.county.code,
            municipality.county.name,
            municipality.population,
            municipality.population_year,
            municipality.population_change_10y,
            municipality.centrality_index,
            municipality.centrality_class,
            municipality.is_priority,
        ]
        if has_index:
            score = municipality.index_score
            row += [round(score.value, 2) if score else None, score.year if score else None]
        rows.append(row)
    return Table(title=_("Kommunar"), header=header, rows=rows)


def overview_download(request: HttpRequest, extension: str) -> HttpResponse:
    """The overview table as CSV or Excel, with the same filters and sorting as the page."""
    if extension not in FORMATS:
        raise Http404
    scores = latest_published_scores()
    form = OverviewFilterForm(request.GET or None, has_index=bool(scores))
    if request.GET and not form.is_valid():
        return render(
            request,
            "municipalities/download_refused.html",
            {"form": form, "back": reverse("municipalities:overview")},
            status=400,
        )
    data = form.cleaned_data if request.GET else {}
    table = _overview_table(_filtered(data, scores), bool(scores))
    return export_response([table], extension, "kommunar", dialect=csv_dialect_for(request))


@cached_page
def profile(request: HttpRequest, slug: str) -> HttpResponse:
    """A municipality's profile; old codes lead to their successors, unknown ones to suggestions."""
    # The sections other apps add show their data too.
    add_cache_tags(request, *(dataset_tag(name) for name in section_datasets()))
    resolution = resolve(slug)
    if resolution.redirect_to is not None:
        return redirect("municipalities:profile", slug=resolution.redirect_to.slug, permanent=True)
    if resolution.successors:
        return render(
            request,
            "municipalities/successors.html",
            {"former": resolution.former, "successors": resolution.successors},
        )
    if resolution.municipality is None:
        return render(
            request,
            "municipalities/not_found.html",
            {"slug": slug, "suggestions": resolution.suggestions},
            status=404,
        )
    return _profile_page(request, resolution.municipality)


def _profile_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    profile = build_profile(municipality)
    return render(
        request,
        "municipalities/profile.html",
        {
            "profile": profile,
            "municipality": municipality,
            "downloads": [
                (key, label)
                for key, (code, label) in DOWNLOADS.items()
                if key in ALWAYS_DOWNLOADABLE or profile.components
            ],
            "breadcrumbs": _crumbs((request.path, municipality.name)),
        },
    )


def download(request: HttpRequest, slug: str, series_name: str, extension: str) -> HttpResponse:
    """A profile series as CSV or Excel."""
    municipality = get_object_or_404(Municipality.objects.current(), slug=slug)
    if series_name not in DOWNLOADS or extension not in ("csv", "xlsx"):
        raise Http404
    code, label = DOWNLOADS[series_name]
    header = [_("Kommunenummer"), _("Kommune"), _("År"), str(label), _("Estimat")]
    rows = [
        [
            municipality.code,
            municipality.name,
            point.year,
            point.value,
            point.is_estimate,
        ]
        for point in series(municipality, code)
    ]
    table = Table(title=series_name, header=header, rows=rows)
    return export_response(
        [table], extension, f"{municipality.slug}-{series_name}", dialect=csv_dialect_for(request)
    )


@cached_page
def county_list(request: HttpRequest) -> HttpResponse:
    """The current counties."""
    return render(
        request,
        "municipalities/county_list.html",
        {"counties": County.objects.current(), "breadcrumbs": _crumbs((request.path, _("Fylke")))},
    )


def _aggregate_context(aggregates: dict) -> dict:
    """What the aggregates block on county and region pages shows."""
    return {
        "aggregate_rows": summary_rows(aggregates),
        "sum_method": Method.SUM,
    }


def _county_municipalities(county: County) -> list[Municipality]:
    return list(county.municipalities.filter(valid_to__isnull=True).select_related("county").order_by("code"))


@cached_page
def county_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A county, a summary of its municipalities and its aggregated indicators."""
    county = get_object_or_404(County.objects.current(), slug=slug)
    municipalities = _county_municipalities(county)
    populations = [m.population for m in municipalities if m.population is not None]
    classes = {
        number: sum(1 for m in municipalities if m.centrality_class == number) for number in range(1, 7)
    }
    return render(
        request,
        "municipalities/county_detail.html",
        {
            "county": county,
            "municipalities": municipalities,
            "population_total": sum(populations) if populations else None,
            "population_year": max(
                (m.population_year for m in municipalities if m.population_year),
                default=None,
            ),
            "priority_count": sum(1 for m in municipalities if m.is_priority),
            "classes": classes,
            **_aggregate_context(county_aggregates(county.code)),
            "breadcrumbs": _crumbs(
                (reverse("municipalities:counties"), _("Fylke")), (request.path, county.name)
            ),
        },
    )


def _aggregates_table(aggregates: dict) -> Table:
    return Table(
        title=_("Samla for fylket"),
        header=[
            _("Indikatorkode"),
            _("Indikator"),
            _("Eining"),
            _("År"),
            _("Verdi"),
            _("Metode"),
            _("Kommunar med tal"),
            _("Kommunar i alt"),
        ],
        rows=[
            [
                row.indicator.code,
                row.indicator.name_in(get_language() or "nn"),
                row.indicator.unit,
                row.year,
                row.value,
                comparisons.method_label(row.method),
                row.count,
                row.expected,
            ]
            for row in summary_rows(aggregates)
        ],
    )


def county_download(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    """A county's municipalities with key figures (and, in Excel, the county's aggregates)."""
    county = get_object_or_404(County.objects.current(), slug=slug)
    if extension not in FORMATS:
        raise Http404
    scores = latest_published_scores()
    municipalities = _county_municipalities(county)
    for municipality in municipalities:
        municipality.index_score = scores.get(municipality.pk)
    tables = [
        _overview_table(municipalities, bool(scores)),
        _aggregates_table(county_aggregates(county.code)),
    ]
    return export_response(tables, extension, county.slug, dialect=csv_dialect_for(request))


@cached_page
def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A region, its current members, their aggregated indicators and the sections other apps add."""
    add_cache_tags(request, *(dataset_tag(name) for name in region_section_datasets()))
    region = get_object_or_404(Region, slug=slug)
    memberships = (
        region.memberships.current()
        .select_related("municipality", "municipality__county")
        .order_by("municipality__code")
    )
    return render(
        request,
        "municipalities/region_detail.html",
        {
            "region": region,
            "memberships": memberships,
            "sections": region_sections_for(region),
            **_aggregate_context(
                aggregate_indicators(
                    membership.municipality_id
                    for membership in memberships
                    if membership.municipality.is_current
                )
            ),
            "breadcrumbs": _crumbs((request.path, region.name)),
        },
    )


def _selection(request: HttpRequest) -> comparisons.Selection:
    own = request.GET.get("eigen", "").strip()
    if own:
        return comparisons.select_with_similar(own)
    return comparisons.select_municipalities(request.GET.getlist("k"))


def _comparison_query(codes: list[str]) -> str:
    query = QueryDict(mutable=True)
    query.setlist("k", codes)
    return query.urlencode()


@page_cache(datasets=(DATASET,), query_params=comparisons.QUERY_PARAMS)
def compare(request: HttpRequest) -> HttpResponse:
    """Two to eight municipalities side by side, with their counties and the country."""
    selection = _selection(request)
    codes = selection.codes
    comparison = (
        comparisons.build_comparison(selection.municipalities, basis=selection.basis)
        if selection.is_comparable
        else None
    )
    all_choices = (selection.basis or comparisons.comparison_basis()).choices
    query = _comparison_query(codes)
    return render(
        request,
        "municipalities/compare.html",
        {
            "selection": selection,
            "comparison": comparison,
            "choices": [(code, name) for code, name in all_choices if code not in codes],
            "all_choices": all_choices,
            "own_code": selection.own.code if selection.own else "",
            "column_count": len(comparison.municipalities) + len(comparison.counties) + 2
            if comparison
            else 0,
            "query": query,
            "can_add": len(codes) < comparisons.MAX_MUNICIPALITIES,
            "remove_links": [
                (municipality, "?" + _comparison_query([code for code in codes if code != municipality.code]))
                for municipality in selection.municipalities
            ],
            "max_count": comparisons.MAX_MUNICIPALITIES,
            "min_count": comparisons.MIN_MUNICIPALITIES,
            "breadcrumbs": _crumbs((request.path, _("Samanlikn kommunar"))),
        },
        status=400 if selection.is_too_many else 200,
    )


def compare_download(request: HttpRequest, extension: str) -> HttpResponse:
    """The comparison as CSV (the values) or Excel (the values and the sources)."""
    if extension not in FORMATS:
        raise Http404
    selection = _selection(request)
    if not selection.is_comparable:
        return redirect(reverse("municipalities:compare") + "?" + request.GET.urlencode())
    comparison = comparisons.build_comparison(
        selection.municipalities, with_charts=False, basis=selection.basis
    )
    tables = [comparisons.comparison_table(comparison), comparisons.sources_table(comparison)]
    filename = "samanlikning-" + "-".join(selection.codes)
    return export_response(tables, extension, filename, dialect=csv_dialect_for(request))


def _latest_population_year() -> int:
    year = (
        Observation.objects.for_indicator("folketal").order_by("-year").values_list("year", flat=True).first()
    )
    return year or 2024


@page_cache(datasets=(DATASET,), query_params=tuple(DistrictIndexForm.base_fields))
def district_index(request: HttpRequest) -> HttpResponse:
    """Distriktsindeksen with changeable weights; incomplete editions are not published."""
    data = request.GET.copy()
    data.setdefault("aar", str(_latest_population_year()))
    data.setdefault("metode", DEFAULT_METHOD)
    form = DistrictIndexForm(data)
    edition = None
    if form.is_valid():
        edition = compute_edition(
            form.cleaned_data["aar"],
            form.cleaned_data["metode"],
            weights=form.weights(),
            simplified=form.cleaned_data["forenkla"],
        )
    official = {
        method: [
            {"label": COMPONENT_LABELS[key], "percent": round(weight * 100)}
            for key, weight in weights.items()
        ]
        for method, weights in METHODS.items()
    }
    used = edition.used_weights if edition and edition.rows else {}
    return render(
        request,
        "municipalities/district_index.html",
        {
            "form": form,
            "edition": edition,
            "official": official,
            "priority": priority_rule(),
            "used_weights": [(COMPONENT_LABELS[key], weight * 100) for key, weight in used.items()],
            "download_query": data.urlencode(),
            "rows": [
                {
                    "rank": row.rank,
                    "municipality": row.municipality,
                    "value": row.value,
                    "scores": [row.components[key] for key in used],
                }
                for row in (edition.rows if edition else [])
            ],
            "breadcrumbs": _crumbs((request.path, _("Distriktsindeksen"))),
        },
    )


def _edition_tables(edition: Edition) -> list[Table]:
    used = edition.used_weights
    variant = (
        _("Forenkla variant over dei komponentane som finst, ikkje den offisielle indeksen")
        if edition.is_simplified
        else _("Metoden til departementet")
    )
    ranking = Table(
        title=_("Distriktsindeksen %(year)s") % {"year": edition.year},
        header=[
            _("Rang"),
            _("Kommunenummer"),
            _("Kommune"),
            _("Fylke"),
            _("Indeks"),
            *(str(COMPONENT_LABELS[key]) for key in used),
            _("Utgåve"),
            _("Metode"),
            _("Variant"),
        ],
        rows=[
            [
                row.rank,
                row.municipality.code,
                row.municipality.name,
                row.municipality.county.name,
                round(row.value, 3),
                *(round(row.components[key], 3) for key in used),
                edition.year,
                edition.method,
                variant,
            ]
            for row in edition.rows
        ],
    )
    basis = Table(
        title=_("Grunnlag og vekter"),
        header=[_("Komponent"), _("Vekt i prosent"), _("Data"), _("Kommunar med tal"), _("Kommunar i alt")],
        rows=[
            [
                component.label,
                round(used[key] * 100, 2),
                str(component.basis),
                len(component.values),
                component.expected,
            ]
            for key, component in edition.inputs.items()
            if key in used
        ],
    )
    return [ranking, basis]


def district_index_download(request: HttpRequest, extension: str) -> HttpResponse:
    """One edition of Distriktsindeksen (any year, method, weights or the labelled simplified variant)."""
    if extension not in FORMATS:
        raise Http404
    data = request.GET.copy()
    data.setdefault("aar", str(_latest_population_year()))
    data.setdefault("metode", DEFAULT_METHOD)
    form = DistrictIndexForm(data)
    page = reverse("municipalities:district_index") + "?" + data.urlencode()
    if not form.is_valid():
        return redirect(page)
    edition = compute_edition(
        form.cleaned_data["aar"],
        form.cleaned_data["metode"],
        weights=form.weights(),
        simplified=form.cleaned_data["forenkla"],
    )
    if not edition.rows:
        # The page says why the edition is not published; an empty file would not.
        return redirect(page)
    suffix = "-forenkla" if edition.is_simplified else ""
    return export_response(
        _edition_tables(edition),
        extension,
        f"distriktsindeksen-{edition.year}-{edition.method}{suffix}",
        dialect=csv_dialect_for(request),
    )
