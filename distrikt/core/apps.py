from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Home page, base templates, shared blocks, site chrome and the health check."""

    name = "distrikt.core"
    label = "core"
    verbose_name = _("Kjerne")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "setup_site_pages"

    def ready(self) -> None:
        from . import checks, outbox, retention, signals  # noqa: F401  (deploy checks, cache invalidation)
        from .converters import register_converters

        register_converters()

        retention.register(
            "core.mail",
            lambda now: outbox.delete_expired_mail(outbox.mail_retention_cutoff(now)),
            "Delete stored e-mails and development mail files after MAIL_RETENTION_DAYS.",
            period_setting="MAIL_RETENTION_DAYS",
            data_subject="everyone",
            public_summary=_(
                "Kopiar av e-postar vi sender (stadfestingar, svar, nyheitsbrev), med mottakaradresse, "
                "så vi kan sende på nytt om sendinga feilar."
            ),
            period_counts_from=_("etter at e-posten vart laga"),
        )
