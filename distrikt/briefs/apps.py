from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefsConfig(AppConfig):
    """Generated briefs (kunnskapsgrunnlag) per county, region, knowledge area or the country."""

    name = "distrikt.briefs"
    label = "briefs"
    verbose_name = _("Kunnskapsgrunnlag")
    default_auto_field = "django.db.models.BigAutoField"
    accessibility_check_paths = ["/kunnskapsgrunnlag/"]
