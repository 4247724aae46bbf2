"""Public views of the briefs: the list, ordering (ministry users), progress and download."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from distrikt.core.breadcrumbs import trail
from distrikt.core.exports import XLSX_CONTENT_TYPE, safe_filename
from distrikt.core.pdf import PDF_CONTENT_TYPE

from .forms import BriefRequestForm
from .models import Brief, BriefStatus
from .services import UnknownAreaError, can_request_briefs, request_brief

LIST_LENGTH = 50


def _crumbs(*extra: tuple[str, str]):
    return trail((reverse("briefs:list"), _("Kunnskapsgrunnlag")), *extra)


def brief_list(request: HttpRequest) -> HttpResponse:
    """Finished briefs, newest first, for download; ministry users get the order form."""
    may_request = can_request_briefs(request.user)
    response = render(
        request,
        "briefs/brief_list.html",
        {
            "briefs": Brief.objects.done().newest_first()[:LIST_LENGTH],
            "form": BriefRequestForm() if may_request else None,
            "may_request": may_request,
            "breadcrumbs": trail((request.path, _("Kunnskapsgrunnlag"))),
        },
    )
    response["Cache-Control"] = "no-cache"
    return response


def order_brief(request: HttpRequest, form: BriefRequestForm) -> Brief | None:
    """Order the brief the valid form describes; None (with a form error) for an unknown area."""
    try:
        return request_brief(
            request.user,
            form.area_kind,
            form.area_key,
            language=form.cleaned_data["language"],
            year_from=form.cleaned_data["year_from"],
            year_to=form.cleaned_data["year_to"],
        )
    except UnknownAreaError:
        form.add_error("area", _("Fann ikkje området."))
        return None


@require_http_methods(["GET", "POST"])
def request_view(request: HttpRequest) -> HttpResponse:
    """Order a brief. GET `?omrade=county:46` (from a county or region page) pre-fills the form."""
    crumbs = _crumbs((request.path, _("Bestill kunnskapsgrunnlag")))
    if not can_request_briefs(request.user):
        return render(
            request,
            "briefs/request_login.html",
            {
                "login_url": f"{reverse('wagtailadmin_login')}?next={request.get_full_path()}",
                "breadcrumbs": crumbs,
            },
            status=403 if request.user.is_authenticated else 200,
        )
    if request.method == "POST":
        form = BriefRequestForm(request.POST)
        if form.is_valid():
            brief = order_brief(request, form)
            if brief is not None:
                if brief.status == BriefStatus.DONE:
                    messages.info(request, _("Eit kunnskapsgrunnlag frå dei same dataa finst alt."))
                return redirect(brief)
    else:
        initial = {}
        if request.GET.get("omrade"):
            initial["area"] = request.GET["omrade"][:200]
        form = BriefRequestForm(initial=initial)
    return render(
        request,
        "briefs/request.html",
        {"form": form, "breadcrumbs": crumbs},
        status=400 if form.is_bound else 200,
    )


def brief_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One brief: progress while it is made, then its downloads."""
    brief = get_object_or_404(Brief, pk=pk)
    response = render(
        request,
        "briefs/brief_detail.html",
        {
            "brief": brief,
            "breadcrumbs": _crumbs((request.path, brief.area_name)),
        },
    )
    response["Cache-Control"] = "no-cache"
    return response


def download(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """The brief's PDF or workbook (public data only)."""
    brief = get_object_or_404(Brief.objects.done(), pk=pk)
    files = {"pdf": (brief.pdf, PDF_CONTENT_TYPE), "xlsx": (brief.workbook, XLSX_CONTENT_TYPE)}
    if file_format not in files:
        raise Http404
    stored, content_type = files[file_format]
    if not stored:
        raise Http404
    name = safe_filename(
        f"kunnskapsgrunnlag {brief.area_name} {brief.year_from}-{brief.year_to} {brief.language}.{file_format}"
    )
    return FileResponse(stored.open("rb"), as_attachment=True, filename=name, content_type=content_type)
