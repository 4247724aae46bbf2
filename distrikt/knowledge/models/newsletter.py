"""Newsletter subscriptions: an address, the themes chosen, how often; confirmed by e-mail."""

import datetime
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Kvar veke")
    MONTHLY = "monthly", _("Kvar månad")


# How long after the last digest the next one is due; a little under the period, so a
# weekly cron run at the same hour never misses a week.
DIGEST_INTERVALS = {
    DigestFrequency.WEEKLY: datetime.timedelta(days=7) - datetime.timedelta(hours=12),
    DigestFrequency.MONTHLY: datetime.timedelta(days=28) - datetime.timedelta(hours=12),
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


class NewsletterSubscriptionQuerySet(models.QuerySet):
    def active(self) -> "NewsletterSubscriptionQuerySet":
        """Confirmed and not unsubscribed."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def due(self, now: datetime.datetime) -> "NewsletterSubscriptionQuerySet":
        """Active subscriptions whose next digest is due at `now`."""
        due = models.Q()
        for frequency, interval in DIGEST_INTERVALS.items():
            due |= models.Q(frequency=frequency) & (
                models.Q(last_sent_at__isnull=True, confirmed_at__lte=now - interval)
                | models.Q(last_sent_at__lte=now - interval)
            )
        return self.active().filter(due)


class NewsletterSubscription(models.Model):
    """One reader's subscription to the digest of the themes they chose."""

    # Subscriptions show on no public page.
    changes_datasets = ()

    email = models.EmailField(_("e-post"), unique=True)
    knowledge_areas = models.ManyToManyField(
        "organisation.KnowledgeArea", verbose_name=_("tema"), related_name="+"
    )
    frequency = models.CharField(
        _("kor ofte"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.MONTHLY
    )
    language = models.CharField(_("språk"), max_length=2, default="nn")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("meldt på"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("stadfesta"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("meldt av"), null=True, blank=True, db_index=True)
    last_sent_at = models.DateTimeField(_("sist sendt"), null=True, blank=True)

    objects = NewsletterSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement på nyheitsbrevet")
        verbose_name_plural = _("abonnement på nyheitsbrevet")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None
