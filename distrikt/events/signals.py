"""When an editor publishes an event with more seats, the waiting list moves up."""

from wagtail.signals import page_published

from .models import EventPage
from .services import fill_free_seats


def fill_seats_on_publish(sender, instance, **kwargs) -> None:
    fill_free_seats(instance)


page_published.connect(fill_seats_on_publish, sender=EventPage)
