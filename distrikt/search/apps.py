from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site-wide search over every app's searchable content."""

    name = "distrikt.search"
    label = "search"
    verbose_name = _("Søk")
    default_auto_field = "django.db.models.BigAutoField"
