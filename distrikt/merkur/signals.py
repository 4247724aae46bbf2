"""Keep the accessibility tables and the page cache in step with the shops, however a shop is changed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from distrikt.core.derived import bump_datasets

from .importers import shops_imported
from .models import REGISTER_DATASET, Shop
from .services import schedule_accessibility_update


@receiver(post_save, sender=Shop)
@receiver(post_delete, sender=Shop)
def shop_changed(sender, **kwargs) -> None:
    schedule_accessibility_update()


@receiver(shops_imported)
def shops_were_imported(sender, **kwargs) -> None:
    # The shops were inserted in bulk, without post_save: recompute the accessibility once,
    # and make the register's derived data and cached pages stale once, when the import has committed.
    schedule_accessibility_update()
    transaction.on_commit(lambda: bump_datasets(REGISTER_DATASET))
