"""Signal receivers that keep the knowledge bank table in sync with any app's pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import sync


@receiver(page_published)
def page_was_published(sender, instance, **kwargs) -> None:
    if hasattr(instance, "knowledge_bank_entry"):
        sync.sync_page(instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs) -> None:
    sync.remove_page(instance.pk)


@receiver(post_delete)
def page_was_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        sync.remove_page(instance.pk)


@receiver(post_page_move)
def page_was_moved(sender, instance, **kwargs) -> None:
    sync.sync_subtree(instance)


@receiver(post_save, sender=Site)
def site_was_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        Site.clear_site_root_paths_cache()
        sync.refresh_urls()
