"""Grant applications and their case handling: budget lines, attachments, the audit log,
notes, messages, conflict declarations, decisions, payments and archive package downloads.

Every change of state goes through ``distrikt.merkur.workflow``; views never set a status.
No case is public. Only the grant statistics (counts and sums) are derived from the cases:
every change of status writes a ``CaseEvent``, and that event alone makes those figures
stale (``GRANTS_DATASET``); the other rows purge nothing (``changes_datasets = ()``).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from .register import ExtraService, Shop, is_advisor
from .schemes import SupportScheme

# The grant statistics (distrikt.merkur.grant_statistics) and the pages that show them.
GRANTS_DATASET = "merkur-grants"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Sendt inn")
    UNDER_ASSESSMENT = "under_assessment", _("Under handsaming")
    MORE_INFORMATION_REQUESTED = "more_information", _("Treng meir informasjon")
    GRANTED = "granted", _("Innvilga")
    REFUSED = "refused", _("Avslått")
    PARTIALLY_PAID = "partially_paid", _("Delvis utbetalt")
    PAID = "paid", _("Utbetalt")
    REPORTED = "reported", _("Sluttrapportert")
    CLOSED = "closed", _("Avslutta")
    LAPSED = "lapsed", _("Falle bort")
    WITHDRAWN = "withdrawn", _("Trekt")


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ApplicationQuerySet":
        """Advisors see every application; a merchant only those for their own shops."""
        if is_advisor(user):
            return self.all()
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(shop__merchants=user)

    def owned_by(self, user) -> "ApplicationQuerySet":
        """The applications for the user's own shops: what a merchant may act on (advisors too
        only where they are linked to the shop)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(shop__merchants=user)

    def for_queue(self) -> "ApplicationQuerySet":
        return self.select_related("scheme", "shop__municipality__county", "assigned_advisor")

    def for_queue_rows(self) -> "ApplicationQuerySet":
        """The rows of the advisors' queue: the related rows it names, only the columns it shows."""
        return self.for_queue().only(
            "scheme__name",
            "shop__name",
            "shop__municipality__county__name",
            "assigned_advisor__username",
            "appeal_of",
            "status",
            "is_demo",
            "deadline",
            "submitted_at",
            "requested_amount",
        )

    def in_status(self, *statuses: str) -> "ApplicationQuerySet":
        return self.filter(status__in=statuses)

    def in_common_status(self, *statuses: str) -> "ApplicationQuerySet":
        """Like ``in_status()``, for statuses most cases have (the queue's open cases).

        The condition is written so that no index on status can serve it. A SQLite database
        without planner statistics (never ANALYZEd, which is the normal case) otherwise reads
        every open case through ``merkur_application_queue``, joins them and sorts them all to
        show one page: about 100 ms at 20,000 cases. This way it walks the queue's order
        (``merkur_application_deadline``) and stops after one page: under 1 ms. PostgreSQL
        keeps its own statistics and plans an ordered index scan or a top-N sort either way.
        """
        return self.alias(status_without_index=Concat("status", Value(""))).filter(
            status_without_index__in=statuses
        )


class Application(models.Model):
    """A merchant's application for one scheme for one shop, and the case that follows it."""

    changes_datasets = ()

    scheme = models.ForeignKey(
        SupportScheme, verbose_name=_("ordning"), on_delete=models.PROTECT, related_name="applications"
    )
    shop = models.ForeignKey(
        Shop, verbose_name=_("butikk"), on_delete=models.PROTECT, related_name="applications"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oppretta av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("år"))
    organisation_number = models.CharField(_("organisasjonsnummer"), max_length=9)
    enterprise_name = models.CharField(_("namn i Einingsregisteret"), max_length=200, blank=True)
    households = models.PositiveIntegerField(_("hushald i den lokale marknaden"), null=True, blank=True)
    distance_km = models.DecimalField(
        _("avstand til næraste daglegvarebutikk (km)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
    )
    has_no_road_link = models.BooleanField(_("butikken har ikkje fast vegsamband"), default=False)
    turnover = models.PositiveBigIntegerField(
        _("omsetnad (kr)"),
        null=True,
        blank=True,
        help_text=_("Utan meirverdiavgift, drivstoff, dyrefôr og kunstgjødsel."),
    )
    fuel_litres = models.PositiveIntegerField(_("sal av drivstoff (liter per år)"), null=True, blank=True)
    extra_services = models.ManyToManyField(
        ExtraService, verbose_name=_("tilleggstenester"), blank=True, related_name="+"
    )
    project_description = models.TextField(_("kva prosjektet gjeld"), blank=True)
    shop_benefit = models.TextField(_("kva det gjer for butikken"), blank=True)
    community_benefit = models.TextField(_("kva det gjer for lokalsamfunnet"), blank=True)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("kommune som gir fråsegn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality_statement = models.TextField(_("fråsegn frå kommunen"), blank=True)
    statement_email = models.EmailField(
        _("e-postadressa til kommunen"),
        blank=True,
        help_text=_("Postmottaket til kommunen. Hit sender vi lenkja til skjemaet for fråsegna."),
    )
    statement_requested_at = models.DateTimeField(_("bede om fråsegn"), null=True, blank=True)
    statement_received_at = models.DateTimeField(_("fråsegn motteken"), null=True, blank=True)
    requested_amount = models.PositiveIntegerField(_("søkt beløp (kr)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    assigned_advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sakshandsamar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merkur_cases",
    )
    deadline = models.DateField(
        _("frist"),
        null=True,
        blank=True,
        help_text=_("Svarfrist for meir informasjon, eller frist for bruk av tilskotet."),
    )
    submitted_at = models.DateTimeField(_("sendt inn"), null=True, blank=True)
    decided_at = models.DateTimeField(_("vedteke"), null=True, blank=True)
    granted_amount = models.PositiveIntegerField(_("innvilga beløp (kr)"), null=True, blank=True)
    paid_amount = models.PositiveIntegerField(_("utbetalt (kr)"), default=0)
    appeal_of = models.ForeignKey(
        "Decision",
        verbose_name=_("klage på vedtak"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
        help_text=_("Saka er ei klage på dette vedtaket (forvaltningslova § 28)."),
    )
    is_demo = models.BooleanField(
        _("demodata"), default=False, help_text=_("Søknaden er laga for demonstrasjon og finst ikkje.")
    )
    created_at = models.DateTimeField(_("oppretta"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endra"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("søknad")
        verbose_name_plural = _("søknader")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(granted_amount__isnull=True) | Q(paid_amount__lte=models.F("granted_amount")),
                name="merkur_paid_within_grant",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-submitted_at"], name="merkur_application_queue"),
            # The queue's order: reading this index stops after one page of open cases.
            models.Index(fields=["deadline", "submitted_at", "id"], name="merkur_application_deadline"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.shop} ({self.year})"

    @property
    def total_cost(self) -> int:
        return sum(line.amount for line in self.budget_lines.all() if line.kind == BudgetLineKind.COST)

    @property
    def total_financing(self) -> int:
        return sum(line.amount for line in self.budget_lines.all() if line.kind == BudgetLineKind.FINANCING)

    @property
    def remaining_amount(self) -> int:
        return (self.granted_amount or 0) - self.paid_amount

    @property
    def is_appeal(self) -> bool:
        return self.appeal_of_id is not None

    @property
    def is_editable_by_merchant(self) -> bool:
        return self.status in (ApplicationStatus.DRAFT, ApplicationStatus.MORE_INFORMATION_REQUESTED)


class BudgetLineKind(models.TextChoices):
    COST = "cost", _("Kostnad")
    FINANCING = "financing", _("Finansiering")


class BudgetLine(models.Model):
    """One line of the cost plan or the financing plan."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    kind = models.CharField(_("type"), max_length=10, choices=BudgetLineKind.choices)
    description = models.CharField(_("post"), max_length=200)
    amount = models.PositiveIntegerField(_("beløp (kr)"))

    class Meta:
        verbose_name = _("budsjettline")
        verbose_name_plural = _("budsjettliner")
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return f"{self.description}: {self.amount}"


class Attachment(models.Model):
    """A file sent with the application; kept in the database so only the case's people read it."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    file_name = models.CharField(_("filnamn"), max_length=200)
    content_type = models.CharField(_("filtype"), max_length=60)
    size = models.PositiveIntegerField(_("storleik (byte)"))
    content = models.BinaryField(_("innhald"), editable=False)
    description = models.CharField(_("kva vedlegget er"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    payment_request = models.ForeignKey(
        "PaymentRequest",
        verbose_name=_("førespurnad om utbetaling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
        help_text=_("Vedlegget vart sendt med denne førespurnaden om utbetaling."),
    )
    uploaded_at = models.DateTimeField(_("lasta opp"), auto_now_add=True)

    class Meta:
        verbose_name = _("vedlegg")
        verbose_name_plural = _("vedlegg")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.file_name


class AppendOnlyQuerySet(models.QuerySet):
    """Rows of a log are written once: bulk update and delete are refused."""

    def update(self, **kwargs):
        raise PermissionDenied("append-only log")

    def delete(self):
        raise PermissionDenied("append-only log")


class AppendOnlyModel(models.Model):
    """A log row that nobody edits or deletes once written (Public Administration Act records)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("append-only log")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("append-only log")


class CaseEvent(AppendOnlyModel):
    """One transition of an application: who, when, from which status to which, and why."""

    # Every status change (submission, decision, payment, lapse) writes one: the statistics follow.
    changes_datasets = (GRANTS_DATASET,)

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utført av"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)
    from_status = models.CharField(_("frå"), max_length=20, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(_("til"), max_length=20, choices=ApplicationStatus.choices)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        verbose_name = _("hending i saka")
        verbose_name_plural = _("saksloggen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.from_status} → {self.to_status}"


class CaseNote(AppendOnlyModel):
    """An advisor's internal note on the case (not shown to the merchant)."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("notat"))
    created_at = models.DateTimeField(_("skrive"), auto_now_add=True)

    class Meta:
        verbose_name = _("saksnotat")
        verbose_name_plural = _("saksnotat")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class CaseMessage(AppendOnlyModel):
    """A message between advisor and merchant; an information request has an answer deadline."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("melding"))
    is_information_request = models.BooleanField(_("ber om meir informasjon"), default=False)
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingar")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ConflictDeclaration(AppendOnlyModel):
    """An advisor's declaration on impartiality for one application (forvaltningslova § 6)."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="conflicts")
    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    explanation = models.TextField(_("grunn"))
    declared_at = models.DateTimeField(_("erklært"), auto_now_add=True)

    class Meta:
        verbose_name = _("erklæring om inhabilitet")
        verbose_name_plural = _("erklæringar om inhabilitet")
        ordering = ["declared_at"]

    def __str__(self) -> str:
        return f"{self.advisor}: {self.application}"


class DecisionOutcome(models.TextChoices):
    GRANT = "grant", _("Innvilging")
    REFUSAL = "refusal", _("Avslag")


class Decision(AppendOnlyModel):
    """A single decision (enkeltvedtak) with its reasons, as sent to the merchant."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(_("utfall"), max_length=10, choices=DecisionOutcome.choices)
    amount = models.PositiveIntegerField(_("beløp (kr)"), null=True, blank=True)
    conditions = models.TextField(_("vilkår"), blank=True)
    use_deadline = models.DateField(_("frist for bruk"), null=True, blank=True)
    justification = models.TextField(_("grunngiving"))
    appeal_deadline = models.DateField(_("klagefrist"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("vedteke"), auto_now_add=True)

    class Meta:
        verbose_name = _("vedtak")
        verbose_name_plural = _("vedtak")
        ordering = ["decided_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="refusal") | Q(amount__isnull=False, amount__gt=0),
                name="merkur_grant_has_amount",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.application}"


class Payment(AppendOnlyModel):
    """A payment against a grant; the sum of payments never exceeds the granted amount."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payments")
    amount = models.PositiveIntegerField(_("beløp (kr)"))
    is_final = models.BooleanField(_("sluttutbetaling"), default=False)
    payment_request = models.ForeignKey(
        "PaymentRequest",
        verbose_name=_("førespurnad om utbetaling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payments",
    )
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(_("registrert"), auto_now_add=True)

    class Meta:
        verbose_name = _("utbetaling")
        verbose_name_plural = _("utbetalingar")
        ordering = ["registered_at"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="merkur_payment_positive")]

    def __str__(self) -> str:
        return f"{self.amount} ({self.application_id})"


class ArchiveExport(AppendOnlyModel):
    """Who took the archive package of a case, when, and the SHA-256 of the file they got."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="archive_exports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lasta ned av"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)
    document_count = models.PositiveIntegerField(_("dokument"))
    size = models.PositiveBigIntegerField(_("storleik (byte)"))
    sha256 = models.CharField(_("sjekksum (SHA-256)"), max_length=64)

    class Meta:
        verbose_name = _("nedlasting av arkivpakke")
        verbose_name_plural = _("nedlastingar av arkivpakkar")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.created_at:%Y-%m-%d %H:%M} {self.sha256[:12]}"
