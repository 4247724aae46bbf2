"""Event pages and registrations."""

from .pages import EventIndexPage, EventKind, EventPage, PlaceKind, RegistrationQuestion
from .registrations import ExportLog, Registration, RegistrationStatus

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "ExportLog",
    "PlaceKind",
    "Registration",
    "RegistrationQuestion",
    "RegistrationStatus",
]
