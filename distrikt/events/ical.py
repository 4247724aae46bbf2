"""iCalendar files for one event and for calendar feeds, made with the icalendar package."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

import icalendar

if TYPE_CHECKING:
    from .models import EventPage

PRODUCT_ID = "-//Distriktssenteret//Arrangement//NO"


def page_url(event: EventPage, base_url: str) -> str:
    """The event's address under the given base URL (not the Wagtail Site's root URL)."""
    parts = event.get_url_parts()
    path = parts[2] if parts else ""
    if base_url and path:
        return base_url.rstrip("/") + path
    return event.get_full_url() or ""


def event_component(event: EventPage, base_url: str, include_online_url: bool = False) -> icalendar.Event:
    """One VEVENT; the streaming link only when the file goes to a registered participant."""
    component = icalendar.Event()
    component.add("uid", f"arrangement-{event.pk}@distriktssenteret.no")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", event.start)
    component.add("dtend", event.end)
    component.add("summary", event.title)
    description = event.lead
    if include_online_url and event.online_url:
        description = f"{description}\n\n{event.online_url}"
    component.add("description", description)
    component.add("location", event.place_text)
    url = page_url(event, base_url)
    if url:
        component.add("url", url)
    return component


def calendar_bytes(
    events: Iterable[EventPage], base_url: str = "", include_online_url: bool = False
) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Distriktssenteret – arrangement")
    for event in events:
        calendar.add_component(event_component(event, base_url, include_online_url))
    return calendar.to_ical()


def calendar_response(events: Iterable[EventPage], request: HttpRequest, filename: str) -> HttpResponse:
    """A public .ics answer: never includes streaming links."""
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(
        calendar_bytes(events, base_url),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=600"
    return response
