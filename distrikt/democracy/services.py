"""Every write of the democracy app, the survey links, the diff and the public reads.

The survey link is a signed token (Django's signing, with a timestamp) naming one
SurveyLink row and its random nonce: altering any character breaks the signature, a
token older than DEMOCRACY_LINK_MAX_AGE is refused, and a link can be opened once
(used_at is set in the same UPDATE that checks it is unset).
"""

import datetime
import secrets
from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distrikt.core.outbox import queue_mail
from distrikt.municipalities.models import Municipality

from .models import (
    SURVEY_FIELDS,
    Arrangement,
    MunicipalEmailDomain,
    Submission,
    SubmissionStatus,
    SurveyLink,
)

SALT = "distrikt.democracy.survey-link"
SESSION_KEY = "democracy_survey"


class LinkProblem(Enum):
    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def allowed_domains(municipality: Municipality) -> list[str]:
    """The registered domains of the municipality, else <slug>.kommune.no."""
    domains = list(
        MunicipalEmailDomain.objects.filter(municipality=municipality)
        .order_by("domain")
        .values_list("domain", flat=True)
    )
    return domains or [f"{municipality.slug}.kommune.no"]


def make_token(link: SurveyLink) -> str:
    return signing.dumps({"l": link.pk, "n": link.nonce}, salt=SALT, compress=True)


def request_link(municipality: Municipality, email: str, survey_url: str) -> SurveyLink:
    """Create a link for a checked address and queue the e-mail with it (sent after commit)."""
    link = SurveyLink.objects.create(
        municipality=municipality, email=email.lower(), nonce=secrets.token_hex(16)
    )
    url = survey_url.replace("TOKEN", make_token(link))
    hours = settings.DEMOCRACY_LINK_MAX_AGE // 3600
    body = _(
        "Hei!\n\nNokon bad om ei lenkje til skjemaet om nærdemokratiske ordningar i %(municipality)s "
        "for denne adressa. Lenkja verkar éin gong og i %(hours)s timar:\n\n%(url)s\n\n"
        "Bad du ikkje om lenkja, kan du sjå bort frå denne e-posten.\n\nHelsing Distriktssenteret"
    ) % {"municipality": municipality.short_name, "hours": hours, "url": url}
    queue_mail(
        link.email,
        _("Lenkje til skjemaet om nærdemokratiske ordningar"),
        body,
        related=link,
        dedupe_key=f"democracy-link:{link.pk}",
    )
    return link


def check_token(
    token: str, now: datetime.datetime | None = None
) -> tuple[SurveyLink | None, LinkProblem | None]:
    """The link a token names, or the reason it cannot be used (forged, too old, already used)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.DEMOCRACY_LINK_MAX_AGE)
    except signing.SignatureExpired:
        return None, LinkProblem.EXPIRED
    except signing.BadSignature:
        return None, LinkProblem.INVALID
    if not isinstance(payload, dict) or not isinstance(payload.get("l"), int):
        return None, LinkProblem.INVALID
    link = SurveyLink.objects.select_related("municipality").filter(pk=payload["l"]).first()
    if link is None or not secrets.compare_digest(str(payload.get("n", "")), link.nonce):
        return None, LinkProblem.INVALID
    now = now or timezone.now()
    if now - link.created_at > datetime.timedelta(seconds=settings.DEMOCRACY_LINK_MAX_AGE):
        return None, LinkProblem.EXPIRED
    if link.used_at is not None:
        return None, LinkProblem.USED
    return link, None


def open_link(token: str, session) -> LinkProblem | None:
    """Use the link once: mark it used and let this browser session fill in the survey."""
    link, problem = check_token(token)
    if link is None:
        return problem or LinkProblem.INVALID
    if not SurveyLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now()):
        return LinkProblem.USED
    session.cycle_key()
    session[SESSION_KEY] = {
        "municipality": link.municipality_id,
        "email": link.email,
        "until": (
            timezone.now() + datetime.timedelta(seconds=settings.DEMOCRACY_SESSION_SECONDS)
        ).timestamp(),
    }
    return None


@dataclass(frozen=True)
class SurveyAccess:
    municipality: Municipality
    email: str


def survey_access(session) -> SurveyAccess | None:
    """Who may fill in the survey in this session, if anyone (the session lasts a few hours)."""
    grant = session.get(SESSION_KEY)
    if not isinstance(grant, dict) or grant.get("until", 0) < timezone.now().timestamp():
        return None
    if not isinstance(grant.get("municipality"), int):
        return None
    municipality = Municipality.objects.filter(pk=grant["municipality"]).first()
    if municipality is None:
        return None
    return SurveyAccess(municipality=municipality, email=grant.get("email", ""))


def _serialisable(cleaned_data: dict) -> dict:
    return {name: cleaned_data.get(name) for name in SURVEY_FIELDS}


def submit(access: SurveyAccess, arrangement: Arrangement | None, cleaned_data: dict) -> Submission:
    """Store what the municipality sent; an editor approves it before anything is published."""
    if arrangement is not None and arrangement.municipality_id != access.municipality.pk:
        raise PermissionError("The arrangement belongs to another municipality.")
    return Submission.objects.create(
        municipality=access.municipality,
        arrangement=arrangement,
        data=_serialisable(cleaned_data),
        email=access.email,
    )


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    old: str
    new: str


def _field(name: str) -> models.Field:
    field = Arrangement._meta.get_field(name)
    assert isinstance(field, models.Field)  # noqa: S101  (SURVEY_FIELDS names concrete fields)
    return field


def _display(field_name: str, value) -> str:
    field = _field(field_name)
    if value in (None, ""):
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Ja") if value else _("Nei")
    return str(value)


def diff(submission: Submission) -> list[Change]:
    """Every field whose submitted value differs from the register (all fields for a new one)."""
    current = submission.arrangement
    changes = []
    for name in SURVEY_FIELDS:
        old = getattr(current, name) if current is not None else None
        new = submission.data.get(name)
        if current is not None and old == new:
            continue
        label = str(_field(name).verbose_name)
        changes.append(
            Change(
                field=name,
                label=label[:1].upper() + label[1:],
                old=_display(name, old),
                new=_display(name, new),
            )
        )
    return changes


def _require_editor(user) -> None:
    if not (user.is_active and user.has_perm("democracy.change_arrangement")):
        raise PermissionError("Only editors may review submissions.")


@transaction.atomic
def approve(submission: Submission, user) -> Arrangement:
    """Write the submission into the register and publish the arrangement."""
    _require_editor(user)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.PENDING:
        raise ValueError("The submission has already been reviewed.")
    arrangement = submission.arrangement or Arrangement(municipality=submission.municipality)
    for name in SURVEY_FIELDS:
        setattr(arrangement, name, submission.data.get(name))
    arrangement.has_own_budget = bool(arrangement.has_own_budget)
    arrangement.is_published = True
    arrangement.full_clean()
    arrangement.save()
    submission.arrangement = arrangement
    submission.status = SubmissionStatus.APPROVED
    submission.reviewed_by = user
    submission.reviewed_at = timezone.now()
    submission.save()
    return arrangement


@transaction.atomic
def reject(submission: Submission, user, note: str = "") -> None:
    _require_editor(user)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.PENDING:
        raise ValueError("The submission has already been reviewed.")
    submission.status = SubmissionStatus.REJECTED
    submission.review_note = note
    submission.reviewed_by = user
    submission.reviewed_at = timezone.now()
    submission.save()


def published_arrangements():
    return Arrangement.objects.published().select_related("municipality", "municipality__county")


def forget_survey_addresses(now: datetime.datetime) -> int:
    """Retention: delete old links, and blank the sender's address on reviewed submissions."""
    cutoff = now - datetime.timedelta(days=settings.DEMOCRACY_RETENTION_DAYS)
    links, _deleted = SurveyLink.objects.filter(created_at__lt=cutoff).delete()
    blanked = (
        Submission.objects.exclude(status=SubmissionStatus.PENDING)
        .filter(reviewed_at__lt=cutoff)
        .exclude(email="")
        .update(email="")
    )
    return links + blanked
