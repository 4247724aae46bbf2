from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site-wide search over every app's searchable content."""

    name = "distrikt.search"
    label = "search"
    verbose_name = _("Søk")
    default_auto_field = "django.db.models.BigAutoField"
    bundled_data_command = "index_missing_search_documents"
    accessibility_check_paths = ["/sok/?q=kommunar"]

    def ready(self) -> None:
        from distrikt.core import retention
        from distrikt.core.cache import register_hit_hook
        from distrikt.knowledge.ranking import register_ranker

        from . import signals
        from .engine import rank_pages
        from .retention import delete_expired_queries
        from .views import LOG_HOOK, count_search

        signals.connect_sources()
        register_hit_hook(LOG_HOOK, count_search)
        register_ranker(rank_pages)
        retention.register(
            "search.queries",
            delete_expired_queries,
            "Delete anonymous search queries older than SEARCH_QUERY_RETENTION_DAYS.",
        )
