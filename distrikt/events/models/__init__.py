"""Event pages and registrations."""

from .pages import EventIndexPage, EventKind, EventPage, PlaceKind, RegistrationQuestion
from .registrations import (
    EVENT_ORGANISER_GROUP_NAME,
    VIEW_REGISTRATIONS_PERMISSION,
    AccessAction,
    ExportLog,
    Registration,
    RegistrationStatus,
)

__all__ = [
    "EVENT_ORGANISER_GROUP_NAME",
    "VIEW_REGISTRATIONS_PERMISSION",
    "AccessAction",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "ExportLog",
    "PlaceKind",
    "Registration",
    "RegistrationQuestion",
    "RegistrationStatus",
]
