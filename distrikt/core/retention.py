"""One daily retention job: each app registers what it deletes or anonymises after a while.

An app registers a rule in its ``AppConfig.ready()``::

    retention.register(
        "events.registrations",
        services.anonymise_expired_registrations,
        period_setting="EVENT_REGISTRATION_RETENTION_DAYS",
    )

A rule takes the current time and returns how many records it deleted or anonymised; it
reads its own period from settings. A rule that names its `period_setting` (a number of
days) lets the privacy statement show the period as configured, never copied by hand. ``manage.py apply_retention`` (daily from cron, or
``--enqueue`` for a worker) runs every rule in registration order. One failing rule does
not stop the others; the job fails at the end so the scheduler sees it.
"""

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

Rule = Callable[[datetime.datetime], int]


@dataclass(frozen=True)
class RetentionRule:
    """A named rule and the one-line description the command lists."""

    name: str
    apply: Rule
    description: str = ""
    period_setting: str = ""
    # For the privacy statement: whose data, what and why (translatable), and after what the
    # period counts (e.g. "after the event").
    data_subject: str = ""
    public_summary: Any = ""
    period_counts_from: Any = ""

    @property
    def period_days(self) -> int | None:
        """The retention period in days as configured now, when the rule names its setting."""
        if not self.period_setting:
            return None
        return int(getattr(settings, self.period_setting))


class RetentionError(Exception):
    """One or more rules failed; the others were applied."""


_rules: dict[str, RetentionRule] = {}


def register(
    name: str,
    rule: Rule,
    description: str = "",
    *,
    period_setting: str = "",
    data_subject: str = "",
    public_summary: Any = "",
    period_counts_from: Any = "",
) -> None:
    """Add a rule to the job (registering the same name again replaces it).

    A rule with a `public_summary` is listed in the privacy statement under its
    `data_subject` ("registrants", "subscribers", "contacts", "everyone" …).
    """
    _rules[name] = RetentionRule(
        name=name,
        apply=rule,
        description=description,
        period_setting=period_setting,
        data_subject=data_subject,
        public_summary=public_summary,
        period_counts_from=period_counts_from,
    )


def public_rules() -> list[RetentionRule]:
    """The rules the privacy statement lists (those that describe themselves to the public)."""
    return [rule for rule in _rules.values() if rule.public_summary]


def registered_rules() -> list[RetentionRule]:
    return list(_rules.values())


def period_days(name: str) -> int | None:
    """The configured period (days) of the named rule; None if it is unknown or names none."""
    rule = _rules.get(name)
    return rule.period_days if rule is not None else None


def apply_retention(
    now: datetime.datetime | None = None, only: Iterable[str] | None = None
) -> dict[str, int]:
    """Apply every registered rule (or those named in ``only``); counts by rule name."""
    now = now or timezone.now()
    wanted = set(only) if only is not None else None
    if wanted is not None and (unknown := wanted - set(_rules)):
        raise ValueError(f"Unknown retention rule(s): {', '.join(sorted(unknown))}")
    counts: dict[str, int] = {}
    failed: list[str] = []
    for rule in registered_rules():
        if wanted is not None and rule.name not in wanted:
            continue
        try:
            counts[rule.name] = rule.apply(now)
        except Exception:
            logger.exception("Retention rule %s failed", rule.name)
            failed.append(rule.name)
    if failed:
        raise RetentionError(f"Retention rule(s) failed: {', '.join(failed)}")
    return counts
