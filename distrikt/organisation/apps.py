from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    """Offices, staff directory, about pages, target groups and knowledge areas."""

    name = "distrikt.organisation"
    label = "organisation"
    verbose_name = _("Organisasjon")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_organisation"
    demo_data_command = "load_demo_staff"

    def ready(self) -> None:
        from . import views  # noqa: F401  (registers the staff directory's page view)
