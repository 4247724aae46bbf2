"""Views: the calendar list, the registration form and the signed personal pages."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from distrikt.core.breadcrumbs import page_trail
from distrikt.core.derived import get_or_compute
from distrikt.core.filtering import filter_list
from distrikt.core.navigation import NAVIGATION_DATASET
from distrikt.core.page_views import page_view
from distrikt.core.ratelimit import is_rate_limited

from .forms import CalendarFilterForm, RegistrationForm
from .models import EventIndexPage, EventPage
from .models.pages import EventPageQuerySet
from .services import (
    RegistrationClosedError,
    cancel_registration,
    confirm_registration_email,
    delete_registration,
    register_for_event,
)
from .tokens import is_link_expired, link_valid_until, make_token, registration_for_token

EVENTS_PER_PAGE = 20


@page_view(EventIndexPage, "calendar_context")
def calendar_context(index: EventIndexPage, request: HttpRequest) -> dict:
    """The filtered event list for the calendar page."""
    form = CalendarFilterForm(request.GET or None)

    def narrow(data: dict) -> EventPageQuerySet:
        events = EventPage.objects.child_of(index).live().public()
        if data.get("kind"):
            events = events.of_kind(data["kind"])
        if data.get("theme"):
            events = events.with_knowledge_areas([data["theme"]])
        if data.get("target_group"):
            events = events.with_target_groups([data["target_group"]])
        if data.get("county"):
            events = events.in_county(data["county"])
        if data.get("month"):
            year, month = (int(part) for part in data["month"].split("-"))
            events = events.in_month(year, month)
        events = events.past() if data.get("past") else events.upcoming()
        return events.select_related("office", "municipality", "office__municipality").prefetch_related(
            "knowledge_areas"
        )

    listing = filter_list(request, form, narrow, per_page=EVENTS_PER_PAGE, page_param="side")
    return {
        "listing": listing,
        "form": form,
        "events": listing.object_list,
        "page_obj": listing.page_obj,
        "show_past": bool(form.is_bound and form.is_valid() and form.cleaned_data["past"]),
        "query_string": listing.query_string,
    }


def _personal_url(registration) -> str:
    return reverse(
        "events:registration",
        kwargs={"pk": registration.pk, "token": make_token(registration)},
    )


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


@page_view(EventPage, "register")
def registration_form_view(request: HttpRequest, event: EventPage) -> HttpResponse:
    """Show and handle the registration form of one event (the empty form may be page-cached)."""
    state = event.registration_state()
    form = RegistrationForm(request.POST or None, event=event)
    error = ""
    if request.method == "POST" and state == "open":
        if is_rate_limited(
            request,
            "events:registration",
            settings.EVENT_REGISTRATION_RATE_LIMIT,
            settings.EVENT_REGISTRATION_RATE_WINDOW,
        ):
            return _render_form(request, event, form, state, status=429, rate_limited=True)
        if form.is_spam:
            error = "spam"
        elif form.is_valid():
            data = form.cleaned_data
            try:
                result = register_for_event(
                    event,
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    role=data["role"],
                    municipality=data["municipality"],
                    dietary_needs=data["dietary_needs"],
                    accessibility_needs=data["accessibility_needs"],
                    answers=form.answers(),
                    has_consented=data["has_consented"],
                    language=get_language() or "nn",
                )
            except RegistrationClosedError as closed:
                state = closed.state
            else:
                # A known address gets the same answer as a new one (the owner gets the
                # e-mail with their link); so does every registration that must be
                # confirmed by e-mail, whose link must not be shown here.
                if result.is_duplicate or event.requires_opt_in:
                    return redirect(reverse("events:registration_received") + f"?arrangement={event.pk}")
                return redirect(_personal_url(result.registration) + "?ny=1")
    return _render_form(request, event, form, state, status=400 if error else 200, error=error)


def registration_form(request: HttpRequest, slug: str) -> HttpResponse:
    """`/arrangement/<slug>/pamelding/`: the form of the event at that address, by its id.

    Wagtail's router walks the tree from the site root, a query per level and the specific
    page at each. Here the event's id comes from a cached map of the site's event
    addresses (see `_event_routes`) and the event is read by its primary key, then served
    the way Wagtail serves a page (its `before_serve_page` hooks, view restrictions
    included). An address the map does not know (a calendar with another slug, another
    site) is routed by Wagtail as before.
    """
    event = _event_at(request, slug)
    if event is None:
        return wagtail_views.serve(request, f"{EVENT_CALENDAR_SLUG}/{slug}/pamelding/")
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(event, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return registration_form_view(request, event)


EVENT_CALENDAR_SLUG = "arrangement"
# The map is stale when an event is published, unpublished, moved or deleted (`events`),
# when a top-level page such as the calendar changes (`navigation`) and when a Site changes
# (events.signals bumps `events`).
EVENT_ROUTE_DATASETS = ("events", NAVIGATION_DATASET)


def _event_at(request: HttpRequest, slug: str) -> EventPage | None:
    """The live event whose form is at this address on the request's site, in one query by id."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    routes = get_or_compute(
        EVENT_ROUTE_DATASETS,
        f"event-form-routes:{host}:{request.get_port()}",
        lambda: _event_routes(request),
        language_neutral=True,
        in_process=True,  # read only: ids, paths and the Site row
    )
    route = routes["events"].get(slug)
    if route is None:
        return None
    # The site the map was made for (the same host and port): the menu and page URLs of
    # the form read it, and Wagtail keeps it on the request for them, as find_for_request
    # would.
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = routes["site"]  # type: ignore[attr-defined]
    event_id, url_path = route
    event = EventPage.objects.live().filter(pk=event_id).first()
    # The map is a shortcut, never the authority: a page that is not at that path any more
    # (a move the map has not heard of yet) goes to Wagtail's router.
    if event is None or event.url_path != url_path:
        return None
    return event


def _event_routes(request: HttpRequest) -> dict:
    """The request's site, and slug -> (id, URL path) of every live event directly under
    /arrangement/ on it."""
    site = Site.find_for_request(request)
    routes: dict = {"site": site, "events": {}}
    if site is None:
        return routes
    root_path = next(
        (root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk),
        None,
    )
    if root_path is None:
        return routes
    prefix = f"{root_path}{EVENT_CALENDAR_SLUG}/"
    rows = EventPage.objects.live().filter(url_path__startswith=prefix).values_list("slug", "pk", "url_path")
    routes["events"] = {slug: (pk, url_path) for slug, pk, url_path in rows if url_path == f"{prefix}{slug}/"}
    return routes


def _render_form(
    request: HttpRequest,
    event: EventPage,
    form: RegistrationForm,
    state: str,
    status: int = 200,
    **extra,
) -> HttpResponse:
    # Only what the form template reads: the event page's own context (seats left, and a
    # second breadcrumb trail from BasePage) would cost three queries the form never shows.
    response = render(
        request,
        "events/registration_form.html",
        {
            **Page.get_context(event, request),
            "form": form,
            "state": state,
            "breadcrumbs": page_trail(event, request),
            **extra,
        },
        status=status,
    )
    if request.method in ("GET", "HEAD"):
        # The empty form is the same for every visitor: the page cache may keep it, and the
        # CSRF field ({% csrf_input %}) gets each visitor's own token and keeps it from browsers.
        return response
    return _private(response)


def registration_help(request: HttpRequest) -> HttpResponse:
    """What the personal registration links are and where to find them."""
    return render(
        request,
        "events/registration_help.html",
        {"calendar": EventIndexPage.objects.live().first()},
    )


def registration_received(request: HttpRequest) -> HttpResponse:
    """The answer to a registration whose link goes by e-mail only: check your e-mail."""
    event_id = request.GET.get("arrangement", "")
    event = None
    if event_id.isascii() and event_id.isdigit() and len(event_id) < 12:
        event = EventPage.objects.live().public().filter(pk=int(event_id)).first()
    return _private(render(request, "events/registration_received.html", {"event": event}))


class LinkExpired(Exception):
    """The personal link is genuine but the event ended too long ago."""

    def __init__(self, registration) -> None:
        super().__init__(registration.pk)
        self.registration = registration


def _registration_or_404(pk: int, token: str):
    registration = registration_for_token(pk, token)
    if registration is None:
        raise Http404
    if is_link_expired(registration):
        raise LinkExpired(registration)
    return registration


def _link_expired_response(request: HttpRequest, expired: LinkExpired) -> HttpResponse:
    response = render(
        request,
        "events/registration_link_expired.html",
        {"valid_until": link_valid_until(expired.registration)},
        status=410,
    )
    return _private(response)


def expiring_link(view):
    """Answer an expired personal link with a clear page (410) instead of the view."""

    @wraps(view)
    def wrapped(request: HttpRequest, pk: int, token: str) -> HttpResponse:
        try:
            return view(request, pk, token)
        except LinkExpired as expired:
            return _link_expired_response(request, expired)

    return wrapped


@expiring_link
def registration_detail(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """A person's own registration, reached through the signed link."""
    registration = _registration_or_404(pk, token)
    event = registration.event
    response = render(
        request,
        "events/registration_detail.html",
        {
            "registration": registration,
            "event": event,
            "is_new": request.GET.get("ny") == "1",
            "show_online_url": event.is_online
            and registration.status == "confirmed"
            and bool(event.online_url)
            and not event.is_past(),
            "is_past": event.is_past(),
            "token": token,
        },
    )
    return _private(response)


@require_http_methods(["POST"])
@expiring_link
def registration_confirm(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The person confirms by the e-mailed link (double opt-in): the held seat now counts."""
    registration = _registration_or_404(pk, token)
    confirm_registration_email(registration)
    return redirect(reverse("events:registration", kwargs={"pk": pk, "token": token}) + "?stadfest=1")


@require_http_methods(["GET", "POST"])
@expiring_link
def registration_cancel(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """Confirm and cancel one's own registration."""
    registration = _registration_or_404(pk, token)
    if request.method == "POST" and registration.is_active:
        cancel_registration(registration)
        return redirect(reverse("events:registration", kwargs={"pk": pk, "token": token}) + "?avmeld=1")
    response = render(
        request,
        "events/registration_confirm_action.html",
        {"registration": registration, "event": registration.event, "action": "cancel"},
    )
    return _private(response)


@require_http_methods(["GET", "POST"])
@expiring_link
def registration_delete(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """Confirm and delete one's own registration and every piece of data in it."""
    registration = _registration_or_404(pk, token)
    if request.method == "POST":
        event = registration.event
        delete_registration(registration)
        response = render(
            request,
            "events/registration_deleted.html",
            {"event": event, "now": timezone.now()},
        )
        return _private(response)
    response = render(
        request,
        "events/registration_confirm_action.html",
        {"registration": registration, "event": registration.event, "action": "delete"},
    )
    return _private(response)
