from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerkurConfig(AppConfig):
    """The Merkur programme: shops, extra services, key figures and statistics."""

    name = "distrikt.merkur"
    label = "merkur"
    verbose_name = _("Merkur")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_merkur"
    demo_data_command = "load_merkur_demo"
    sitemap_url_names = ["merkur:shop_list", "merkur:shop_map", "merkur:dashboard", "merkur:accessibility"]
    accessibility_check_paths = [
        "/merkur-register/",
        "/merkur-register/kart/",
        "/merkur-register/statistikk/",
        "/merkur-register/tilgjenge/",
        "/merkur-register/logg-inn/",
        "/merkur-register/glemt-passord/",
        "/merkur-register/glemt-passord/sendt/",
    ]

    def ready(self) -> None:
        from distrikt.municipalities.profile_sections import register_profile_section

        from . import signals  # noqa: F401 - connects the receivers
        from .models import ACCESSIBILITY_DATASET, REGISTER_DATASET
        from .profile import shops_in_municipality_section

        register_profile_section(
            shops_in_municipality_section, datasets=(REGISTER_DATASET, ACCESSIBILITY_DATASET)
        )
