"""Counties and municipalities with their validity periods.

The current structure (from 1 January 2024: 357 municipalities, 15 counties) is what
pages show by default; older units are kept with `valid_to` set, never overwritten.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# The dataset of the page cache and derived data (distrikt.core.derived) that every change
# of the register, the observations or the indices makes stale.
DATASET = "municipalities"


class CountyQuerySet(models.QuerySet):
    def current(self) -> "CountyQuerySet":
        return self.filter(valid_to__isnull=True)


class County(models.Model):
    """A county (fylke) as it was valid in a period."""

    changes_datasets = (DATASET,)

    code = models.CharField(_("fylkesnummer"), max_length=2)
    name = models.CharField(_("namn"), max_length=120)
    slug = models.SlugField(_("adressenamn"), max_length=140)
    valid_from = models.DateField(_("gyldig frå"), null=True, blank=True)
    valid_to = models.DateField(_("gyldig til"), null=True, blank=True)

    objects = CountyQuerySet.as_manager()

    class Meta:
        verbose_name = _("fylke")
        verbose_name_plural = _("fylke")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="county_code_valid_from_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/fylke/{self.slug}/"


class MunicipalityQuerySet(models.QuerySet):
    def current(self) -> "MunicipalityQuerySet":
        return self.filter(valid_to__isnull=True)

    def priority(self) -> "MunicipalityQuerySet":
        return self.filter(is_priority=True)

    def by_code(self, code: str) -> "MunicipalityQuerySet":
        return self.filter(code=code).order_by(models.F("valid_to").desc(nulls_first=True))


class Municipality(models.Model):
    """A municipality (kommune) as it was valid in a period; old codes stay for history."""

    changes_datasets = (DATASET,)

    code = models.CharField(_("kommunenummer"), max_length=4)
    name = models.CharField(
        _("namn"),
        max_length=120,
        help_text=_("Det offisielle namnet, med alle språkformer."),
    )
    slug = models.SlugField(_("adressenamn"), max_length=140)
    county = models.ForeignKey(
        County,
        verbose_name=_("fylke"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    valid_from = models.DateField(_("gyldig frå"), null=True, blank=True)
    valid_to = models.DateField(_("gyldig til"), null=True, blank=True)

    # Key figures kept on the row for filtering and sorting across apps. The loaders set
    # them from the observations; None means the data is missing, never zero.
    population = models.PositiveIntegerField(_("folketal"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("år for folketal"), null=True, blank=True)
    centrality_index = models.PositiveSmallIntegerField(_("sentralitetsindeks"), null=True, blank=True)
    centrality_class = models.PositiveSmallIntegerField(_("sentralitetsklasse"), null=True, blank=True)
    population_change_10y = models.FloatField(_("folketalsendring siste ti år (%)"), null=True, blank=True)
    alternative_names = models.JSONField(
        _("offisielle namneformer"),
        default=list,
        blank=True,
        help_text=_("Kvar namneform med språk, til dømes samisk eller kvensk."),
    )
    is_sami_administrative_area = models.BooleanField(
        _("i forvaltingsområdet for samisk språk"), default=False
    )
    is_priority = models.BooleanField(
        _("prioritert kommune"),
        default=False,
        help_text=_("Liten eller mellomstor kommune eller kommune med særlege distriktsutfordringar."),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommunar")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="municipality_code_valid_from_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return f"/kommunar/{self.slug}/"

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    @property
    def short_name(self) -> str:
        """The name without the code, for headings and tables."""
        return self.name or self.code


class Succession(models.Model):
    """One step in the history of mergers and splits: an old unit goes (partly) into a new one."""

    changes_datasets = (DATASET,)

    predecessor = models.ForeignKey(
        Municipality,
        verbose_name=_("tidlegare kommune"),
        on_delete=models.CASCADE,
        related_name="successions",
    )
    successor = models.ForeignKey(
        Municipality,
        verbose_name=_("etterfølgjar"),
        on_delete=models.CASCADE,
        related_name="predecessions",
    )
    share = models.FloatField(
        _("del"),
        help_text=_(
            "Kor stor del av den gamle eininga som gjekk til den nye. Grov ved delingar; "
            "brukast berre til å følgje kodar, ikkje til å dele tal."
        ),
    )

    class Meta:
        verbose_name = _("samanslåing eller deling")
        verbose_name_plural = _("samanslåingar og delingar")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class RegionKind(models.TextChoices):
    """The kinds of named groups of municipalities."""

    LABOUR_MARKET = "ba", _("Bu- og arbeidsmarknadsregion")
    REGIONAL_COUNCIL = "regionrad", _("Regionråd / interkommunalt politisk råd")
    CITY_REGION = "byregion", _("Byregion")
    OTHER = "anna", _("Anna")


class Region(models.Model):
    """A named group of municipalities, such as a regional council or a labour-market region."""

    changes_datasets = (DATASET,)

    kind = models.CharField(_("type"), max_length=12, choices=RegionKind.choices)
    code = models.CharField(_("kode"), max_length=20, blank=True)
    name = models.CharField(_("namn"), max_length=160)
    slug = models.SlugField(_("adressenamn"), max_length=180, unique=True)
    description = models.TextField(_("skildring"), blank=True)
    source = models.CharField(_("kjelde"), max_length=200, blank=True)
    municipalities = models.ManyToManyField(
        Municipality,
        through="RegionMembership",
        related_name="regions",
        verbose_name=_("kommunar"),
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regionar")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/kommunar/regionar/{self.slug}/"


class RegionMembershipQuerySet(models.QuerySet):
    def current(self) -> "RegionMembershipQuerySet":
        return self.filter(valid_to__isnull=True)


class RegionMembership(models.Model):
    """That a municipality belongs to a region in a period."""

    changes_datasets = (DATASET,)

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="region_memberships"
    )
    valid_from = models.DateField(_("medlem frå"), null=True, blank=True)
    valid_to = models.DateField(_("medlem til"), null=True, blank=True)

    objects = RegionMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap i region")
        verbose_name_plural = _("medlemskap i regionar")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "municipality", "valid_from"],
                name="region_membership_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} i {self.region}"

    def clean(self) -> None:
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Medlemskapet kan ikkje slutte før det byrjar.")})
        if self.region_id is None or self.municipality_id is None:
            return
        clash = self.overlapping().first()
        if clash is not None:
            raise ValidationError(
                _(
                    "%(municipality)s er alt medlem av %(region)s i perioden %(start)s–%(end)s. "
                    "Avslutt det medlemskapet før dette byrjar, eller rett datoane."
                )
                % {
                    "municipality": self.municipality.short_name,
                    "region": self.region.name,
                    "start": date_format(clash.valid_from) if clash.valid_from else "…",
                    "end": date_format(clash.valid_to) if clash.valid_to else "…",
                },
                code="overlapping_membership",
            )

    def overlapping(self) -> "RegionMembershipQuerySet":
        """Other memberships of the same municipality in the same region whose periods overlap.

        Open ends (None) reach infinitely far; a period ending the day another starts overlaps.
        """
        others = RegionMembership.objects.filter(
            region_id=self.region_id, municipality_id=self.municipality_id
        )
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.valid_to is not None:
            others = others.filter(
                models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=self.valid_to)
            )
        if self.valid_from is not None:
            others = others.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=self.valid_from))
        return others.order_by("valid_from")


# The units of the indicators the platform ships (stored in Nynorsk, shown in the interface language).
UNIT_LABELS = {
    "personar": _("personar"),
    "prosentpoeng": _("prosentpoeng"),
    "indeks 0–1": _("indeks 0–1"),
    "indeks 0–1000": _("indeks 0–1000"),
    "klasse 1–6": _("klasse 1–6"),
}


class Indicator(models.Model):
    """A measured or derived quantity observed per municipality and year."""

    changes_datasets = (DATASET,)

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name_nn = models.CharField(_("namn (nynorsk)"), max_length=160)
    name_nb = models.CharField(_("namn (bokmål)"), max_length=160)
    name_en = models.CharField(_("namn (engelsk)"), max_length=160)
    unit = models.CharField(_("eining"), max_length=40)
    source = models.CharField(_("kjelde"), max_length=200)
    ssb_table = models.CharField(_("SSB-tabell"), max_length=10, blank=True)
    description = models.TextField(_("skildring"), blank=True)
    is_derived = models.BooleanField(_("berekna av plattforma"), default=False)

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorar")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name_nn

    def name_in(self, language: str) -> str:
        """The name in the interface language (nn, nb or en), Nynorsk when unknown."""
        return getattr(self, f"name_{language}", "") or self.name_nn

    @property
    def unit_label(self) -> str:
        """The unit in the interface language; a unit added later shows as stored."""
        label = UNIT_LABELS.get(self.unit)
        return str(label) if label is not None else self.unit


class ObservationQuerySet(models.QuerySet):
    def for_indicator(self, code: str) -> "ObservationQuerySet":
        return self.filter(indicator__code=code)

    def real(self) -> "ObservationQuerySet":
        """Leave out estimated rows (split municipalities before the split)."""
        return self.filter(is_estimate=False, value__isnull=False)


class Observation(models.Model):
    """The value of an indicator for one municipality and year (long form)."""

    changes_datasets = (DATASET,)

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="observations")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.FloatField(_("verdi"), null=True, blank=True)
    is_estimate = models.BooleanField(
        _("estimat"),
        default=False,
        help_text=_("Talet er anslått, ikkje målt, og blir ikkje brukt i indeksar."),
    )
    status = models.CharField(
        _("statuskode"),
        max_length=4,
        blank=True,
        help_text=_("SSB sin statuskode når verdien manglar eller er skjult."),
    )
    method_version = models.CharField(
        _("metodeversjon"),
        max_length=40,
        blank=True,
        help_text=_("For berekna verdiar: kva metode og versjon som laga dei."),
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observasjon")
        verbose_name_plural = _("observasjonar")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "indicator", "year"],
                name="observation_municipality_indicator_year_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.indicator.code} {self.year}: {self.value}"


class DistrictIndexScore(models.Model):
    """A stored Distriktsindeksen value for one municipality, edition year and method."""

    # Written only by indices.store_edition, which bumps the dataset once (not per deleted row).
    changes_datasets = ()

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="district_index_scores"
    )
    year = models.PositiveSmallIntegerField(_("utgåve"))
    method = models.CharField(_("metode"), max_length=20)
    is_simplified = models.BooleanField(_("forenkla variant"), default=False)
    value = models.FloatField(_("indeksverdi"))
    rank = models.PositiveSmallIntegerField(_("rangering"))
    components = models.JSONField(_("delskårar"), default=dict)

    class Meta:
        verbose_name = _("distriktsindeks")
        verbose_name_plural = _("distriktsindeksar")
        ordering = ["year", "method", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "method", "is_simplified"],
                name="district_index_score_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year} ({self.method}): {self.value:.1f}"
