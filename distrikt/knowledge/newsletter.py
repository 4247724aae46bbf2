"""The newsletter: double opt-in sign-up, one-click unsubscribe, and the digests per theme.

A reader chooses themes (knowledge areas) and weekly or monthly. The sign-up is stored
unconfirmed and a link is e-mailed; only a confirmed address gets digests. Every digest
carries RFC 8058 one-click unsubscribe headers pointing at the same POST endpoint as the
link in the text. `send_due_digests` (task `send_newsletter_digests`) sends what is due.
"""

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from distrikt.core.outbox import delete_messages_for, object_key, queue_mail
from distrikt.events.services import upcoming_events_for
from distrikt.organisation.models import KnowledgeArea

from .models import KnowledgeEntry, NewsletterSubscription, NewsPage
from .models.newsletter import new_token

CONFIRMATION_INTERVAL = datetime.timedelta(hours=1)
ITEMS_PER_THEME = 10


def site_root_url() -> str:
    """The public address every e-mail link starts with."""
    return (getattr(settings, "SITE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def _absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else site_root_url() + path


def confirm_url(subscription: NewsletterSubscription) -> str:
    with translation.override(subscription.language):
        return _absolute(reverse("knowledge:newsletter_confirm", kwargs={"token": subscription.token}))


def unsubscribe_url(subscription: NewsletterSubscription) -> str:
    with translation.override(subscription.language):
        return _absolute(reverse("knowledge:newsletter_unsubscribe", kwargs={"token": subscription.token}))


def unsubscribe_headers(subscription: NewsletterSubscription) -> dict[str, str]:
    """RFC 2369 List-Unsubscribe with the RFC 8058 one-click marker (an HTTPS POST target)."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _address_key(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:32]


@transaction.atomic
def subscribe(
    email: str, areas: Iterable[KnowledgeArea], frequency: str, language: str
) -> NewsletterSubscription:
    """Record a sign-up and e-mail the confirmation link (double opt-in).

    An address that is already confirmed keeps its choices (nobody can change another
    person's subscription by typing their address); it gets a note with its own links
    instead. Either way the page says the same, so the form tells no one who subscribes.
    """
    email = email.strip().lower()
    subscription, created = NewsletterSubscription.objects.select_for_update().get_or_create(
        email=email, defaults={"frequency": frequency, "language": language}
    )
    if subscription.is_active:
        _queue(subscription, "already_subscribed", dedupe_key=f"newsletter.already:{_address_key(email)}")
        return subscription
    subscription.frequency = frequency
    subscription.language = language
    subscription.confirmed_at = None
    subscription.unsubscribed_at = None
    if not created:
        subscription.token = new_token()
    subscription.save()
    subscription.knowledge_areas.set(list(areas))
    _queue(subscription, "confirm", dedupe_key=f"newsletter.confirm:{_address_key(email)}")
    return subscription


def confirm(token: str, now: datetime.datetime | None = None) -> NewsletterSubscription | None:
    """Confirm the subscription with this token; None when there is none to confirm."""
    subscription = NewsletterSubscription.objects.filter(token=token, unsubscribed_at__isnull=True).first()
    if subscription is None:
        return None
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe(token: str, now: datetime.datetime | None = None) -> bool:
    """Stop every digest to the subscription with this token (idempotent); False if unknown."""
    updated = NewsletterSubscription.objects.filter(token=token, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now or timezone.now()
    )
    return bool(updated) or NewsletterSubscription.objects.filter(token=token).exists()


@dataclass
class DigestItem:
    """One line of a digest: title, absolute link, and its date (or an event's start)."""

    title: str
    url: str
    when: datetime.date | datetime.datetime


@dataclass
class ThemeDigest:
    """What is new in one theme since the last digest, and its coming events."""

    area: KnowledgeArea
    entries: list[DigestItem] = field(default_factory=list)
    news: list[DigestItem] = field(default_factory=list)
    events: list[DigestItem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.entries or self.news or self.events)


def build_digest(subscription: NewsletterSubscription, now: datetime.datetime) -> list[ThemeDigest]:
    """The digest of each chosen theme: new knowledge and news since the last one, and the
    events starting before the next one is due."""
    since = subscription.last_sent_at or subscription.confirmed_at or subscription.created_at
    since_date = timezone.localdate(since)
    period = datetime.timedelta(days=7 if subscription.frequency == "weekly" else 31)
    themes = []
    with translation.override(subscription.language):
        for area in subscription.knowledge_areas.all():
            entries = (
                KnowledgeEntry.objects.with_area(area.slug)
                .filter(date__gt=since_date, date__lte=timezone.localdate(now))
                .exclude(content_type="webinar")
                .newest_first()[:ITEMS_PER_THEME]
            )
            news = (
                NewsPage.objects.published()
                .with_area(area.slug)
                .since(since_date)
                .filter(date__lte=timezone.localdate(now))
                .newest_first()[:ITEMS_PER_THEME]
            )
            events = upcoming_events_for(
                knowledge_area_slugs=[area.slug], limit=ITEMS_PER_THEME, starting_before=now + period
            )
            themes.append(
                ThemeDigest(
                    area=area,
                    entries=[DigestItem(entry.title, _absolute(entry.url), entry.date) for entry in entries],
                    news=[DigestItem(page.title, _absolute(page.url), page.date) for page in news],
                    events=[
                        DigestItem(event.title, _absolute(event.url), timezone.localtime(event.start))
                        for event in events
                    ],
                )
            )
    return [theme for theme in themes if not theme.is_empty]


def _queue(
    subscription: NewsletterSubscription, kind: str, *, context: dict | None = None, dedupe_key: str = ""
):
    with translation.override(subscription.language):
        full_context = {
            "subscription": subscription,
            "confirm_url": confirm_url(subscription),
            "unsubscribe_url": unsubscribe_url(subscription),
            "site_url": site_root_url(),
            **(context or {}),
        }
        subject = render_to_string(f"knowledge/email/newsletter_{kind}_subject.txt", full_context)
        body = render_to_string(f"knowledge/email/newsletter_{kind}.txt", full_context)
    return queue_mail(
        subscription.email,
        " ".join(subject.split()),
        body,
        headers=unsubscribe_headers(subscription),
        related=subscription,
        dedupe_key=dedupe_key,
        dedupe_window=CONFIRMATION_INTERVAL,
    )


def send_due_digests(now: datetime.datetime | None = None) -> int:
    """Queue the digest of every subscription that is due; how many were queued.

    A subscription whose themes have nothing new counts as served (nothing is sent), so the
    next digest covers the next period only.
    """
    now = now or timezone.now()
    sent = 0
    for subscription in NewsletterSubscription.objects.due(now).prefetch_related("knowledge_areas"):
        with transaction.atomic():
            themes = build_digest(subscription, now)
            if themes:
                with translation.override(subscription.language):
                    _queue(subscription, "digest", context={"themes": themes})
                sent += 1
            NewsletterSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
    return sent


def _delete(expired) -> int:
    with transaction.atomic():
        delete_messages_for(object_key(subscription) for subscription in expired.only("pk"))
        _count, per_model = expired.delete()
    return per_model.get(NewsletterSubscription._meta.label, 0)


def delete_unconfirmed_subscriptions(now: datetime.datetime | None = None) -> int:
    """Delete sign-ups not confirmed within NEWSLETTER_UNCONFIRMED_DAYS (and their e-mails)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.NEWSLETTER_UNCONFIRMED_DAYS)
    return _delete(NewsletterSubscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff))


def delete_unsubscribed_subscriptions(now: datetime.datetime | None = None) -> int:
    """Delete addresses NEWSLETTER_UNSUBSCRIBED_DAYS after they unsubscribed (and their e-mails)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.NEWSLETTER_UNSUBSCRIBED_DAYS)
    return _delete(NewsletterSubscription.objects.filter(unsubscribed_at__lt=cutoff))
