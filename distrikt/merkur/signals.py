"""Keep the accessibility tables in step with the shops, however a shop is changed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Shop
from .services import schedule_accessibility_update


@receiver(post_save, sender=Shop)
@receiver(post_delete, sender=Shop)
def shop_changed(sender, **kwargs) -> None:
    schedule_accessibility_update()
