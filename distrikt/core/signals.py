"""What a change purges from the page cache.

Pages: publishing, unpublishing, moving or deleting a page purges the page, its parent (which
lists it), the pages that link to it (Wagtail's reference index) and the datasets its type
declares in `changes_datasets`. When its title or slug changed, or it left or moved in the
tree, the pages below it (their breadcrumbs and URLs) go too; top-level pages also purge the
menu on every page. Saving a draft purges nothing.

Our other models declare `changes_datasets`: the datasets a change makes stale (derived data
and the pages that show it, see `distrikt.core.derived`), plus the pages that reference the
row. `changes_datasets = ()` means the rows show on no public page (registrations, logs,
search rows): a change purges nothing. `changes_every_page = True` also purges every page (names
shown all over the site). A model of ours that declares nothing purges every page, so
forgetting a declaration costs speed, never correctness.
"""

from collections.abc import Iterable

from django.core.signals import setting_changed
from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .cache import NAVIGATION_TAG, page_tag, purge_tags, reset_page_cache, tree_tag
from .derived import bump_datasets
from .navigation import NAVIGATION_DATASET, footer_page_paths

TREE_FIELDS = ("title", "slug", "show_in_menus", "live")


def _referencing_page_tags(instance: Model) -> set[str]:
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    )
    return {page_tag(object_id) for object_id in ids}


def purge_page(page: Page, *, with_tree: bool, old_parent_id: int | None = None) -> None:
    """Purge a changed page and the pages that list or link it."""
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    tags = {page_tag(page.pk)} | _referencing_page_tags(page)
    parent_path = page.path[: -Page.steplen]
    parent_id = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
    tags.update(page_tag(pk) for pk in (parent_id, old_parent_id) if pk is not None)
    if with_tree:
        tags.add(tree_tag(page.path))
    if page.depth <= 3 or _is_footer_page(page, with_tree=with_tree):
        tags.add(NAVIGATION_TAG)
        bump_datasets(NAVIGATION_DATASET)
    purge_tags(tags)
    bump_datasets(*getattr(specific, "changes_datasets", ()))


def _is_footer_page(page: Page, *, with_tree: bool) -> bool:
    """Whether every page's footer links to this page (or, when its subtree changed, below it)."""
    return any(
        pk == page.pk or (with_tree and path.startswith(page.path)) for pk, path in footer_page_paths()
    )


@receiver(pre_save)
def remember_tree_changes(sender, instance, raw=False, **kwargs) -> None:
    """Before a page is saved on publish: did what other pages show of it (title, slug, menu) change?"""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    before = Page.objects.filter(pk=instance.pk).values(*TREE_FIELDS).first()
    instance._page_cache_tree_changed = before is None or any(
        before[name] != getattr(instance, name) for name in TREE_FIELDS
    )


@receiver(page_published)
def purge_published_page(sender, instance, **kwargs) -> None:
    purge_page(instance, with_tree=getattr(instance, "_page_cache_tree_changed", True))


@receiver(page_unpublished)
def purge_unpublished_page(sender, instance, **kwargs) -> None:
    purge_page(instance, with_tree=True)


@receiver(pre_page_move)
def purge_page_before_move(sender, instance, parent_page_before, **kwargs) -> None:
    purge_page(instance, with_tree=True)


@receiver(post_page_move)
def purge_page_after_move(sender, instance, parent_page_before, **kwargs) -> None:
    purge_page(instance, with_tree=True, old_parent_id=parent_page_before.pk)


def _declared_datasets(sender: type[Model]) -> Iterable[str] | None:
    return getattr(sender, "changes_datasets", None)


@receiver(post_save)
@receiver(post_delete)
def purge_for_model_change(sender, instance, raw=False, **kwargs) -> None:
    if raw or not sender.__module__.startswith("distrikt."):
        return
    if isinstance(instance, Page):
        # Drafts and revisions save the page too; only publish, unpublish, move and delete count.
        if kwargs.get("signal") is post_delete and instance.live:
            purge_page(instance, with_tree=True)
        return
    if kwargs.get("created") and isinstance(instance, BaseGenericSetting):
        # Wagtail creates the settings row with its defaults on first read, while rendering a
        # page; those defaults are what every page already shows.
        return
    datasets = _declared_datasets(sender)
    if datasets is None or getattr(sender, "changes_every_page", False):
        purge_tags([NAVIGATION_TAG])
        bump_datasets(NAVIGATION_DATASET)
    datasets = tuple(datasets or ())
    if not datasets:
        return
    bump_datasets(*datasets)
    tags = _referencing_page_tags(instance) if instance.pk is not None else set()
    purge_tags(tags)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def purge_for_site_change(sender, instance, raw=False, **kwargs) -> None:
    """A site's host, port or root page is in every URL and menu it serves."""
    if not raw:
        purge_tags([NAVIGATION_TAG])
        bump_datasets(NAVIGATION_DATASET)


@receiver(setting_changed)
def forget_page_cache_on_setting_change(setting, **kwargs) -> None:
    if setting in ("CACHES", "ALLOWED_HOSTS", "PAGE_CACHE_SIGNAL", "PAGE_CACHE_SIGNAL_FILE", "LANGUAGES"):
        reset_page_cache()
