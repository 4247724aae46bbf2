"""The seats left on an event page: rendered on every request, even when the page is cached.

A registration changes no cached page (it purges nothing); the page cache fills this
fragment in on each hit instead (two small queries).
"""

from django.http import HttpRequest
from django.template.loader import render_to_string

SEATS_FRAGMENT = "events.seats"


def render_seats(request: HttpRequest, event_id: int) -> str:
    """The paragraph that says how many seats are left (or that the event is full)."""
    from .models import EventPage
    from .services import seat_counts

    event = EventPage.objects.filter(pk=event_id).only("pk", "capacity").first()
    if event is None:
        return ""
    return render_to_string("events/_seats_left.html", {"seats": seat_counts(event)})
