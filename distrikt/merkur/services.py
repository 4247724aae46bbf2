"""Every write in the Merkur register: shops, service periods and key figures; and the
grant figures other apps read (the annual report).

Object-level permission is checked here, so views and the API share one rule:
advisors may change every shop, a merchant only the shops they are linked to.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .grant_statistics import GrantStatistics, cached_grant_statistics
from .models import (
    ExtraService,
    ImportJob,
    MerchantProfile,
    Shop,
    ShopKeyFigures,
    ShopService,
    is_advisor,
    pid_digest,
)
from .tasks import import_shop_file, update_accessibility

PLAUSIBLE_CHANGE = 0.5


def grant_figures_for_year(year: int) -> GrantStatistics:
    """Every grant figure of an application year, pending and refused cases included.

    For reports to the ministry (aggregates only); public pages use the public build.
    """
    return cached_grant_statistics(year, is_full=True)


def can_edit_shop(user, shop: Shop) -> bool:
    """True when the user may see and change the shop's register entry and figures."""
    return Shop.objects.visible_to(user).filter(pk=shop.pk).exists()


def ensure_can_edit_shop(user, shop: Shop) -> None:
    if not can_edit_shop(user, shop):
        raise PermissionDenied


def _enqueue_accessibility_update() -> None:
    update_accessibility.enqueue()


def schedule_accessibility_update() -> None:
    """Recompute the accessibility tables once, after the current transaction commits.

    An import of many shops queues one run, not one per shop.
    """
    connection = transaction.get_connection()
    if any(entry[1] is _enqueue_accessibility_update for entry in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue_accessibility_update)


def save_shop(shop: Shop, user, *, is_new: bool = False) -> Shop:
    """Save a validated shop (from a form or import) and refresh the accessibility tables."""
    if is_new and not is_advisor(user):
        raise PermissionDenied
    if not is_new:
        ensure_can_edit_shop(user, shop)
    with transaction.atomic():
        shop.full_clean()
        shop.save()
    return shop


def start_service(
    shop: Shop,
    service: ExtraService,
    started_on: datetime.date,
    user,
    note: str = "",
) -> ShopService:
    """Open a new period for a service; the shop must not already offer it."""
    ensure_can_edit_shop(user, shop)
    with transaction.atomic():
        if ShopService.objects.filter(shop=shop, service=service, ended_on__isnull=True).exists():
            raise ValidationError(_("Butikken tilbyr alt denne tenesta. Avslutt den opne perioden først."))
        latest_end = (
            ShopService.objects.filter(shop=shop, service=service)
            .order_by("-ended_on")
            .values_list("ended_on", flat=True)
            .first()
        )
        if latest_end is not None and started_on < latest_end:
            raise ValidationError(
                _("Ein ny periode kan ikkje starte før den førre slutta (%(date)s).")
                % {"date": latest_end.strftime("%d.%m.%Y")}
            )
        return ShopService.objects.create(shop=shop, service=service, started_on=started_on, note=note)


def end_service(period: ShopService, ended_on: datetime.date, user) -> ShopService:
    """Close an open service period; the period itself stays in the history."""
    ensure_can_edit_shop(user, period.shop)
    if period.ended_on is not None:
        raise ValidationError(_("Denne perioden er alt avslutta."))
    if ended_on < period.started_on:
        raise ValidationError(
            _("Sluttdatoen kan ikkje vere før startdatoen (%(date)s).")
            % {"date": period.started_on.strftime("%d.%m.%Y")}
        )
    with transaction.atomic():
        period.ended_on = ended_on
        period.save(update_fields=["ended_on"])
    return period


@dataclass(frozen=True)
class KeyFigureValues:
    """The figures a merchant reports for one year."""

    turnover: int
    result: int
    customers: int | None = None
    services_income: int | None = None


FIGURE_LABELS = {
    "turnover": gettext_lazy("Omsetnaden"),
    "result": gettext_lazy("Resultatet"),
    "customers": gettext_lazy("Talet på kundar"),
    "services_income": gettext_lazy("Inntektene frå tilleggstenester"),
}


def plausibility_warnings(shop: Shop, year: int, values: KeyFigureValues) -> list[str]:
    """Changes of more than ±50 % from the year before, which the reporter must confirm."""
    previous = ShopKeyFigures.objects.filter(shop=shop, year=year - 1).first()
    if previous is None:
        return []
    warnings = []
    for field, label in FIGURE_LABELS.items():
        old = getattr(previous, field)
        new = getattr(values, field)
        if old in (None, 0) or new is None:
            continue
        change = (new - old) / abs(old)
        if abs(change) > PLAUSIBLE_CHANGE:
            warnings.append(
                _(
                    "%(figure)s har endra seg med %(change)s %% frå %(year)s (frå %(old)s til %(new)s). Sjekk at talet er rett, og stadfest det."
                )
                % {
                    "figure": label,
                    "change": f"{round(change * 100):+d}",
                    "year": year - 1,
                    "old": f"{old:,}".replace(",", "\u00a0"),
                    "new": f"{new:,}".replace(",", "\u00a0"),
                }
            )
    return warnings


def save_key_figures(
    shop: Shop,
    year: int,
    values: KeyFigureValues,
    user,
    *,
    warnings_confirmed: bool = False,
) -> ShopKeyFigures:
    """Store the year's figures; refuses unconfirmed implausible changes and negative figures."""
    ensure_can_edit_shop(user, shop)
    if values.turnover < 0:
        raise ValidationError(_("Omsetnaden kan ikkje vere negativ."))
    for field in ("customers", "services_income"):
        value = getattr(values, field)
        if value is not None and value < 0:
            raise ValidationError(_("Tala kan ikkje vere negative."))
    warnings = plausibility_warnings(shop, year, values)
    if warnings and not warnings_confirmed:
        raise ValidationError(warnings)
    with transaction.atomic():
        figures, _created = ShopKeyFigures.objects.update_or_create(
            shop=shop,
            year=year,
            defaults={
                "turnover": values.turnover,
                "result": values.result,
                "customers": values.customers,
                "services_income": values.services_income,
                "reported_by": user,
                "warnings_confirmed": bool(warnings),
            },
        )
    return figures


def start_shop_import(user, file_name: str, content: bytes, *, import_valid_rows: bool = False) -> ImportJob:
    """Store an uploaded shop list as an import job and run it in the background (advisors only)."""
    if not is_advisor(user):
        raise PermissionDenied
    job = ImportJob.objects.create(
        created_by=user,
        file_name=file_name[:255],
        content=content,
        import_valid_rows=import_valid_rows,
    )
    transaction.on_commit(lambda: import_shop_file.enqueue(job.pk))
    return job


class IdentityAlreadyLinked(Exception):
    """The ID-porten identity belongs to another account already."""


def link_idporten_identity(user, pid: str) -> MerchantProfile:
    """Let the user log in with ID-porten from now on: keep a keyed hash of their `pid`.

    Called only after the user logged in with their password and then with ID-porten in the
    same session, so both proofs belong to one person. One identity opens one account.
    """
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    digest = pid_digest(pid)
    try:
        with transaction.atomic():
            if MerchantProfile.objects.filter(idporten_pid_digest=digest).exclude(user=user).exists():
                raise IdentityAlreadyLinked
            profile, _created = MerchantProfile.objects.select_for_update().get_or_create(user=user)
            profile.idporten_pid_digest = digest
            profile.idporten_linked_at = timezone.now()
            profile.save(update_fields=["idporten_pid_digest", "idporten_linked_at"])
    except IntegrityError as error:  # the same identity linked in parallel to another account
        raise IdentityAlreadyLinked from error
    return profile


def unlink_idporten_identity(user) -> None:
    """Forget the user's ID-porten identity; they log in with their password again."""
    if not user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        MerchantProfile.objects.filter(user=user).update(idporten_pid_digest=None, idporten_linked_at=None)
