from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    """Counties, municipalities and their history, regions, indicators, indices and profiles."""

    name = "distrikt.municipalities"
    label = "municipalities"
    verbose_name = _("Kommunar")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_municipalities"
    navigation_entry = ("kommunar", _("Kommunar"), "municipalities:overview")
    accessibility_check_paths = [
        "/kommunar/",
        "/kommunar/5006-steinkjer/",
        "/kommunar/samanlikn/",
        "/kommunar/samanlikn/?k=5006&k=1833&k=4601",
        "/kommunar/distriktsindeksen/",
        "/kommunar/distriktsindeksen/?aar=2026&metode=2022&forenkla=on",
        "/kommunar/regionar/ba-91-steinkjer/",
        "/kommunar/1507/",
        "/fylke/",
        "/fylke/50-trondelag/",
    ]
