"""Ordering briefs: who may, which stored brief is reused, and the data version it is made from."""

import datetime
import hashlib

from django.contrib.auth.models import AnonymousUser, Group, Permission, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation

from distrikt.core.derived import dataset_versions

from .content import UnknownAreaError, resolve_area
from .models import REQUEST_PERMISSION, AreaKind, Brief, BriefLanguage, BriefStatus
from .tasks import generate_brief_task

__all__ = ["UnknownAreaError", "can_request_briefs", "current_data_version", "request_brief"]

# Every dataset a brief reads; a change of any of them makes a new brief necessary.
SOURCE_DATASETS = (
    "municipalities",
    "merkur-register",
    "merkur-accessibility",
    "knowledge-bank",
    "events",
    "organisation",
)
MINISTRY_GROUP_NAME = "Departementet"
FIRST_YEAR = 2000


def can_request_briefs(user: User | AnonymousUser | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(REQUEST_PERMISSION))


def ensure_ministry_group() -> Group:
    """The group of ministry users who may order briefs (made by migration 0002 too)."""
    group, _created = Group.objects.get_or_create(name=MINISTRY_GROUP_NAME)
    group.permissions.add(Permission.objects.get(content_type__app_label="briefs", codename="request_brief"))
    return group


def current_data_version() -> str:
    """A short fingerprint of the versions of every dataset a brief reads (core.derived)."""
    versions = dataset_versions(SOURCE_DATASETS)
    raw = repr(sorted(versions.items()))
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def default_period(today: datetime.date | None = None) -> tuple[int, int]:
    """The last full year and the current one."""
    year = (today or timezone.localdate()).year
    return year - 1, year


def request_brief(
    user: User,
    area_kind: str,
    area_key: str = "",
    *,
    language: str = BriefLanguage.NYNORSK,
    year_from: int | None = None,
    year_to: int | None = None,
) -> Brief:
    """Order a brief; an identical one made from the same data version is returned instead.

    The generation runs in a task after the transaction commits.
    """
    if not can_request_briefs(user):
        raise PermissionDenied
    if language not in BriefLanguage.values:
        raise ValueError(f"Unknown brief language: {language}")
    default_from, default_to = default_period()
    year_from = year_from or default_from
    year_to = year_to or default_to
    if not FIRST_YEAR <= year_from <= year_to <= default_to + 1:
        raise ValueError("The period must be ordered and within the platform's years")
    if area_kind == AreaKind.COUNTRY:
        area_key = ""
    with translation.override(language):
        area = resolve_area(area_kind, area_key)
    if area is None:
        raise UnknownAreaError(f"{area_kind}:{area_key}")
    version = current_data_version()
    with transaction.atomic():
        existing = (
            Brief.objects.select_for_update()
            .filter(
                area_kind=area_kind,
                area_key=area_key,
                language=language,
                year_from=year_from,
                year_to=year_to,
                data_version=version,
            )
            .exclude(status=BriefStatus.FAILED)
            .first()
        )
        if existing is not None:
            return existing
        brief = Brief.objects.create(
            area_kind=area_kind,
            area_key=area_key,
            area_name=area.name,
            language=language,
            year_from=year_from,
            year_to=year_to,
            data_version=version,
            requested_by=user,
        )
        transaction.on_commit(lambda: _enqueue(brief.pk))
    return brief


def _enqueue(brief_id: int) -> None:
    generate_brief_task.enqueue(brief_id)
