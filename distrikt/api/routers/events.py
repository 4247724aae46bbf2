"""API routes for the events domain: the public calendar (never registrations or stream links)."""

import datetime

from ninja import Field, Query, Router, Schema

from distrikt.core.api_schemas import errors, object_or_404
from distrikt.events.models import EventKind, EventPage
from distrikt.events.services import seat_counts

router = Router(tags=["events"])


class EventOut(Schema):
    id: int
    title: str
    kind: str
    summary: str
    start: datetime.datetime
    end: datetime.datetime
    place: str
    is_online: bool
    url: str
    ical_url: str
    knowledge_areas: list[str]
    target_groups: list[str]
    registration: str
    seats_left: int | None
    price: float | None
    is_demo: bool


class EventFilters(Schema):
    kind: EventKind | None = None
    theme: str | None = None
    target_group: str | None = None
    past: bool = False
    limit: int = Field(50, ge=1, le=200, description="How many events (1–200).")


def _event_out(event: EventPage) -> EventOut:
    url = event.get_full_url() or ""
    return EventOut(
        id=event.pk,
        title=event.title,
        kind=event.kind,
        summary=event.lead,
        start=event.start,
        end=event.end,
        place=event.place_text,
        is_online=event.is_online,
        url=url,
        ical_url=url + "kalender/" if url else "",
        knowledge_areas=[area.slug for area in event.knowledge_areas.all()],
        target_groups=[group.slug for group in event.target_groups.all()],
        registration=event.registration_state(),
        seats_left=seat_counts(event)["left"],
        price=float(event.price) if event.price else None,
        is_demo=event.is_demo,
    )


@router.get(
    "/events",
    response={200: list[EventOut], **errors(422)},
    summary="Events in the calendar",
)
def list_events(request, filters: Query[EventFilters]):
    """Upcoming events (or past ones with `past=true`), filtered by kind, theme and target group."""
    events = EventPage.objects.live().public()
    events = events.past() if filters.past else events.upcoming()
    if filters.kind:
        events = events.of_kind(filters.kind)
    if filters.theme:
        events = events.with_knowledge_areas([filters.theme])
    if filters.target_group:
        events = events.with_target_groups([filters.target_group])
    events = events.select_related("office", "municipality").prefetch_related(
        "knowledge_areas", "target_groups"
    )
    return [_event_out(event) for event in events[: filters.limit]]


@router.get(
    "/events/{event_id}",
    response={200: EventOut, **errors(404, 422)},
    summary="One event",
)
def get_event(request, event_id: int):
    """One published event."""
    return _event_out(object_or_404(EventPage.objects.live().public(), pk=event_id))
