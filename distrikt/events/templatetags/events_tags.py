"""Date and time of events in the reader's language: "kl. 10:00" in Norwegian, not in English."""

import datetime

from django import template
from django.utils.dateformat import format as format_date
from django.utils.timezone import localtime
from django.utils.translation import get_language

register = template.Library()

FORMATS = {
    "nn": ("l j. F Y \\k\\l. H:i", "j. F Y \\k\\l. H:i"),
    "nb": ("l j. F Y \\k\\l. H:i", "j. F Y \\k\\l. H:i"),
    "en": ("l j F Y, H:i", "j F Y, H:i"),
}


def _format(value: datetime.datetime | None, long: bool) -> str:
    if value is None:
        return ""
    formats = FORMATS.get((get_language() or "nn")[:2], FORMATS["nn"])
    return format_date(localtime(value), formats[0] if long else formats[1])


@register.filter
def event_datetime(value: datetime.datetime | None) -> str:
    """Weekday, date and time in Oslo time: «søndag 10. januar 2027 kl. 10:00»."""
    return _format(value, long=True)


@register.filter
def event_short_datetime(value: datetime.datetime | None) -> str:
    """Date and time in Oslo time without the weekday."""
    return _format(value, long=False)
