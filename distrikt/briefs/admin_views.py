"""The admin page where ministry users and staff order briefs and follow their progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from distrikt.core.exports import export_response

from .annual import annual_figures
from .forms import AnnualReportForm, BriefRequestForm
from .models import Brief
from .services import can_request_briefs
from .views import order_brief

ADMIN_LIST_LENGTH = 100


def admin_briefs(request: HttpRequest) -> HttpResponse:
    """Order a brief and see every brief with its status (refreshes while one is running)."""
    if not can_request_briefs(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = BriefRequestForm(request.POST)
        if form.is_valid():
            brief = order_brief(request, form)
            if brief is not None:
                messages.success(
                    request, _("Kunnskapsgrunnlaget for %(area)s er bestilt.") % {"area": brief.area_name}
                )
                return redirect("briefs_admin")
    else:
        form = BriefRequestForm()
    briefs = list(Brief.objects.newest_first().select_related("requested_by")[:ADMIN_LIST_LENGTH])
    return render(
        request,
        "briefs/admin/briefs.html",
        {"form": form, "briefs": briefs, "is_running": any(not brief.is_finished for brief in briefs)},
        status=400 if form.is_bound else 200,
    )


def annual_report(request: HttpRequest) -> HttpResponse:
    """The year's figures for the annual report (årsrapport), on screen or as Excel (`?format=xlsx`)."""
    this_year = timezone.localdate().year
    form = AnnualReportForm(request.GET or None, initial={"year": this_year - 1})
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else this_year - 1
    figures = annual_figures(year)
    if form.is_bound and form.is_valid() and request.GET.get("format") == "xlsx":
        return export_response(figures.tables, "xlsx", f"arsrapport-tal-{year}")
    return render(
        request,
        "briefs/admin/annual_report.html",
        {"form": form, "figures": figures, "year": year},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
