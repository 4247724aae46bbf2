from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    """Counties, municipalities and their history, regions, indicators, indices and profiles."""

    name = "distrikt.municipalities"
    label = "municipalities"
    verbose_name = _("Kommunar")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_municipalities"
