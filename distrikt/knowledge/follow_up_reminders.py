"""Reminding editors when a practical example is due a follow-up (1, 3 and 5 years after it)."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from distrikt.core.outbox import queue_mail

from .models import FOLLOW_UP_YEARS, FollowUpReminder, FollowUpStatus, PracticalExamplePage
from .models.followups import milestone_date

# Wagtail's own editor groups: the people who publish the knowledge bank.
EDITOR_GROUP_NAMES = ("Editors", "Moderators")


@dataclass(frozen=True)
class DueFollowUp:
    example: PracticalExamplePage
    years: int
    due_on: datetime.date


def due_follow_ups(today: datetime.date) -> list[DueFollowUp]:
    """Milestones that have passed with no follow-up and no reminder, for examples still running."""
    due = []
    examples = PracticalExamplePage.objects.live().filter(date__lte=milestone_date(today, -1))
    examples = examples.prefetch_related("follow_ups", "follow_up_reminders").select_related("contact_person")
    for example in examples:
        recorded = {follow_up.after_years: follow_up.status for follow_up in example.follow_ups.all()}
        reminded = {reminder.after_years for reminder in example.follow_up_reminders.all()}
        for years in FOLLOW_UP_YEARS:
            if FollowUpStatus.ENDED in (status for after, status in recorded.items() if after < years):
                break
            due_on = milestone_date(example.date, years)
            if due_on > today:
                break
            if years not in recorded and years not in reminded:
                due.append(DueFollowUp(example, years, due_on))
    return due


def editor_addresses(example: PracticalExamplePage) -> list[str]:
    """The example's contact at the centre, else every active editor with an e-mail address."""
    if example.contact_person and example.contact_person.email:
        return [example.contact_person.email]
    users = (
        get_user_model().objects.filter(is_active=True, groups__name__in=EDITOR_GROUP_NAMES).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def send_follow_up_reminders(today: datetime.date | None = None) -> int:
    """Queue one reminder per due milestone (through the outbox); returns how many were queued."""
    today = today or timezone.localdate()
    sent = 0
    for item in due_follow_ups(today):
        recipients = editor_addresses(item.example)
        if not recipients:
            continue
        try:
            with transaction.atomic():
                FollowUpReminder.objects.create(example=item.example, after_years=item.years)
                with translation.override("nn"):
                    queue_mail(
                        recipients,
                        _("Praksisdømet «%(title)s» skal fylgjast opp") % {"title": item.example.title},
                        _(
                            "Det er %(years)s år sidan praksisdømet «%(title)s» (%(date)s). Finn ut om tiltaket "
                            "held fram, er endra eller er avslutta, og legg inn oppfølginga i administrasjonen "
                            "under Kunnskapsbanken → Oppfølging av praksisdøme.\n\n%(url)s"
                        )
                        % {
                            "years": item.years,
                            "title": item.example.title,
                            "date": item.example.date.isoformat(),
                            "url": item.example.full_url or "",
                        },
                        related=item.example,
                    )
        except IntegrityError:
            continue  # another run reminded of this milestone meanwhile
        sent += 1
    return sent
