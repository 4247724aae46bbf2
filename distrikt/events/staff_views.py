"""Staff pages in the Wagtail admin: participants, attendance, exports and messages."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from distrikt.core import exports

from .forms import StaffMessageForm
from .models import EVENT_ORGANISER_GROUP_NAME, EventPage, Registration
from .services import (
    can_view_registrations,
    export_participants,
    log_participant_list_view,
    message_participants,
    require_staff_access,
    retry_event_mail,
    seat_counts,
    set_attendance,
    undelivered_mail,
)

EXPORT_FORMATS = {"csv", "xlsx"}


def registrations_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer 403 to users without "can see registrations", before any event is looked up.

    The Wagtail admin turns a raised PermissionDenied into a redirect; a refusal of
    personal data should say what it is.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_view_registrations(request.user):
            return render(
                request,
                "events/staff/forbidden.html",
                {"group_name": EVENT_ORGANISER_GROUP_NAME},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapped


def _event_for_staff(request: HttpRequest, page_id: int) -> EventPage:
    event = get_object_or_404(EventPage, pk=page_id)
    require_staff_access(event, request.user)
    return event


@registrations_required
def event_overview(request: HttpRequest) -> HttpResponse:
    """Every event with its totals, newest first."""
    events = [(event, seat_counts(event)) for event in EventPage.objects.order_by("-start")]
    return render(request, "events/staff/overview.html", {"events": events})


@registrations_required
def participants(request: HttpRequest, page_id: int) -> HttpResponse:
    """Participants and waiting list of one event; POST saves attendance."""
    event = _event_for_staff(request, page_id)
    if request.method == "POST":
        attended = {
            int(value) for value in request.POST.getlist("attended") if value.isascii() and value.isdigit()
        }
        count = set_attendance(event, attended, request.user)
        messages.success(request, _("Oppmøtet er lagra (%(count)s møtte).") % {"count": count})
        return redirect("events_staff:participants", page_id=event.pk)
    registrations = Registration.objects.not_anonymised().filter(event=event).select_related("municipality")
    confirmed = list(registrations.confirmed().order_by("name", "pk"))
    waiting = list(registrations.waiting_list())
    log_participant_list_view(event, request.user, row_count=len(confirmed) + len(waiting))
    response = render(
        request,
        "events/staff/participants.html",
        {
            "event": event,
            "confirmed": confirmed,
            "waiting": waiting,
            "totals": seat_counts(event),
            "exports": event.export_logs.exports().select_related("user")[:10],
            "undelivered_mail": undelivered_mail(event),
        },
    )
    response["Cache-Control"] = "no-store, private"
    return response


@require_POST
@registrations_required
def retry_mail(request: HttpRequest, page_id: int, message_id: int) -> HttpResponse:
    """Send one e-mail that did not go out again now."""
    event = _event_for_staff(request, page_id)
    if retry_event_mail(event, message_id, request.user):
        messages.success(request, _("E-posten blir send på nytt."))
    return redirect("events_staff:participants", page_id=event.pk)


@registrations_required
def export(request: HttpRequest, page_id: int, file_format: str) -> HttpResponse:
    """Download the participant list; every export is logged with user and time."""
    event = _event_for_staff(request, page_id)
    if file_format not in EXPORT_FORMATS or request.method != "POST":
        return redirect("events_staff:participants", page_id=event.pk)
    content, filename, content_type = export_participants(
        event, file_format, request.user, dialect=exports.csv_dialect_for(request)
    )
    return exports.download_response(content, content_type, f"{filename}.{file_format}", is_personal=True)


@registrations_required
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
        messages.success(
            request,
            ngettext(
                "Meldinga er sendt til %(count)s person.", "Meldinga er sendt til %(count)s personar.", sent
            )
            % {"count": sent},
        )
        return redirect("events_staff:participants", page_id=event.pk)
    return render(request, "events/staff/message.html", {"event": event, "form": form})
