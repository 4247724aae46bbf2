"""Keep the site-wide search index in step with pages and every registered source."""

from functools import partial

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from distrikt.core.derived import bump_datasets

from . import indexer
from .models import SearchDocument
from .promotions import PROMOTIONS_DATASET
from .sources import Source, sources


@receiver(page_published)
def index_published_page(sender, instance, **kwargs) -> None:
    indexer.index_page(instance)


@receiver(page_unpublished)
def drop_unpublished_page(sender, instance, **kwargs) -> None:
    indexer.remove_page(instance.pk)


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs) -> None:
    for page in Page.objects.descendant_of(instance, inclusive=True).live().specific():
        indexer.index_page(page)


@receiver(post_delete, sender=SearchDocument)
def note_deleted_document(sender, instance, **kwargs) -> None:
    """A document went with its page (a cascade the indexer does not see): bump the version."""
    indexer.index_changed()


@receiver(post_save, sender=Site)
def refresh_addresses_when_a_site_changes(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        Site.clear_site_root_paths_cache()
        indexer.refresh_page_urls()


@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def note_changed_promotion(sender, instance, raw=False, **kwargs) -> None:
    """Editors pinned or unpinned a page for a query: the search pages show it."""
    if not raw:
        bump_datasets(PROMOTIONS_DATASET)


@receiver(post_save, sender=Query)
def note_edited_query(sender, instance, created=False, raw=False, **kwargs) -> None:
    """An edited query text moves its promotions; a new one (a first search) has none."""
    if not raw and not created:
        bump_datasets(PROMOTIONS_DATASET)


def _index_saved(source: Source, sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        indexer.index_item(source, instance)


def _drop_deleted(source: Source, sender, instance, **kwargs) -> None:
    indexer.remove_item(source, instance.pk)


def connect_sources() -> None:
    """Re-index an object of a source whenever it is saved; drop it when it is deleted."""
    for source in sources():
        if source.model is None:
            continue
        uid = f"search-source-{source.name}"
        post_save.connect(partial(_index_saved, source), sender=source.model, weak=False, dispatch_uid=uid)
        post_delete.connect(partial(_drop_deleted, source), sender=source.model, weak=False, dispatch_uid=uid)
