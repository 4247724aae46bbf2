"""The Merkur register: chains, the extra-services catalogue, shops, their service history,
yearly key figures and the stored results of the accessibility analysis; and the section page."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from distrikt.core.blocks import BodyStreamBlock
from distrikt.core.models import BasePage
from distrikt.events.services import upcoming_events_for
from distrikt.organisation.models import KnowledgeArea, TargetGroup

from ..validators import validate_organisation_number

ADVISOR_GROUP_NAME = "Merkur-rådgivarar"
# Managers may decide any case, not only those assigned to them.
MANAGER_GROUP_NAME = "Merkur-leiarar"
MERKUR_KNOWLEDGE_AREA = "merkur"
MERCHANTS_TARGET_GROUP = "kjopmenn"
# Datasets of the page cache and derived data (distrikt.core.derived): the register as
# editors and merchants change it, and the accessibility analysis the recomputation writes.
REGISTER_DATASET = "merkur-register"
ACCESSIBILITY_DATASET = "merkur-accessibility"


def is_advisor(user) -> bool:
    """Merkur advisors see and edit every shop: superusers and members of the advisor group."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Group.objects.filter(user=user, name=ADVISOR_GROUP_NAME).exists()


def is_manager(user) -> bool:
    """Merkur managers (and superusers) may decide cases assigned to another advisor."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return user.is_superuser or Group.objects.filter(user=user, name=MANAGER_GROUP_NAME).exists()


class NamedForTheInterface(models.Model):
    """A catalogue entry named in Nynorsk, with Bokmål and English names for the interface."""

    name_nb = models.CharField(_("namn (bokmål)"), max_length=120, blank=True)
    name_en = models.CharField(_("namn (engelsk)"), max_length=120, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """The name in the interface language; the Nynorsk name when no other is given."""
        language = get_language() or "nn"
        if language == "nb" and self.name_nb:
            return self.name_nb
        if language == "en" and self.name_en:
            return self.name_en
        return self.name  # type: ignore[attr-defined]


class Chain(NamedForTheInterface):
    """A chain or shop profile (Joker, Nærbutikken, independent …); editors keep the list."""

    changes_datasets = (REGISTER_DATASET,)

    name = models.CharField(_("namn"), max_length=80, unique=True)
    slug = models.SlugField(_("adressenamn"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkjefølgje"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_nb"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("kjede eller profil")
        verbose_name_plural = _("kjeder og profilar")
        ordering = ["sort_order", "name"]


class ExtraService(NamedForTheInterface):
    """A kind of extra service a shop can offer (post in shop, fuel …), from the catalogue."""

    changes_datasets = (REGISTER_DATASET,)

    name = models.CharField(_("namn"), max_length=120, unique=True)
    slug = models.SlugField(_("adressenamn"), max_length=120, unique=True)
    description = models.TextField(_("skildring"), blank=True)
    description_nb = models.TextField(_("skildring (bokmål)"), blank=True)
    description_en = models.TextField(_("skildring (engelsk)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkjefølgje"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_nb"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_nb"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("tilleggsteneste")
        verbose_name_plural = _("tilleggstenester")
        ordering = ["sort_order", "name"]

    @property
    def localized_description_language(self) -> str:
        """The language of `localized_description`: the interface's, or Nynorsk when none is written."""
        language = get_language() or "nn"
        if (language == "nb" and self.description_nb) or (language == "en" and self.description_en):
            return language
        return "nn"

    @property
    def localized_description(self) -> str:
        """The description in the interface language; the Nynorsk one when no other is written."""
        return {"nb": self.description_nb, "en": self.description_en}.get(
            self.localized_description_language, self.description
        )


class ShopStatus(models.TextChoices):
    ACTIVE = "active", _("i drift")
    CLOSED = "closed", _("nedlagd")


class ShopQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ShopQuerySet":
        """Advisors see every shop; a merchant sees only the shops they are linked to."""
        if is_advisor(user):
            return self.all()
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(merchants=user)

    def active(self) -> "ShopQuerySet":
        return self.filter(status=ShopStatus.ACTIVE)

    def in_county(self, county_code: str) -> "ShopQuerySet":
        return self.filter(municipality__county__code=county_code)

    def of_chain(self, chain: Chain) -> "ShopQuerySet":
        return self.filter(chain=chain)

    def offering(self, service: ExtraService) -> "ShopQuerySet":
        """Shops offering the service now (an open period in the history)."""
        return self.filter(
            pk__in=ShopService.objects.filter(service=service, ended_on__isnull=True).values("shop_id")
        )

    def with_location(self) -> "ShopQuerySet":
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def for_listing(self) -> "ShopQuerySet":
        return self.select_related("municipality__county", "chain")


class Shop(models.Model):
    """A grocery shop in the Merkur programme, with its merchants and status."""

    changes_datasets = (REGISTER_DATASET,)

    name = models.CharField(_("namn"), max_length=160)
    organisation_number = models.CharField(
        _("organisasjonsnummer"),
        max_length=9,
        unique=True,
        validators=[validate_organisation_number],
        help_text=_("Ni siffer frå Einingsregisteret."),
    )
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    post_town = models.CharField(_("poststad"), max_length=80, blank=True)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("kommune"),
        on_delete=models.PROTECT,
        related_name="merkur_shops",
    )
    latitude = models.FloatField(_("breiddegrad"), null=True, blank=True)
    longitude = models.FloatField(_("lengdegrad"), null=True, blank=True)
    chain = models.ForeignKey(
        Chain,
        verbose_name=_("kjede eller profil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shops",
    )
    merchants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kjøpmenn"),
        blank=True,
        related_name="merkur_shops",
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    member_since = models.DateField(_("medlem av Merkur sidan"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ShopStatus.choices,
        default=ShopStatus.ACTIVE,
    )
    closed_on = models.DateField(_("nedlagd dato"), null=True, blank=True)
    closure_reason = models.TextField(_("grunn til nedlegging"), blank=True)
    opening_hours = models.TextField(_("opningstider"), blank=True)
    floor_area = models.PositiveIntegerField(_("butikkareal (m²)"), null=True, blank=True)
    employees = models.PositiveSmallIntegerField(_("tilsette"), null=True, blank=True)
    is_demo = models.BooleanField(
        _("demodata"),
        default=False,
        help_text=_("Butikken er laga for demonstrasjon og finst ikkje."),
    )
    created_at = models.DateTimeField(_("oppretta"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endra"), auto_now=True)

    objects = ShopQuerySet.as_manager()

    class Meta:
        verbose_name = _("butikk")
        verbose_name_plural = _("butikkar")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="active", closed_on__isnull=True)
                | Q(status="closed", closed_on__isnull=False),
                name="merkur_shop_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def current_service_periods(self):
        return self.service_periods.filter(ended_on__isnull=True).select_related("service")


class ShopServiceQuerySet(models.QuerySet):
    def current(self) -> "ShopServiceQuerySet":
        return self.filter(ended_on__isnull=True)

    def active_on(self, day) -> "ShopServiceQuerySet":
        return self.filter(started_on__lte=day).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))


class ShopService(models.Model):
    """One period in which a shop offered an extra service; periods are kept, never overwritten."""

    changes_datasets = (REGISTER_DATASET,)

    shop = models.ForeignKey(
        Shop,
        verbose_name=_("butikk"),
        on_delete=models.CASCADE,
        related_name="service_periods",
    )
    service = models.ForeignKey(
        ExtraService,
        verbose_name=_("teneste"),
        on_delete=models.PROTECT,
        related_name="shop_periods",
    )
    started_on = models.DateField(_("starta"))
    ended_on = models.DateField(_("avslutta"), null=True, blank=True)
    note = models.CharField(_("merknad"), max_length=200, blank=True)

    objects = ShopServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("tenesteperiode")
        verbose_name_plural = _("tenesteperiodar")
        ordering = ["service__sort_order", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="merkur_service_period_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["shop", "service"],
                condition=Q(ended_on__isnull=True),
                name="merkur_one_open_period_per_service",
            ),
        ]
        indexes = [
            models.Index(fields=["service", "ended_on"], name="merkur_service_period_open"),
        ]

    def __str__(self) -> str:
        return f"{self.shop}: {self.service} ({self.started_on}–{self.ended_on or ''})"


class KeyFiguresQuerySet(models.QuerySet):
    def for_year(self, year: int) -> "KeyFiguresQuerySet":
        return self.filter(year=year)


class ShopKeyFigures(models.Model):
    """A shop's key figures for one year, as reported by the merchant (kroner)."""

    changes_datasets = (REGISTER_DATASET,)

    shop = models.ForeignKey(
        Shop,
        verbose_name=_("butikk"),
        on_delete=models.CASCADE,
        related_name="key_figures",
    )
    year = models.PositiveSmallIntegerField(_("år"))
    turnover = models.PositiveBigIntegerField(_("omsetnad (kr)"))
    result = models.BigIntegerField(_("resultat (kr)"), help_text=_("Driftsresultat. Kan vere negativt."))
    customers = models.PositiveIntegerField(
        _("tal på kundar"), null=True, blank=True, help_text=_("Om de kjenner det.")
    )
    services_income = models.PositiveBigIntegerField(
        _("inntekter frå tilleggstenester (kr)"), null=True, blank=True
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rapportert av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("rapportert"), auto_now=True)
    warnings_confirmed = models.BooleanField(
        _("åtvaringar stadfesta"),
        default=False,
        help_text=_("Rapportøren stadfesta tal som endra seg meir enn 50 %."),
    )

    objects = KeyFiguresQuerySet.as_manager()

    class Meta:
        verbose_name = _("nøkkeltal")
        verbose_name_plural = _("nøkkeltal")
        ordering = ["shop", "year"]
        constraints = [
            models.UniqueConstraint(fields=["shop", "year"], name="merkur_key_figures_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.shop} {self.year}"


class ShopAccessibility(models.Model):
    """Stored result of the accessibility analysis for one shop (recomputed, never edited)."""

    # Written in bulk by the recomputation, which bumps ACCESSIBILITY_DATASET once.
    changes_datasets = ()

    shop = models.OneToOneField(
        Shop,
        verbose_name=_("butikk"),
        on_delete=models.CASCADE,
        related_name="accessibility",
    )
    nearest_population = models.PositiveIntegerField(_("innbyggjarar med butikken som næraste"))
    population_next_over_10km = models.PositiveIntegerField(_("av dei, over 10 km til neste butikk"))
    population_next_over_20km = models.PositiveIntegerField(_("av dei, over 20 km til neste butikk"))
    distance_to_next_shop_km = models.FloatField(_("avstand til neste butikk (km)"), null=True, blank=True)
    is_critical = models.BooleanField(_("kritisk for lokalsamfunnet"), default=False)

    class Meta:
        verbose_name = _("tilgjenge for butikk")
        verbose_name_plural = _("tilgjenge for butikkar")
        ordering = ["-population_next_over_10km"]

    def __str__(self) -> str:
        return str(self.shop)


class MunicipalityAccessibility(models.Model):
    """Stored share of a municipality's inhabitants living far from any shop."""

    changes_datasets = ()

    municipality = models.OneToOneField(
        "municipalities.Municipality",
        verbose_name=_("kommune"),
        on_delete=models.CASCADE,
        related_name="merkur_accessibility",
    )
    population = models.PositiveIntegerField(_("innbyggjarar i rutenettet"))
    population_over_10km = models.PositiveIntegerField(_("innbyggjarar over 10 km frå butikk"))

    class Meta:
        verbose_name = _("tilgjenge i kommune")
        verbose_name_plural = _("tilgjenge i kommunar")
        ordering = ["municipality__code"]

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def share_over_10km(self) -> float | None:
        if not self.population:
            return None
        return self.population_over_10km / self.population

    @property
    def percent_over_10km(self) -> float | None:
        share = self.share_over_10km
        return None if share is None else round(share * 100, 1)


class AccessibilityRun(models.Model):
    """When the accessibility analysis last ran, over how much, and how long it took."""

    changes_datasets = ()

    computed_at = models.DateTimeField(_("rekna ut"), auto_now_add=True)
    shop_count = models.PositiveIntegerField(_("butikkar"))
    cell_count = models.PositiveIntegerField(_("ruter"))
    population = models.PositiveIntegerField(_("innbyggjarar"))
    seconds = models.FloatField(_("sekund"))
    demo_shop_count = models.PositiveIntegerField(
        _("demobutikkar i utrekninga"),
        default=0,
        help_text=_("Butikkar laga for demonstrasjon. Er det nokon, er alle tala frå utrekninga demotal."),
    )

    class Meta:
        verbose_name = _("utrekning av tilgjenge")
        verbose_name_plural = _("utrekningar av tilgjenge")
        ordering = ["-computed_at"]

    def __str__(self) -> str:
        return f"{self.computed_at:%Y-%m-%d %H:%M}"

    @property
    def uses_demo_data(self) -> bool:
        """Distances to invented shops are invented too: every figure of the run is demo."""
        return self.demo_shop_count > 0


class MerkurIndexPage(BasePage):
    """The Merkur section: what the programme offers, for whom, how to take part, and the shop map."""

    shows_datasets = (REGISTER_DATASET, ACCESSIBILITY_DATASET, "events", "organisation")

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("innhald"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Merkur-framside")
        verbose_name_plural = _("Merkur-framsider")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        context["active_shop_count"] = Shop.objects.active().count()
        context["services"] = ExtraService.objects.all()
        context["critical_shop_count"] = ShopAccessibility.objects.filter(
            is_critical=True, shop__status=ShopStatus.ACTIVE
        ).count()
        context["accessibility_run"] = AccessibilityRun.objects.first()
        # The programme's knowledge area and target group, for the events block.
        context["knowledge_area"] = KnowledgeArea.objects.filter(slug=MERKUR_KNOWLEDGE_AREA).first()
        context["target_group"] = TargetGroup.objects.filter(slug=MERCHANTS_TARGET_GROUP).first()
        context["upcoming_events"] = upcoming_events_for(
            target_group_slugs=[MERCHANTS_TARGET_GROUP], knowledge_area_slugs=[MERKUR_KNOWLEDGE_AREA], limit=3
        )
        return context


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("Blir kontrollert")
    SAVING = "saving", _("Blir lagra")
    DONE = "done", _("Ferdig")
    FAILED = "failed", _("Ikkje importert")


class ImportJobQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ImportJobQuerySet":
        """Advisors see every import (they share the work); nobody else sees any."""
        return self if is_advisor(user) else self.none()


class ImportJob(models.Model):
    """One upload of a shop list, imported in the background; its progress and report."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("starta av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("starta"), auto_now_add=True)
    finished_at = models.DateTimeField(_("ferdig"), null=True, blank=True)
    file_name = models.CharField(_("filnamn"), max_length=255)
    # The upload itself, kept only until the job has run.
    content = models.BinaryField(_("innhald"), editable=False)
    import_valid_rows = models.BooleanField(_("importer dei gyldige radene"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportJobStatus.choices, default=ImportJobStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rader i alt"), default=0)
    rows_done = models.PositiveIntegerField(_("rader kontrollerte"), default=0)
    imported = models.PositiveIntegerField(_("importerte butikkar"), default=0)
    # {"file_errors": [str], "errors": [{"row_number", "name", "messages"}], "valid_rows": int}
    report = models.JSONField(_("rapport"), default=dict, blank=True)

    # Jobs show only to advisors: saving one leaves the public page cache alone.
    changes_datasets = ()

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("butikkimport")
        verbose_name_plural = _("butikkimportar")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportJobStatus.DONE, ImportJobStatus.FAILED)

    @property
    def percent_done(self) -> int:
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0
