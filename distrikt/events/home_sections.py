"""The events app's section of the home page: the next events."""

from django.utils.translation import gettext as _

from distrikt.core.home_sections import HomeSection

from .models import EventIndexPage
from .services import upcoming_events_for


def next_events_section() -> HomeSection | None:
    events = upcoming_events_for(limit=4)
    if not events:
        return None
    calendar = EventIndexPage.objects.live().first()
    return HomeSection(
        title=_("Neste arrangement"),
        template="events/home/next_events.html",
        context={"events": events},
        order=30,
        more_url=calendar.url if calendar else "",
        more_label=_("Alle arrangement"),
    )
