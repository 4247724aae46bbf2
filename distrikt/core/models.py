"""The page base class every editorial page inherits, the home page and a plain content page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyStreamBlock
from .breadcrumbs import page_trail
from .cache import dataset_tag, is_anonymous_read, page_tag, tree_tag


class WrittenStandard(models.TextChoices):
    """The written standard a text is in; the language law counts Nynorsk and Bokmål."""

    NYNORSK = "nn", _("Nynorsk")
    BOKMAAL = "nb", _("Bokmål")
    ENGLISH = "en", _("Engelsk")


class BasePage(Page):
    """Shared behaviour of our pages: written standard, English version, page cache."""

    language = models.CharField(
        _("målform"),
        max_length=2,
        choices=WrittenStandard.choices,
        default=WrittenStandard.NYNORSK,
        help_text=_("Målforma teksten er skriven på. Sida blir vist med denne språkkoden."),
    )
    english_version = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("engelsk versjon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ei side med same innhald på engelsk, om ho finst."),
    )

    search_fields = [*Page.search_fields, index.FilterField("language")]
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("language"), FieldPanel("english_version")],
            heading=_("Språk"),
        ),
        *Page.settings_panels,
    ]

    # The page cache (see distrikt.core.cache): whether anonymous responses may be kept, the
    # query parameters the page reads (others never reach it), how long a response may live,
    # the datasets it shows besides its own fields, and the datasets a change of it makes stale.
    is_cacheable = True
    cache_query_params: tuple[str, ...] = ()
    cache_timeout: int | None = None
    shows_datasets: tuple[str, ...] = ()
    changes_datasets: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def may_use_page_cache(self, request) -> bool:
        """Whether this response may be kept for anonymous readers (see core.cache)."""
        return self.is_cacheable and is_anonymous_read(request) and not getattr(request, "is_preview", False)

    def page_cache_tags(self) -> set[str]:
        """Tags of this page's cached responses: itself, each ancestor (breadcrumbs), what it shows."""
        steplen = self.steplen
        tags = {page_tag(self.pk)}
        tags.update(tree_tag(self.path[:length]) for length in range(steplen, len(self.path) + 1, steplen))
        tags.update(dataset_tag(name) for name in self.shows_datasets)
        return tags

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = page_trail(self, request)
        return context

    def get_word_count_text(self) -> str:
        """All the prose of the page, for the language-share count."""
        from .language_share import text_of_page

        return text_of_page(self)


class HomePage(BasePage):
    """The front page: what the centre does and the ways into its knowledge and Merkur."""

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("framside")
        verbose_name_plural = _("framsider")


class StandardPage(BasePage):
    """A plain content page: about texts, guides and anything without its own type."""

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context

    class Meta:
        verbose_name = _("innhaldsside")
        verbose_name_plural = _("innhaldssider")


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Organisation-wide facts shown in the footer."""

    # The footer is on every page.
    changes_every_page = True
    changes_datasets = ()

    organisation_email = models.EmailField(_("e-post"), blank=True, default="post@distriktssenteret.no")
    organisation_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    footer_text = models.TextField(
        _("tekst i botnen"),
        blank=True,
        help_text=_("Ei kort setning om kva Distriktssenteret er."),
    )

    panels = [
        FieldPanel("organisation_email"),
        FieldPanel("organisation_phone"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("nettstadinnstillingar")


class RateLimitCounter(models.Model):
    """Attempts counted for one rate-limit key in one time window (see core.ratelimit)."""

    key = models.CharField(max_length=255, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    # Counters show on no public page: a change purges nothing from the page cache.
    changes_datasets = ()

    class Meta:
        verbose_name = _("teljar for avgrensing")
        verbose_name_plural = _("teljarar for avgrensing")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class OutboxStatus(models.TextChoices):
    """Where a queued e-mail stands."""

    PENDING = "pending", _("Ventar")
    SENT = "sent", _("Sendt")
    FAILED = "failed", _("Feila")


class OutboxMessageQuerySet(models.QuerySet):
    """Reads on the outbox: due for a send, not delivered, by related object or group."""

    def due(self, now) -> "OutboxMessageQuerySet":
        return self.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now).order_by(
            "next_attempt_at", "pk"
        )

    def undelivered(self) -> "OutboxMessageQuerySet":
        return self.exclude(status=OutboxStatus.SENT)

    def in_group(self, group_key: str) -> "OutboxMessageQuerySet":
        return self.filter(group_key=group_key)


class OutboxMessage(models.Model):
    """One e-mail waiting to be sent, sent, or given up on; sent by a task after commit."""

    to = models.JSONField(_("til"), default=list)
    from_email = models.CharField(_("frå"), max_length=254, blank=True)
    reply_to = models.JSONField(_("svar til"), default=list, blank=True)
    subject = models.CharField(_("emne"), max_length=998)
    body = models.TextField(_("tekst"))
    html_body = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("vedlegg"), default=list, blank=True)
    related_key = models.CharField(_("gjeld"), max_length=100, blank=True, db_index=True)
    group_key = models.CharField(_("gruppe"), max_length=100, blank=True, db_index=True)
    dedupe_key = models.CharField(_("nøkkel mot dublettar"), max_length=150, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("forsøk"), default=0)
    next_attempt_at = models.DateTimeField(_("neste forsøk"), default=timezone.now)
    last_error = models.TextField(_("siste feil"), blank=True)
    created_at = models.DateTimeField(_("laga"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()
    # Mail shows on no public page: a change purges nothing from the page cache.
    changes_datasets = ()

    class Meta:
        verbose_name = _("e-post i utboksen")
        verbose_name_plural = _("e-postar i utboksen")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_status_display()})"
