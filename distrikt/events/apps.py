from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Conferences, workshops, courses and webinars; registration and waiting lists."""

    name = "distrikt.events"
    label = "events"
    verbose_name = _("Arrangement")
    default_auto_field = "django.db.models.BigAutoField"
