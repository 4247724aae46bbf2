"""The page base class every editorial page inherits, the home page and a plain content page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyStreamBlock
from .breadcrumbs import page_trail
from .cache import dataset_tag, is_anonymous_read, page_tag, tree_tag
from .wcag import CRITERIA, PRINCIPLES, REQUIRED_COUNT, criterion_choices


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
    # The introduction is the one text every visitor reads, so it is written in each
    # interface language; the rest of the page keeps its own written standard.
    lead_nb = models.TextField(_("ingress (bokmål)"), blank=True)
    lead_en = models.TextField(
        _("ingress (engelsk)"),
        blank=True,
        help_text=_("Vist på den engelske framsida: kva senteret er, for ein lesar frå utlandet."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("lead_nb"),
        FieldPanel("lead_en"),
        FieldPanel("body"),
    ]
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

    def _lead_in_interface_language(self) -> tuple[str, str]:
        """(text, language) of the introduction: the interface language's, else the page's own."""
        language = get_language() or ""
        translated = {"nb": self.lead_nb, "en": self.lead_en}.get(language, "")
        if translated and language != self.language:
            return translated, language
        return self.lead, self.language

    @property
    def localized_lead(self) -> str:
        return self._lead_in_interface_language()[0]

    @property
    def localized_lead_language(self) -> str:
        return self._lead_in_interface_language()[1]

    @property
    def shows_datasets(self) -> tuple[str, ...]:  # type: ignore[override]
        from .home_sections import section_datasets

        return section_datasets()

    def get_context(self, request, *args, **kwargs):
        from .home_sections import home_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections()
        return context


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


class ComplianceStatus(models.TextChoices):
    """How far the site meets the requirements, in the supervisory authority's three steps."""

    FULL = "full", _("Nettstaden er i samsvar med krava til universell utforming av ikt.")
    PARTIAL = "partial", _("Nettstaden er delvis i samsvar med krava til universell utforming av ikt.")
    NONE = "none", _("Nettstaden er ikkje i samsvar med krava til universell utforming av ikt.")


class CriterionStatus(models.TextChoices):
    NOT_MET = "not_met", _("Ikkje oppfylt")
    NOT_APPLICABLE = "not_applicable", _("Ikkje relevant")
    NOT_TESTED = "not_tested", _("Ikkje testa")


class CriterionFindingBlock(blocks.StructBlock):
    """One success criterion that is not met, not relevant or not tested, and why."""

    criterion = blocks.ChoiceBlock(label=_("Suksesskriterium"), choices=criterion_choices)
    status = blocks.ChoiceBlock(
        label=_("Status"), choices=CriterionStatus.choices, default=CriterionStatus.NOT_MET
    )
    content = blocks.TextBlock(label=_("Kva innhald det gjeld"), required=False)
    reason = blocks.TextBlock(label=_("Årsak og kva det betyr for brukaren"), required=False)

    class Meta:
        icon = "warning"
        label = _("Krav som ikkje er oppfylt")


USER_GROUPS = [
    ("no_sight", _("Bruk utan syn")),
    ("limited_sight", _("Bruk med avgrensa syn")),
    ("no_colour", _("Bruk utan fargesyn")),
    ("no_hearing", _("Bruk utan høyrsel")),
    ("limited_hearing", _("Bruk med nedsett høyrsel")),
    ("limited_motor", _("Bruk med nedsett rørsleevne eller styrke")),
    ("photosensitive", _("Avgrensing av anfall på grunn av lysfølsemd")),
    ("limited_cognition", _("Bruk med nedsett kognisjon")),
]


class AccessibilityStatementPage(BasePage):
    """The accessibility statement the law requires, in the form uustatus.no publishes."""

    lead = models.TextField(_("ingress"), blank=True)
    compliance = models.CharField(
        _("samsvar med krava"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    findings = StreamField(
        [("criterion", CriterionFindingBlock())],
        verbose_name=_("krav som ikkje er oppfylte, ikkje relevante eller ikkje testa"),
        blank=True,
        help_text=_("Krav som ikkje står her, blir viste som oppfylte."),
    )
    affected_groups = models.JSONField(_("brukargrupper som blir råka av brota"), default=list, blank=True)
    feedback_email = models.EmailField(_("e-post for tilbakemelding"), blank=True)
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("side for tilbakemelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Til dømes kontaktsida med skjemaet."),
    )
    method = models.TextField(_("korleis nettstaden er testa"), blank=True)
    statement_date = models.DateField(_("erklæringa er oppretta"), default=timezone.localdate)
    reviewed_date = models.DateField(_("sist gått gjennom"), default=timezone.localdate)
    body = StreamField(BodyStreamBlock(), verbose_name=_("meir innhald"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("compliance"),
        FieldPanel("findings"),
        FieldPanel("method"),
        MultiFieldPanel(
            [FieldPanel("feedback_email"), FieldPanel("feedback_page")],
            heading=_("Tilbakemelding"),
        ),
        MultiFieldPanel(
            [FieldPanel("statement_date"), FieldPanel("reviewed_date")],
            heading=_("Datoar"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("method")]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("tilgjengelegheitserklæring")

    def criteria_by_principle(self) -> list[dict]:
        """Every required criterion with its status, grouped by the four principles."""
        findings = {block.value["criterion"]: block.value for block in self.findings}
        groups: dict[str, dict] = {}
        for number, level, name in CRITERIA:
            finding = findings.get(number)
            status = finding["status"] if finding else "met"
            label = CriterionStatus(status).label if finding else _("Oppfylt")
            group = groups.setdefault(number[0], {"title": PRINCIPLES[number[0]], "criteria": []})
            group["criteria"].append(
                {
                    "number": number,
                    "level": level,
                    "name": name,
                    "status": status,
                    "status_label": label,
                    "finding": finding,
                }
            )
        return list(groups.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        principles = self.criteria_by_principle()
        criteria = [criterion for group in principles for criterion in group["criteria"]]
        context.update(
            principles=principles,
            not_met=[criterion for criterion in criteria if criterion["status"] == CriterionStatus.NOT_MET],
            not_tested=[
                criterion for criterion in criteria if criterion["status"] == CriterionStatus.NOT_TESTED
            ],
            required_count=REQUIRED_COUNT,
            affected_groups=[label for code, label in USER_GROUPS if code in (self.affected_groups or [])],
        )
        return context


DATA_SUBJECTS = {
    "registrants": _("Påmelde til arrangement"),
    "subscribers": _("Abonnentar på nyheitsbrevet"),
    "contacts": _("Dei som skriv til oss med kontaktskjemaet"),
    "merchants": _("Kjøpmenn i Merkur"),
    "editors": _("Redaktørar og tilsette"),
    "everyone": _("Alle som får e-post frå oss"),
}


class PrivacyStatementPage(BasePage):
    """The privacy statement: what we store about whom, why, for how long, and how to delete it.

    The retention periods come from the retention rules and their settings at render time
    (see core.retention), so the statement never drifts from what the job deletes.
    """

    lead = models.TextField(_("ingress"), blank=True)
    controller = models.TextField(
        _("behandlingsansvarleg"),
        blank=True,
        help_text=_("Namn, adresse og organisasjonsnummer til den som er ansvarleg."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)
    deletion = models.TextField(
        _("korleis ein får sletta opplysningar"),
        blank=True,
    )
    contact_email = models.EmailField(_("e-post for spørsmål om personvern"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("controller"),
        FieldPanel("body"),
        FieldPanel("deletion"),
        FieldPanel("contact_email"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("personvernerklæring")

    def get_context(self, request, *args, **kwargs):
        from .retention import public_rules

        context = super().get_context(request, *args, **kwargs)
        context["retention_rules"] = [
            {
                "subject": DATA_SUBJECTS.get(rule.data_subject, rule.data_subject),
                "summary": rule.public_summary,
                "days": rule.period_days,
                "counts_from": rule.period_counts_from,
            }
            for rule in public_rules()
        ]
        return context


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

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tilgjengelegheitserklæring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personvernerklæring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("kontaktside"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_email"),
        FieldPanel("organisation_phone"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page"), FieldPanel("contact_page")],
            heading=_("Lenkjer i botnen av kvar side"),
        ),
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
    headers = models.JSONField(_("ekstra e-posthovud"), default=dict, blank=True)
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
