"""What the merchant sends once a grant is given: payment requests with the actual costs,
and the final report. Both are written once and never edited, like the rest of the case
record; the advisor registers payments against the requests (``Payment.payment_request``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q, Sum
from django.utils.translation import gettext_lazy as _

from .cases import AppendOnlyModel, AppendOnlyQuerySet, Application, Attachment


class PaymentRequestQuerySet(AppendOnlyQuerySet):
    def open(self) -> "PaymentRequestQuerySet":
        """Requests neither paid against nor refused yet: what still counts against the grant."""
        return self.filter(payments__isnull=True, refusal__isnull=True)

    def with_details(self) -> "PaymentRequestQuerySet":
        """With costs, payments, refusal and attachments (without the files' contents) for the case pages."""
        return self.select_related("refusal__refused_by").prefetch_related(
            "costs", "payments", Prefetch("attachments", queryset=Attachment.objects.defer("content"))
        )

    def requested_sum(self) -> int:
        return self.aggregate(total=Sum("amount"))["total"] or 0


class PaymentRequest(AppendOnlyModel):
    """The merchant asks for (part of) the grant to be paid, with what was done and what it cost."""

    changes_datasets = ()

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payment_requests")
    amount = models.PositiveIntegerField(_("beløp (kr)"))
    is_final = models.BooleanField(_("sluttutbetaling"), default=False)
    work_done = models.TextField(_("kva som er gjort"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sendt av"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    objects = PaymentRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("førespurnad om utbetaling")
        verbose_name_plural = _("førespurnader om utbetaling")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="merkur_payment_request_positive")
        ]

    def __str__(self) -> str:
        return f"{self.amount} ({self.application_id})"

    @property
    def actual_cost_total(self) -> int:
        return sum(cost.amount for cost in self.costs.all())

    @property
    def paid_amount(self) -> int:
        return sum(payment.amount for payment in self.payments.all())

    @property
    def is_refused(self) -> bool:
        return hasattr(self, "refusal")

    @property
    def is_open(self) -> bool:
        return not self.payments.all() and not self.is_refused


class PaymentRequestRefusal(AppendOnlyModel):
    """The advisor refuses an open payment request, with reasons; it then no longer counts
    against what the merchant may ask for. Written once, never edited."""

    changes_datasets = ()

    payment_request = models.OneToOneField(PaymentRequest, on_delete=models.PROTECT, related_name="refusal")
    reason = models.TextField(_("grunngiving"))
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("avslått av"), on_delete=models.PROTECT, related_name="+"
    )
    refused_at = models.DateTimeField(_("avslått"), auto_now_add=True)

    class Meta:
        verbose_name = _("avslag på førespurnad om utbetaling")
        verbose_name_plural = _("avslag på førespurnader om utbetaling")

    def __str__(self) -> str:
        return f"{self.payment_request}"


class ActualCost(AppendOnlyModel):
    """One line of what the project really cost, sent with a payment request."""

    changes_datasets = ()

    payment_request = models.ForeignKey(PaymentRequest, on_delete=models.PROTECT, related_name="costs")
    description = models.CharField(_("post"), max_length=200)
    amount = models.PositiveIntegerField(_("beløp (kr)"))

    class Meta:
        verbose_name = _("faktisk kostnad")
        verbose_name_plural = _("faktiske kostnader")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.description}: {self.amount}"


class FinalReport(AppendOnlyModel):
    """The merchant's final report on a grant: what was done, its effects, what it cost in all."""

    changes_datasets = ()

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="final_report")
    work_done = models.TextField(_("kva som er gjort"))
    shop_effects = models.TextField(_("verknader for butikken"))
    community_effects = models.TextField(_("verknader for lokalsamfunnet"))
    actual_cost_total = models.PositiveBigIntegerField(_("faktisk kostnad i alt (kr)"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sendt av"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("sluttrapport")
        verbose_name_plural = _("sluttrapportar")

    def __str__(self) -> str:
        return f"{self.application}"
