"""The editors' review of survey submissions: what changed, then approve or reject."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .models import Submission, SubmissionStatus


def _require_editor(request: HttpRequest) -> None:
    if not request.user.has_perm("democracy.change_arrangement"):
        raise PermissionDenied


def submission_list(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    submissions = Submission.objects.select_related("municipality", "arrangement")
    return render(
        request,
        "democracy/admin/submission_list.html",
        {
            "pending": submissions.filter(status=SubmissionStatus.PENDING).order_by("created_at"),
            "reviewed": submissions.exclude(status=SubmissionStatus.PENDING).order_by("-reviewed_at")[:50],
        },
    )


def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    submission = get_object_or_404(Submission.objects.select_related("municipality", "arrangement"), pk=pk)
    return render(
        request,
        "democracy/admin/submission_detail.html",
        {
            "submission": submission,
            "changes": services.diff(submission),
            "is_new": submission.arrangement is None,
        },
    )


@require_POST
def submission_review(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    submission = get_object_or_404(Submission, pk=pk)
    try:
        if request.POST.get("action") == "approve":
            services.approve(submission, request.user)
            messages.success(request, _("Ordninga er godkjend og publisert."))
        elif request.POST.get("action") == "reject":
            services.reject(submission, request.user, request.POST.get("note", "")[:2000])
            messages.success(request, _("Innsendinga er avvist."))
    except ValidationError as error:
        messages.error(
            request, _("Innsendinga kan ikkje godkjennast: %(errors)s") % {"errors": " ".join(error.messages)}
        )
        return redirect("democracy_submission", pk=pk)
    except ValueError:
        messages.error(request, _("Innsendinga er alt handsama."))
    return redirect("democracy_submissions")
