from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    """Development programmes, their projects and participating municipalities and regions."""

    name = "distrikt.programmes"
    label = "programmes"
    verbose_name = _("Program")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_programmes"
    demo_data_command = "load_programmes_demo"

    def ready(self) -> None:
        from distrikt.municipalities.profile_sections import register_profile_section
        from distrikt.municipalities.region_sections import register_region_section

        from . import views  # noqa: F401  (registers the programme page's context)
        from .models import DATASET
        from .sections import municipality_programmes_section, region_programmes_section

        register_profile_section(municipality_programmes_section, datasets=(DATASET,))
        register_region_section(region_programmes_section, datasets=(DATASET,))
