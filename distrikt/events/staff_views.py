"""Staff pages in the Wagtail admin: participants, attendance, exports and messages."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import StaffMessageForm
from .models import EventPage, Registration
from .services import (
    export_participants,
    message_participants,
    require_staff_access,
    retry_event_mail,
    seat_counts,
    set_attendance,
    undelivered_mail,
)

EXPORT_FORMATS = {"csv", "xlsx"}


def _event_for_staff(request: HttpRequest, page_id: int) -> EventPage:
    event = get_object_or_404(EventPage, pk=page_id)
    require_staff_access(event, request.user)
    return event


def event_overview(request: HttpRequest) -> HttpResponse:
    """Every event with its totals, newest first."""
    events = [
        (event, seat_counts(event))
        for event in EventPage.objects.order_by("-start")
        if event.permissions_for_user(request.user).can_edit()
    ]
    return render(request, "events/staff/overview.html", {"events": events})


def participants(request: HttpRequest, page_id: int) -> HttpResponse:
    """Participants and waiting list of one event; POST saves attendance."""
    event = _event_for_staff(request, page_id)
    if request.method == "POST":
        attended = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
        count = set_attendance(event, attended, request.user)
        messages.success(request, _("Oppmøtet er lagra (%(count)s møtte).") % {"count": count})
        return redirect("events_staff:participants", page_id=event.pk)
    registrations = Registration.objects.not_anonymised().filter(event=event).select_related("municipality")
    return render(
        request,
        "events/staff/participants.html",
        {
            "event": event,
            "confirmed": registrations.confirmed().order_by("name", "pk"),
            "waiting": registrations.waiting_list(),
            "totals": seat_counts(event),
            "exports": event.export_logs.select_related("user")[:10],
            "undelivered_mail": undelivered_mail(event),
        },
    )


@require_POST
def retry_mail(request: HttpRequest, page_id: int, message_id: int) -> HttpResponse:
    """Send one e-mail that did not go out again now."""
    event = _event_for_staff(request, page_id)
    if retry_event_mail(event, message_id, request.user):
        messages.success(request, _("E-posten blir send på nytt."))
    return redirect("events_staff:participants", page_id=event.pk)


def export(request: HttpRequest, page_id: int, file_format: str) -> HttpResponse:
    """Download the participant list; every export is logged with user and time."""
    event = _event_for_staff(request, page_id)
    if file_format not in EXPORT_FORMATS or request.method != "POST":
        return redirect("events_staff:participants", page_id=event.pk)
    content, filename, content_type = export_participants(event, file_format, request.user)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response


def message(request: HttpRequest, page_id: int) -> HttpResponse:
    """Write one e-mail to everyone registered."""
    event = _event_for_staff(request, page_id)
    form = StaffMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = message_participants(
            event,
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
            request.user,
            include_waiting_list=form.cleaned_data["include_waiting_list"],
        )
        messages.success(request, _("Meldinga er sendt til %(count)s personar.") % {"count": sent})
        return redirect("events_staff:participants", page_id=event.pk)
    return render(request, "events/staff/message.html", {"event": event, "form": form})
