"""The register of local democracy arrangements (nærdemokratiske ordningar) per municipality.

Municipalities report their arrangements through a survey (no login: a single-use link
sent to an address at the municipality's own e-mail domain). A submission waits for an
editor, who sees what changed and approves it; only then is the register entry published.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DATASET = "democracy"
MAX_BUDGET_NOK = 1_000_000_000
DOMAIN_PATTERN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class ArrangementKind(models.TextChoices):
    LOCAL_COUNCIL = "lokalutval", _("Lokalutval")
    HAMLET_COUNCIL = "grendeutval", _("Grendeutval")
    VILLAGE_COUNCIL = "bygdeutval", _("Bygdeutval")
    NEIGHBOURHOOD_COUNCIL = "naermiljoutval", _("Nærmiljøutval")
    DISTRICT_COUNCIL = "bydelsutval", _("Bydelsutval")
    YOUTH_COUNCIL = "ungdomsrad", _("Ungdomsråd eller liknande organ")
    OTHER = "anna", _("Anna ordning")


class MemberSelection(models.TextChoices):
    ELECTED_BY_RESIDENTS = "innbyggjarar", _("Valt av innbyggjarane, til dømes på eit opent møte")
    APPOINTED_BY_COUNCIL = "kommunestyret", _("Oppnemnt av kommunestyret")
    APPOINTED_BY_ASSOCIATIONS = "lag", _("Peika ut av lag og foreiningar i området")
    MIXED = "blanda", _("Blanda")
    OTHER = "anna", _("Anna")


class Mandate(models.TextChoices):
    ADVISORY = "radgjevande", _("Rådgjevande (uttale og innspel)")
    DECISION = "avgjerd", _("Avgjerdsmakt på delegerte område")


class ArrangementStatus(models.TextChoices):
    ACTIVE = "aktiv", _("I drift")
    PLANNED = "planlagd", _("Planlagd")
    DISSOLVED = "nedlagd", _("Lagd ned")


# The fields a municipality fills in through the survey, in form order (also the diff's order).
SURVEY_FIELDS = (
    "name",
    "kind",
    "area",
    "member_selection",
    "mandate",
    "has_own_budget",
    "budget_nok",
    "established_year",
    "contact",
    "status",
)


class ArrangementQuerySet(models.QuerySet):
    def published(self) -> "ArrangementQuerySet":
        return self.filter(is_published=True)

    def active(self) -> "ArrangementQuerySet":
        return self.filter(status=ArrangementStatus.ACTIVE)


class Arrangement(models.Model):
    """One local democracy arrangement in a municipality."""

    changes_datasets = (DATASET,)

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("kommune"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("type ordning"), max_length=20, choices=ArrangementKind.choices)
    area = models.CharField(
        _("område"),
        max_length=300,
        help_text=_("Kva bygd, grend, bydel eller del av kommunen ordninga dekkjer."),
    )
    member_selection = models.CharField(
        _("korleis medlemmene blir valde"), max_length=20, choices=MemberSelection.choices
    )
    mandate = models.CharField(_("mandat"), max_length=20, choices=Mandate.choices)
    has_own_budget = models.BooleanField(_("har eige budsjett"), default=False)
    budget_nok = models.PositiveIntegerField(
        _("budsjett per år (kr)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_BUDGET_NOK)],
    )
    established_year = models.PositiveSmallIntegerField(
        _("oppretta år"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1837), MaxValueValidator(2100)],
    )
    contact = models.CharField(
        _("kontakt"), max_length=300, blank=True, help_text=_("Namn, rolle eller e-post til ein kontakt.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ArrangementStatus.choices, default=ArrangementStatus.ACTIVE
    )
    is_published = models.BooleanField(_("publisert"), default=False)
    is_demo = models.BooleanField(
        _("demodata"), default=False, help_text=_("Oppdikta ordning for utprøving; skal bytast ut.")
    )
    updated_at = models.DateTimeField(_("sist endra"), auto_now=True)

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        verbose_name = _("nærdemokratisk ordning")
        verbose_name_plural = _("nærdemokratiske ordningar")
        ordering = ["municipality__code", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.budget_nok and not self.has_own_budget:
            errors["budget_nok"] = _("Kryss av for eige budsjett, eller la budsjettfeltet stå tomt.")
        if self.established_year and self.established_year > timezone.localdate().year:
            errors["established_year"] = _("Året ordninga vart oppretta, kan ikkje liggje fram i tid.")
        if errors:
            raise ValidationError(errors)


def validate_domain(value: str) -> None:
    if not DOMAIN_PATTERN.match(value.lower()):
        raise ValidationError(_("Skriv berre domenet, til dømes steinkjer.kommune.no."), code="bad_domain")


class MunicipalEmailDomain(models.Model):
    """An e-mail domain the municipality's own staff use; only these may ask for a survey link."""

    changes_datasets = ()

    municipality = models.ForeignKey(
        "municipalities.Municipality", verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="+"
    )
    domain = models.CharField(_("e-postdomene"), max_length=253, validators=[validate_domain])

    class Meta:
        verbose_name = _("e-postdomene for kommune")
        verbose_name_plural = _("e-postdomene for kommunar")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "domain"], name="municipal_domain_unique")
        ]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs) -> None:
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)


class SurveyLink(models.Model):
    """A link sent to one address; the signed token names it, and it can be opened once."""

    changes_datasets = ()

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-post"))
    nonce = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lenkje til skjema")
        verbose_name_plural = _("lenkjer til skjema")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.email}"


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Ventar på godkjenning")
    APPROVED = "approved", _("Godkjend")
    REJECTED = "rejected", _("Avvist")


class Submission(models.Model):
    """What a municipality sent for one arrangement (new or changed), waiting for an editor."""

    # Not public until approved; approval saves the arrangement, which changes the dataset.
    changes_datasets = ()

    municipality = models.ForeignKey(
        "municipalities.Municipality", verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="+"
    )
    arrangement = models.ForeignKey(
        Arrangement,
        verbose_name=_("ordning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text=_("Tom når kommunen melder inn ei ny ordning."),
    )
    data = models.JSONField(_("innsende opplysningar"))
    email = models.EmailField(_("sendt av"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.PENDING
    )
    created_at = models.DateTimeField(_("sendt"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("handsama"), null=True, blank=True)
    review_note = models.TextField(_("merknad"), blank=True)

    class Meta:
        verbose_name = _("innsending")
        verbose_name_plural = _("innsendingar")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.data.get('name', '')}"
