from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge bank: themes, articles, publications, films, webinars, examples, reports."""

    name = "distrikt.knowledge"
    label = "knowledge"
    verbose_name = _("Kunnskap")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_knowledge"
    accessibility_check_paths = [
        "/kunnskap/",
        "/kunnskap/?type=example&sort=newest",
        "/kunnskap/fou-oppdrag/",
    ]

    def ready(self) -> None:
        from distrikt.municipalities.profile_sections import register_profile_section

        from . import (
            signals,  # noqa: F401  (connects the bank's index sync)
            views,  # noqa: F401  (registers the routable pages' views)
        )
        from .models.entries import DATASET
        from .profile_section import knowledge_profile_section

        register_profile_section(knowledge_profile_section, datasets=(DATASET,))
