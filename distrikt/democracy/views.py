"""Public pages of the register, the survey (link, form, thanks) and the statistics."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from distrikt.core import charts
from distrikt.core.breadcrumbs import trail
from distrikt.core.cache import page_cache
from distrikt.core.exports import FORMATS, csv_dialect_for, export_response
from distrikt.core.filtering import filter_list
from distrikt.core.ratelimit import is_rate_limited

from . import services
from .forms import ArrangementFilterForm, ArrangementForm, LinkRequestForm
from .models import DATASET, Arrangement, Submission, SubmissionStatus
from .statistics import compute_statistics, statistics_long_table, statistics_tables

PER_PAGE = 50


def _crumbs(*extra: tuple[str, str]):
    return trail((reverse("democracy:arrangements"), _("Nærdemokratiske ordningar")), *extra)


@page_cache(datasets=(DATASET, "municipalities"), query_params=(*ArrangementFilterForm.base_fields, "page"))
def arrangement_list(request: HttpRequest) -> HttpResponse:
    """The published register, filterable by county, kind and mandate."""

    def narrow(data: dict):
        arrangements = services.published_arrangements().order_by("municipality__name", "name")
        if data.get("fylke"):
            arrangements = arrangements.filter(municipality__county__code=data["fylke"])
        if data.get("type"):
            arrangements = arrangements.filter(kind=data["type"])
        if data.get("mandat"):
            arrangements = arrangements.filter(mandate=data["mandat"])
        return arrangements

    listing = filter_list(request, ArrangementFilterForm(request.GET or None), narrow, per_page=PER_PAGE)
    return render(
        request,
        "democracy/arrangement_list.html",
        {"listing": listing, "breadcrumbs": _crumbs()},
    )


@page_cache(datasets=(DATASET, "municipalities"))
def statistics(request: HttpRequest) -> HttpResponse:
    """Shares of municipalities with arrangements, with charts and tables."""
    result = compute_statistics()
    return render(
        request,
        "democracy/statistics.html",
        {
            "statistics": result,
            "county_chart": charts.bar_chart(result.by_county),
            "centrality_chart": charts.bar_chart(result.by_centrality),
            "size_chart": charts.bar_chart(result.by_size),
            "mandate_chart": charts.bar_chart(result.by_mandate),
            "breadcrumbs": _crumbs((request.path, _("Statistikk"))),
        },
    )


def statistics_export(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in FORMATS:
        raise Http404
    result = compute_statistics()
    tables = [statistics_long_table(result)] if file_format == "csv" else statistics_tables(result)
    return export_response(
        tables, file_format, "naerdemokratiske-ordningar", dialect=csv_dialect_for(request)
    )


@never_cache
def request_link(request: HttpRequest) -> HttpResponse:
    """Ask for a survey link, sent to an address at the municipality's own domain."""
    form = LinkRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if is_rate_limited(
            request, "democracy-link", settings.DEMOCRACY_LINK_RATE_LIMIT, settings.DEMOCRACY_LINK_RATE_WINDOW
        ):
            form.is_valid()
            form.add_error(None, _("Du har bede om mange lenkjer på kort tid. Vent litt og prøv igjen."))
            status = 429
        elif form.is_valid():
            survey_url = request.build_absolute_uri(reverse("democracy:open_link", args=["TOKEN"]))
            services.request_link(form.cleaned_data["municipality"], form.cleaned_data["email"], survey_url)
            return redirect("democracy:link_sent")
        else:
            status = 400
    return render(
        request,
        "democracy/request_link.html",
        {"form": form, "breadcrumbs": _crumbs((request.path, _("Meld inn ordningar")))},
        status=status,
    )


@never_cache
def link_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request, "democracy/link_sent.html", {"breadcrumbs": _crumbs((request.path, _("Lenkja er send")))}
    )


PROBLEM_MESSAGES = {
    services.LinkProblem.INVALID: _("Lenkja er ikkje gyldig. Sjekk at du har kopiert heile lenkja."),
    services.LinkProblem.EXPIRED: _("Lenkja er gått ut på tid. Be om ei ny."),
    services.LinkProblem.USED: _("Lenkja er alt brukt. Be om ei ny om du vil endre meir."),
}


@never_cache
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """Check the link (GET shows a button, so mail scanners do not use it up); POST opens it once."""
    if request.method == "POST":
        problem = services.open_link(token, request.session)
        if problem is None:
            return redirect("democracy:survey")
    else:
        _link, problem = services.check_token(token)
    return render(
        request,
        "democracy/open_link.html",
        {
            "problem": str(PROBLEM_MESSAGES[problem]) if problem else "",
            "breadcrumbs": _crumbs((request.path, _("Opne skjemaet"))),
        },
        status=410 if problem else 200,
    )


def _access_or_redirect(request: HttpRequest):
    access = services.survey_access(request.session)
    if access is None:
        messages.info(request, _("Be om ei lenkje for å fylle ut skjemaet."))
    return access


@never_cache
def survey(request: HttpRequest) -> HttpResponse:
    """The municipality's arrangements, with links to change one or report a new one."""
    access = _access_or_redirect(request)
    if access is None:
        return redirect("democracy:request_link")
    arrangements = Arrangement.objects.filter(municipality=access.municipality).order_by("name")
    pending = Submission.objects.filter(municipality=access.municipality, status=SubmissionStatus.PENDING)
    return render(
        request,
        "democracy/survey.html",
        {
            "access": access,
            "arrangements": arrangements,
            "pending": pending,
            "breadcrumbs": _crumbs((request.path, _("Skjema"))),
        },
    )


@never_cache
def survey_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """One arrangement: a new one, or a change to one the municipality has."""
    access = _access_or_redirect(request)
    if access is None:
        return redirect("democracy:request_link")
    arrangement = None
    if pk is not None:
        arrangement = get_object_or_404(Arrangement, pk=pk, municipality=access.municipality)
    form = ArrangementForm(
        request.POST or None, instance=arrangement or Arrangement(municipality=access.municipality)
    )
    if request.method == "POST" and form.is_valid():
        services.submit(access, arrangement, form.cleaned_data)
        return redirect("democracy:thanks")
    return render(
        request,
        "democracy/survey_form.html",
        {
            "access": access,
            "form": form,
            "arrangement": arrangement,
            "breadcrumbs": _crumbs((reverse("democracy:survey"), _("Skjema")), (request.path, _("Ordning"))),
        },
        status=400 if form.is_bound else 200,
    )


@never_cache
def thanks(request: HttpRequest) -> HttpResponse:
    if services.survey_access(request.session) is None:
        raise Http404
    return render(request, "democracy/thanks.html", {"breadcrumbs": _crumbs((request.path, _("Takk")))})
