"""Support schemes (støtteordningar) of the Merkur programme and their eligibility rules.

Amounts, shares and limits are editable data: the programme publishes them each year and
advisors keep them up to date in the Wagtail admin. The checks that read the rules are in
``distrikt.merkur.eligibility``.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

# The schemes are public (the API and the Merkur pages list them).
SCHEMES_DATASET = "merkur-schemes"


class SupportSchemeQuerySet(models.QuerySet):
    def published(self) -> "SupportSchemeQuerySet":
        return self.filter(is_published=True)

    def open_on(self, day: datetime.date) -> "SupportSchemeQuerySet":
        """Schemes that take applications on the day (no dates means open all year)."""
        return self.published().filter(
            Q(opens_on__isnull=True) | Q(opens_on__lte=day),
            Q(closes_on__isnull=True) | Q(closes_on__gte=day),
        )


class SupportScheme(ClusterableModel):
    """One support scheme with its published limits; the rules below are checked automatically."""

    changes_datasets = (SCHEMES_DATASET,)

    name = models.CharField(_("namn"), max_length=120, unique=True)
    slug = models.SlugField(_("adressenamn"), max_length=80, unique=True)
    purpose = models.TextField(_("formål"))
    who_may_apply = models.TextField(_("kven kan søkje"))
    max_amount = models.PositiveIntegerField(_("høgste tilskot (kr)"))
    min_amount = models.PositiveIntegerField(
        _("lågaste søknadssum (kr)"), null=True, blank=True, help_text=_("Tomt betyr inga nedre grense.")
    )
    max_cost_share = models.PositiveSmallIntegerField(
        _("høgste del av kostnaden (%)"),
        default=100,
        help_text=_("Gjeld når ingen omsetnadsbandregel gir ein annan del."),
    )
    is_yearly = models.BooleanField(
        _("per år"), default=False, help_text=_("Tilskotet kan givast éin gong per år.")
    )
    required_attachments = models.TextField(_("vedlegg som må vere med"), blank=True)
    opens_on = models.DateField(_("opnar"), null=True, blank=True, help_text=_("Tomt: ope heile året."))
    closes_on = models.DateField(_("stengjer"), null=True, blank=True, help_text=_("Tomt: ope heile året."))
    source_url = models.URLField(_("kjelde"), blank=True, help_text=_("Der ordninga er kunngjord."))
    is_published = models.BooleanField(_("publisert"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkjefølgje"), default=0)

    objects = SupportSchemeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("purpose"),
        FieldPanel("who_may_apply"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_amount"), FieldPanel("max_amount")]),
                FieldRowPanel([FieldPanel("max_cost_share"), FieldPanel("is_yearly")]),
            ],
            heading=_("Beløp"),
        ),
        InlinePanel("budgets", label=_("Budsjett per år")),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldPanel("required_attachments"),
        InlinePanel("rules", label=_("Vilkår som blir kontrollerte")),
        FieldPanel("source_url"),
        FieldRowPanel([FieldPanel("is_published"), FieldPanel("sort_order")]),
    ]

    class Meta:
        verbose_name = _("støtteordning")
        verbose_name_plural = _("støtteordningar")
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_amount__isnull=True) | Q(min_amount__lte=models.F("max_amount")),
                name="merkur_scheme_min_below_max",
            ),
            models.CheckConstraint(
                condition=Q(max_cost_share__gte=1, max_cost_share__lte=100),
                name="merkur_scheme_share_is_percent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open_on(self, day: datetime.date) -> bool:
        return (self.opens_on is None or self.opens_on <= day) and (
            self.closes_on is None or self.closes_on >= day
        )

    def budget_for(self, year: int) -> int | None:
        """The scheme's budget for the year, or None when none is set for that year."""
        return next((budget.amount for budget in self.budgets.all() if budget.year == year), None)


class SchemeBudget(models.Model):
    """The scheme's budget for one year, as allotted to the programme; one row per year."""

    changes_datasets = (SCHEMES_DATASET,)

    scheme = ParentalKey(SupportScheme, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.PositiveBigIntegerField(_("budsjett (kr)"))

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("amount")])]

    class Meta:
        verbose_name = _("budsjett for eit år")
        verbose_name_plural = _("budsjett per år")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "year"], name="merkur_one_scheme_budget_per_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="merkur_scheme_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} {self.year}: {self.amount}"


class RuleKind(models.TextChoices):
    """What a rule compares; each kind has one check in ``eligibility.py``."""

    TURNOVER_AT_MOST = "turnover_at_most", _("Omsetnad høgst")
    TURNOVER_BELOW = "turnover_below", _("Omsetnad under")
    TURNOVER_AT_LEAST = "turnover_at_least", _("Omsetnad minst")
    HOUSEHOLDS_FEWER_THAN = "households_fewer_than", _("Færre hushald i marknaden enn")
    DISTANCE_AT_LEAST = "distance_at_least", _("Avstand til næraste butikk minst (km)")
    FUEL_LITRES_BELOW = "fuel_litres_below", _("Sal av drivstoff under (liter per år)")
    SERVICE_FUNCTIONS_AT_LEAST = "service_functions_at_least", _("Dokumenterte tenestefunksjonar minst")
    COST_SHARE_BAND = "cost_share_band", _("Del av kostnaden for omsetnad opp til")
    NOT_SAME_YEAR_AS = "not_same_year_as", _("Ikkje same år som tilskot frå ordninga")


class SchemeRule(Orderable):
    """One eligibility rule of a scheme, as published; the value is editable data."""

    changes_datasets = (SCHEMES_DATASET,)

    scheme = ParentalKey(SupportScheme, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("vilkår"), max_length=40, choices=RuleKind.choices)
    value = models.PositiveBigIntegerField(
        _("grense"),
        null=True,
        blank=True,
        help_text=_("Kroner, hushald, kilometer, liter eller tal etter kva vilkåret gjeld."),
    )
    discretion_from = models.PositiveBigIntegerField(
        _("skjønn frå"),
        null=True,
        blank=True,
        help_text=_("Avstand: frå denne grensa og opp til grensa vurderer rådgivaren (t.d. 5–10 km)."),
    )
    share = models.PositiveSmallIntegerField(
        _("del av kostnaden (%)"), null=True, blank=True, help_text=_("Berre for omsetnadsband.")
    )
    allows_no_road_link = models.BooleanField(
        _("eller ikkje fast vegsamband"),
        default=False,
        help_text=_("Avstand: vilkåret er oppfylt også når butikken ikkje har fast vegsamband."),
    )
    other_scheme = models.ForeignKey(
        SupportScheme,
        verbose_name=_("anna ordning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    explanation = models.CharField(_("forklaring"), max_length=240, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("discretion_from"), FieldPanel("share")]),
        FieldPanel("allows_no_road_link"),
        FieldPanel("other_scheme"),
        FieldPanel("explanation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("vilkår")
        verbose_name_plural = _("vilkår")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value or ''}".strip()
