from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge bank: themes, articles, publications, films, webinars, examples, reports."""

    name = "distrikt.knowledge"
    label = "knowledge"
    verbose_name = _("Kunnskap")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "load_knowledge"
    accessibility_check_paths = [
        "/kunnskap/",
        "/kunnskap/?type=example&sort=newest",
        "/kunnskap/fou-oppdrag/",
        "/nyheitsbrev/",
        "/nb/nyheitsbrev/",
        "/en/nyheitsbrev/",
    ]
    sitemap_url_names = ["knowledge:newsletter"]

    def ready(self) -> None:
        from distrikt.core import retention
        from distrikt.core.home_sections import register_home_section
        from distrikt.municipalities.profile_sections import register_profile_section

        from . import (
            signals,  # noqa: F401  (connects the bank's index sync)
            views,  # noqa: F401  (registers the routable pages' views)
        )
        from .models.entries import DATASET
        from .profile_section import knowledge_profile_section

        register_profile_section(knowledge_profile_section, datasets=(DATASET,))

        from . import home_sections, newsletter
        from .models import NEWS_DATASET

        register_home_section(home_sections.news_section, datasets=(NEWS_DATASET, "organisation"))
        register_home_section(home_sections.newest_knowledge_section, datasets=(DATASET, "organisation"))
        register_home_section(home_sections.merkur_news_section, datasets=(NEWS_DATASET, "organisation"))
        retention.register(
            "knowledge.newsletter_unconfirmed",
            newsletter.delete_unconfirmed_subscriptions,
            "Delete newsletter sign-ups not confirmed within NEWSLETTER_UNCONFIRMED_DAYS.",
            period_setting="NEWSLETTER_UNCONFIRMED_DAYS",
            data_subject="subscribers",
            public_summary=_(
                "E-postadressa, tema du har valt og kor ofte, når du melder deg på nyheitsbrevet, "
                "så vi kan sende det. Ei påmelding du ikkje stadfestar, blir sletta."
            ),
            period_counts_from=_("etter påmeldinga om du ikkje stadfestar ho"),
        )
        retention.register(
            "knowledge.newsletter_unsubscribed",
            newsletter.delete_unsubscribed_subscriptions,
            "Delete newsletter addresses NEWSLETTER_UNSUBSCRIBED_DAYS after they unsubscribed.",
            period_setting="NEWSLETTER_UNSUBSCRIBED_DAYS",
            data_subject="subscribers",
            public_summary=_(
                "Adressa di etter at du har meldt deg av nyheitsbrevet (så vi ikkje sender fleire). "
                "Så lenge du abonnerer, tek vi vare på ho."
            ),
            period_counts_from=_("etter at du melde deg av"),
        )
