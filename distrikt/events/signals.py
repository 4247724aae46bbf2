"""When an editor publishes an event with more seats, the waiting list moves up; a changed
site makes the cached map of registration-form addresses stale (see views._event_at)."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Site
from wagtail.signals import page_published

from distrikt.core.derived import bump_datasets

from .models import EventPage
from .services import fill_free_seats


def fill_seats_on_publish(sender, instance, **kwargs) -> None:
    fill_free_seats(instance)


page_published.connect(fill_seats_on_publish, sender=EventPage)


def forget_event_routes_on_site_change(sender, instance, **kwargs) -> None:
    """A site's host or root page changed: the cached map of form addresses is stale."""
    bump_datasets("events")


post_save.connect(forget_event_routes_on_site_change, sender=Site)
post_delete.connect(forget_event_routes_on_site_change, sender=Site)
