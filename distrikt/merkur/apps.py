from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerkurConfig(AppConfig):
    """The Merkur programme: shops, extra services, key figures and statistics."""

    name = "distrikt.merkur"
    label = "merkur"
    verbose_name = _("Merkur")
    default_auto_field = "django.db.models.BigAutoField"
