"""Eligibility checks of the support schemes, driven by the rules stored on each scheme.

Each check gives one outcome: met, not met, or the advisor's judgement; when the merchant
has not yet given the figure a check needs, the outcome is "missing". The same function
serves the merchant's form (as they type) and the advisor's assessment.

The rules are the programme's published conditions (see migration 0005 and the schemes in
the admin); the limits are data, only their meaning is code.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Application, ApplicationStatus, RuleKind, SchemeRule, SupportScheme

# Applications that count as "support in the same year" for the not-same-year rule.
PENDING_OR_GRANTED = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.UNDER_ASSESSMENT,
    ApplicationStatus.MORE_INFORMATION_REQUESTED,
    ApplicationStatus.GRANTED,
    ApplicationStatus.PARTIALLY_PAID,
    ApplicationStatus.PAID,
    ApplicationStatus.REPORTED,
    ApplicationStatus.CLOSED,
)


class Outcome(models.TextChoices):
    MET = "met", gettext_lazy("Oppfylt")
    NOT_MET = "not_met", gettext_lazy("Ikkje oppfylt")
    JUDGEMENT = "judgement", gettext_lazy("Rådgivaren vurderer")
    MISSING = "missing", gettext_lazy("Ikkje fylt ut enno")


@dataclass(frozen=True)
class Facts:
    """What the checks read from an application (None: not given yet)."""

    turnover: int | None = None
    households: int | None = None
    distance_km: Decimal | None = None
    has_no_road_link: bool = False
    fuel_litres: int | None = None
    service_functions: int | None = None
    requested_amount: int | None = None
    total_cost: int | None = None
    # Schemes the shop has another live application or grant under in the same year.
    other_scheme_ids_this_year: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class CheckResult:
    label: str
    outcome: str
    message: str

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label)


def _kroner(value: int | Decimal) -> str:
    return f"{int(value):,}".replace(",", "\u00a0") + " kr"


def _missing(label: str, what: str) -> CheckResult:
    return CheckResult(label, Outcome.MISSING, _("Fyll ut %(what)s.") % {"what": what})


def _rule_label(rule: SchemeRule) -> str:
    return rule.explanation or str(rule)


def _check_threshold(
    rule: SchemeRule, actual: int | Decimal | None, what: str, passes: bool | None
) -> CheckResult:
    label = _rule_label(rule)
    if actual is None or passes is None:
        return _missing(label, what)
    if passes:
        return CheckResult(label, Outcome.MET, _("Oppfylt."))
    return CheckResult(label, Outcome.NOT_MET, _("Ikkje oppfylt."))


def _check_distance(rule: SchemeRule, facts: Facts) -> CheckResult:
    label = _rule_label(rule)
    if rule.allows_no_road_link and facts.has_no_road_link:
        return CheckResult(label, Outcome.MET, _("Butikken har ikkje fast vegsamband."))
    if facts.distance_km is None:
        return _missing(label, _("avstanden til næraste butikk"))
    limit = Decimal(rule.value or 0)
    if facts.distance_km >= limit:
        return CheckResult(label, Outcome.MET, _("Oppfylt."))
    if rule.discretion_from is not None and facts.distance_km >= Decimal(rule.discretion_from):
        return CheckResult(
            label,
            Outcome.JUDGEMENT,
            _("Avstanden er mellom %(low)s og %(high)s km: rådgivaren vurderer.")
            % {"low": rule.discretion_from, "high": rule.value},
        )
    return CheckResult(label, Outcome.NOT_MET, _("Avstanden er for kort."))


def _cost_share_band(rules: list[SchemeRule], turnover: int) -> int | None:
    """The share (percent) of the lowest band the turnover falls in; None above every band."""
    for rule in sorted(rules, key=lambda band: band.value or 0):
        if rule.value is not None and turnover <= rule.value:
            return rule.share
    return None


def _check_amount(scheme: SupportScheme, facts: Facts, bands: list[SchemeRule]) -> list[CheckResult]:
    results = []
    label = _("Søknadssum mellom %(low)s og %(high)s") % {
        "low": _kroner(scheme.min_amount or 0),
        "high": _kroner(scheme.max_amount),
    }
    amount = facts.requested_amount
    if amount is None:
        results.append(_missing(label, _("beløpet du søkjer om")))
    elif amount > scheme.max_amount or (scheme.min_amount is not None and amount < scheme.min_amount):
        results.append(CheckResult(label, Outcome.NOT_MET, _("Beløpet er utanfor grensene for ordninga.")))
    else:
        results.append(CheckResult(label, Outcome.MET, _("Oppfylt.")))

    share = scheme.max_cost_share
    share_label = _("Tilskotet er høgst %(share)s %% av kostnaden") % {"share": share}
    if bands:
        if facts.turnover is None:
            results.append(_missing(_("Del av kostnaden etter omsetnad"), _("omsetnaden")))
            return results
        band_share = _cost_share_band(bands, facts.turnover)
        if band_share is None:
            results.append(
                CheckResult(
                    _("Del av kostnaden etter omsetnad"),
                    Outcome.NOT_MET,
                    _("Omsetnaden er over den høgste grensa for ordninga."),
                )
            )
            return results
        share = band_share
        share_label = _("Tilskotet er høgst %(share)s %% av kostnaden") % {"share": share}
    if amount is None or not facts.total_cost:
        results.append(_missing(share_label, _("kostnadsplanen og beløpet")))
    elif amount * 100 <= facts.total_cost * share:
        results.append(CheckResult(share_label, Outcome.MET, _("Oppfylt.")))
    else:
        results.append(
            CheckResult(
                share_label,
                Outcome.NOT_MET,
                _("Du kan søkje om høgst %(amount)s.") % {"amount": _kroner(facts.total_cost * share // 100)},
            )
        )
    return results


def check(
    scheme: SupportScheme, facts: Facts, rules: Iterable[SchemeRule] | None = None
) -> list[CheckResult]:
    """Every check of the scheme against the facts, in the scheme's order, amounts first."""
    rules = list(scheme.rules.all() if rules is None else rules)
    bands = [rule for rule in rules if rule.kind == RuleKind.COST_SHARE_BAND]
    results = _check_amount(scheme, facts, bands)
    for rule in rules:
        kind, value = rule.kind, rule.value or 0
        if kind == RuleKind.COST_SHARE_BAND:
            continue
        if kind == RuleKind.TURNOVER_AT_MOST:
            passes = None if facts.turnover is None else facts.turnover <= value
            results.append(_check_threshold(rule, facts.turnover, _("omsetnaden"), passes))
        elif kind == RuleKind.TURNOVER_BELOW:
            passes = None if facts.turnover is None else facts.turnover < value
            results.append(_check_threshold(rule, facts.turnover, _("omsetnaden"), passes))
        elif kind == RuleKind.TURNOVER_AT_LEAST:
            passes = None if facts.turnover is None else facts.turnover >= value
            results.append(_check_threshold(rule, facts.turnover, _("omsetnaden"), passes))
        elif kind == RuleKind.HOUSEHOLDS_FEWER_THAN:
            passes = None if facts.households is None else facts.households < value
            results.append(_check_threshold(rule, facts.households, _("talet på hushald"), passes))
        elif kind == RuleKind.DISTANCE_AT_LEAST:
            results.append(_check_distance(rule, facts))
        elif kind == RuleKind.FUEL_LITRES_BELOW:
            passes = None if facts.fuel_litres is None else facts.fuel_litres < value
            results.append(_check_threshold(rule, facts.fuel_litres, _("salet av drivstoff"), passes))
        elif kind == RuleKind.SERVICE_FUNCTIONS_AT_LEAST:
            passes = None if facts.service_functions is None else facts.service_functions >= value
            results.append(_check_threshold(rule, facts.service_functions, _("tenestene"), passes))
        elif kind == RuleKind.NOT_SAME_YEAR_AS and rule.other_scheme_id is not None:
            conflicts = rule.other_scheme_id in facts.other_scheme_ids_this_year
            results.append(
                CheckResult(
                    _rule_label(rule),
                    Outcome.NOT_MET if conflicts else Outcome.MET,
                    _("Butikken har søkt eller fått %(scheme)s same år.") % {"scheme": rule.other_scheme}
                    if conflicts
                    else _("Oppfylt."),
                )
            )
    return results


def facts_for(application: Application) -> Facts:
    """The facts of a saved application, including its other schemes in the same year."""
    other_schemes = frozenset(
        Application.objects.filter(
            shop_id=application.shop_id, year=application.year, status__in=PENDING_OR_GRANTED
        )
        .exclude(pk=application.pk)
        .values_list("scheme_id", flat=True)
    )
    return Facts(
        turnover=application.turnover,
        households=application.households,
        distance_km=application.distance_km,
        has_no_road_link=application.has_no_road_link,
        fuel_litres=application.fuel_litres,
        service_functions=application.extra_services.count() if application.pk else None,
        requested_amount=application.requested_amount,
        total_cost=application.total_cost if application.pk else None,
        other_scheme_ids_this_year=other_schemes,
    )


def check_application(application: Application) -> list[CheckResult]:
    return check(application.scheme, facts_for(application))


def summary(results: Iterable[CheckResult]) -> str:
    """The weakest outcome of the checks: one not met outweighs everything else."""
    outcomes = {result.outcome for result in results}
    for outcome in (Outcome.NOT_MET, Outcome.MISSING, Outcome.JUDGEMENT):
        if outcome in outcomes:
            return outcome
    return Outcome.MET
