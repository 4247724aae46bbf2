"""Keep the site-wide search index in step with pages, staff and municipalities."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from distrikt.municipalities.models import Municipality
from distrikt.organisation.models import Person

from . import indexer


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


@receiver(post_save, sender=Person)
def index_saved_person(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        indexer.index_person(instance)


@receiver(post_save, sender=Municipality)
def index_saved_municipality(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        indexer.index_municipality(instance)


@receiver(post_save, sender=Site)
def refresh_addresses_when_a_site_changes(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        Site.clear_site_root_paths_cache()
        indexer.refresh_page_urls()
