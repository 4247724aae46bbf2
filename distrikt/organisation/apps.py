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
        from distrikt.core import retention

        from . import services, views  # noqa: F401  (registers the directory's and contact page's views)

        retention.register(
            "organisation.contact_messages",
            services.delete_expired_contact_messages,
            "Delete contact-form messages after CONTACT_MESSAGE_RETENTION_DAYS.",
            period_setting="CONTACT_MESSAGE_RETENTION_DAYS",
            data_subject="contacts",
            public_summary=_(
                "Namn, e-post, telefon (om du oppgir det) og meldinga di når du skriv til oss med "
                "kontaktskjemaet, så vi kan svare deg og sende meldinga til rett kontor eller fagområde."
            ),
            period_counts_from=_("etter at meldinga kom inn"),
        )
