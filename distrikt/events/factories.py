"""Factories for event pages and registrations (tests and demo data)."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import EventIndexPage, EventKind, EventPage, PlaceKind, Registration


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Arrangement"
    slug = "arrangement"
    lead = "Kalenderen over arrangementa våre."


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Testarrangement {n}")
    slug = factory.Sequence(lambda n: f"testarrangement-{n}")
    kind = EventKind.CONFERENCE
    lead = "Eit arrangement for testane."
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=6))
    place_kind = PlaceKind.ONLINE
    online_url = "https://video.example.org/rom/123"
    capacity = 50
    contact_email = "arrangement@example.org"


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Deltakar Nummer{n}")
    email = factory.Sequence(lambda n: f"deltakar{n}@example.org")
    has_consented = True
