from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Conferences, workshops, courses and webinars; registration and waiting lists."""

    name = "distrikt.events"
    label = "events"
    verbose_name = _("Arrangement")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_events"
    demo_data_command = "load_demo_events"
    accessibility_check_paths = ["/pamelding/"]

    def ready(self) -> None:
        from distrikt.core import retention
        from distrikt.core.cache import register_fragment

        from . import (
            services,
            signals,  # noqa: F401  (fills free seats when capacity is raised)
            views,  # noqa: F401  (registers the calendar's and the registration form's views)
        )
        from .fragments import SEATS_FRAGMENT, render_seats

        register_fragment(SEATS_FRAGMENT, render_seats)
        from distrikt.core.home_sections import register_home_section

        from .home_sections import next_events_section

        register_home_section(next_events_section, datasets=("events",))
        retention.register(
            "events.registrations",
            services.anonymise_expired_registrations,
            "Anonymise registrations EVENT_REGISTRATION_RETENTION_DAYS after the event.",
            period_setting="EVENT_REGISTRATION_RETENTION_DAYS",
            data_subject="registrants",
            public_summary=_(
                "Namn, e-post, organisasjon, rolle, kommune og eventuelle behov for mat og tilrettelegging "
                "når du melder deg på eit arrangement, så vi kan planleggje arrangementet og sende deg informasjon om det."
            ),
            period_counts_from=_("etter at arrangementet er over (då blir påmeldinga anonymisert)"),
        )
