from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge bank: themes, articles, publications, films, webinars, examples, reports."""

    name = "distrikt.knowledge"
    label = "knowledge"
    verbose_name = _("Kunnskap")
    default_auto_field = "django.db.models.BigAutoField"
