from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemocracyConfig(AppConfig):
    """The register of local democracy arrangements, its survey and statistics."""

    name = "distrikt.democracy"
    label = "democracy"
    verbose_name = _("Lokaldemokrati")
    default_auto_field = "django.db.models.BigAutoField"
    demo_data_command = "load_democracy_demo"
    accessibility_check_paths = [
        "/lokaldemokrati/ordningar/",
        "/lokaldemokrati/statistikk/",
        "/lokaldemokrati/skjema/",
    ]

    def ready(self) -> None:
        from distrikt.core import retention
        from distrikt.municipalities.profile_sections import register_profile_section

        from . import services
        from .models import DATASET
        from .sections import arrangements_section

        register_profile_section(arrangements_section, datasets=(DATASET,))
        retention.register(
            "democracy.survey",
            services.forget_survey_addresses,
            "Delete used or expired survey links and the e-mail address of reviewed submissions "
            "after DEMOCRACY_RETENTION_DAYS.",
        )
