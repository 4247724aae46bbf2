"""Signal receivers that keep the knowledge bank table in sync with any app's pages, and
order a guide's PDF when it is published."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import guide_pdfs, sync
from .models import GuidePage


@receiver(page_published)
def page_was_published(sender, instance, **kwargs) -> None:
    if hasattr(instance, "knowledge_bank_entry"):
        sync.sync_page(instance)


@receiver(page_published, sender=GuidePage)
def guide_was_published(sender, instance, revision, **kwargs) -> None:
    """The PDF of the earlier revision is stale: make the new one in the background."""
    guide_pdfs.guide_published(instance, revision.pk)


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
