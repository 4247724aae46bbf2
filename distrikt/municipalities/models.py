"""Counties and municipalities with their validity periods.

The current structure (from 1 January 2024: 357 municipalities, 15 counties) is what
pages show by default; older units are kept with `valid_to` set, never overwritten.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CountyQuerySet(models.QuerySet):
    def current(self) -> "CountyQuerySet":
        return self.filter(valid_to__isnull=True)


class County(models.Model):
    """A county (fylke) as it was valid in a period."""

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


class MunicipalityQuerySet(models.QuerySet):
    def current(self) -> "MunicipalityQuerySet":
        return self.filter(valid_to__isnull=True)

    def priority(self) -> "MunicipalityQuerySet":
        return self.filter(is_priority=True)


class Municipality(models.Model):
    """A municipality (kommune) as it was valid in a period; old codes stay for history."""

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
