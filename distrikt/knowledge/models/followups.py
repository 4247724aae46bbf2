"""What became of a practical example: follow-ups after one, three and five years."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .entries import DATASET

# The example pages show their timeline: a change of a follow-up purges them.
FOLLOW_UP_DATASET = "knowledge-follow-ups"
FOLLOW_UP_YEARS = (1, 3, 5)


class FollowUpStatus(models.TextChoices):
    CONTINUED = "continued", _("Held fram")
    CHANGED = "changed", _("Endra")
    ENDED = "ended", _("Avslutta")


RUNNING_STATUSES = (FollowUpStatus.CONTINUED, FollowUpStatus.CHANGED)


def milestone_date(start: datetime.date, years: int) -> datetime.date:
    """The date `years` after `start` (28 February for a start on 29 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


class ExampleFollowUp(models.Model):
    """One look back at a practical example: is it still running, what happened, who to ask."""

    changes_datasets = (FOLLOW_UP_DATASET, DATASET)

    example = models.ForeignKey(
        "knowledge.PracticalExamplePage",
        verbose_name=_("praksisdøme"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    after_years = models.PositiveSmallIntegerField(
        _("etter kor mange år"),
        choices=[(years, _("%(years)s år") % {"years": years}) for years in FOLLOW_UP_YEARS],
    )
    followed_up_on = models.DateField(_("fylgt opp dato"), default=datetime.date.today)
    status = models.CharField(_("status"), max_length=10, choices=FollowUpStatus.choices)
    what_happened = models.TextField(_("kva som har skjedd"))
    indicators = models.ManyToManyField(
        "municipalities.Indicator",
        verbose_name=_("indikatorar frå kommunedataa"),
        blank=True,
        related_name="+",
        help_text=_("Valfritt: tal frå kommuneprofilen som viser kva dømet førte til."),
    )
    contact = models.CharField(
        _("kontakt"), max_length=300, blank=True, help_text=_("Namn, rolle og e-post til den som svarte.")
    )

    panels = [
        FieldPanel("example"),
        FieldPanel("after_years"),
        FieldPanel("followed_up_on"),
        FieldPanel("status"),
        FieldPanel("what_happened"),
        FieldPanel("indicators"),
        FieldPanel("contact"),
    ]

    class Meta:
        verbose_name = _("oppfølging av praksisdøme")
        verbose_name_plural = _("oppfølgingar av praksisdøme")
        ordering = ["example", "after_years"]
        constraints = [
            models.UniqueConstraint(
                fields=["example", "after_years"],
                name="example_follow_up_once_per_milestone",
                violation_error_message=_("Dette dømet er alt fylgt opp etter så mange år."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.example_id}: {self.after_years}"

    @property
    def due_on(self) -> datetime.date | None:
        if self.example_id is None:
            return None
        return milestone_date(self.example.date, self.after_years)

    def clean(self) -> None:
        super().clean()
        if self.example_id is None:
            return
        errors: dict[str, list[str]] = {}
        if self.followed_up_on:
            if self.followed_up_on < self.example.date:
                errors.setdefault("followed_up_on", []).append(
                    _("Oppfølginga kan ikkje vere før datoen på dømet.")
                )
            if self.followed_up_on > timezone.localdate():
                errors.setdefault("followed_up_on", []).append(_("Oppfølginga kan ikkje vere fram i tid."))
        others = ExampleFollowUp.objects.filter(example_id=self.example_id).exclude(pk=self.pk)
        has_ended_before = others.filter(after_years__lt=self.after_years or 0, status=FollowUpStatus.ENDED)
        if self.after_years and self.status in RUNNING_STATUSES and has_ended_before.exists():
            errors.setdefault("status", []).append(
                _("Dømet vart avslutta ved ei tidlegare oppfølging og kan ikkje halde fram etterpå.")
            )
        if errors:
            raise ValidationError(errors)


class FollowUpReminder(models.Model):
    """That the editors were reminded of a due follow-up, so the reminder goes once."""

    changes_datasets = ()

    example = models.ForeignKey(
        "knowledge.PracticalExamplePage", on_delete=models.CASCADE, related_name="follow_up_reminders"
    )
    after_years = models.PositiveSmallIntegerField(_("etter kor mange år"))
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("påminning om oppfølging")
        verbose_name_plural = _("påminningar om oppfølging")
        constraints = [
            models.UniqueConstraint(fields=["example", "after_years"], name="follow_up_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.example_id}: {self.after_years}"
