"""Any published change, to a page or a register, makes the cached pages stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .cache import bump_generation


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_on_page_change(sender, **kwargs) -> None:
    bump_generation()


@receiver(post_save)
@receiver(post_delete)
def invalidate_on_register_change(sender, **kwargs) -> None:
    # Registers shown on pages (staff, offices, themes…) live in our own apps. A model whose
    # rows never show on public pages (logs, personal data) sets `affects_public_pages = False`.
    if (
        sender.__module__.startswith("distrikt.")
        and getattr(sender._meta, "app_label", "") != "core"
        and getattr(sender, "affects_public_pages", True)
    ):
        bump_generation()
