"""One daily retention job: each app registers what it deletes or anonymises after a while.

An app registers a rule in its ``AppConfig.ready()``::

    retention.register("events.registrations", services.anonymise_expired_registrations)

A rule takes the current time and returns how many records it deleted or anonymised; it
reads its own period from settings. ``manage.py apply_retention`` (daily from cron, or
``--enqueue`` for a worker) runs every rule in registration order. One failing rule does
not stop the others; the job fails at the end so the scheduler sees it.
"""

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone

logger = logging.getLogger(__name__)

Rule = Callable[[datetime.datetime], int]


@dataclass(frozen=True)
class RetentionRule:
    """A named rule and the one-line description the command lists."""

    name: str
    apply: Rule
    description: str = ""


class RetentionError(Exception):
    """One or more rules failed; the others were applied."""


_rules: dict[str, RetentionRule] = {}


def register(name: str, rule: Rule, description: str = "") -> None:
    """Add a rule to the job (registering the same name again replaces it)."""
    _rules[name] = RetentionRule(name=name, apply=rule, description=description)


def registered_rules() -> list[RetentionRule]:
    return list(_rules.values())


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
