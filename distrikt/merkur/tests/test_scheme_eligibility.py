"""Each eligibility rule of the published schemes gives met, not met or the advisor's judgement."""

from decimal import Decimal

import pytest

from distrikt.merkur.eligibility import Facts, Outcome, check, summary
from distrikt.merkur.models import SupportScheme

pytestmark = pytest.mark.django_db


def outcomes(slug: str, **facts) -> dict[str, str]:
    scheme = SupportScheme.objects.get(slug=slug)
    return {result.label: result.outcome for result in check(scheme, Facts(**facts))}


def outcome_of(slug: str, words: str, **facts) -> str:
    matches = [outcome for label, outcome in outcomes(slug, **facts).items() if words in label]
    assert len(matches) == 1, outcomes(slug, **facts)
    return matches[0]


INVESTMENT_OK = {
    "turnover": 6_000_000,
    "households": 150,
    "distance_km": Decimal("12"),
    "requested_amount": 300_000,
    "total_cost": 400_000,
}


def test_the_published_schemes_ship_with_their_limits():
    schemes = {scheme.slug: scheme for scheme in SupportScheme.objects.all()}
    assert set(schemes) == {
        "investeringsstotte",
        "utviklingsstotte",
        "servicestotte",
        "drivstoffanlegg",
        "bokhandel",
    }
    assert (schemes["investeringsstotte"].max_amount, schemes["investeringsstotte"].min_amount) == (
        600_000,
        25_000,
    )
    assert schemes["utviklingsstotte"].max_amount == 50_000
    assert schemes["servicestotte"].max_amount == 100_000
    assert schemes["drivstoffanlegg"].max_amount == 600_000
    assert schemes["bokhandel"].max_amount == 50_000
    assert schemes["investeringsstotte"].opens_on is None  # open all year


def test_an_investment_meeting_every_rule_is_met():
    assert (
        summary(check(SupportScheme.objects.get(slug="investeringsstotte"), Facts(**INVESTMENT_OK)))
        == Outcome.MET
    )


@pytest.mark.parametrize(
    ("households", "expected"), [(199, Outcome.MET), (200, Outcome.NOT_MET), (None, Outcome.MISSING)]
)
def test_investment_needs_fewer_than_200_households(households, expected):
    assert (
        outcome_of("investeringsstotte", "hushald", **{**INVESTMENT_OK, "households": households}) == expected
    )


@pytest.mark.parametrize(
    ("distance", "no_road", "expected"),
    [
        (Decimal("10"), False, Outcome.MET),
        (Decimal("9.9"), False, Outcome.JUDGEMENT),
        (Decimal("5"), False, Outcome.JUDGEMENT),
        (Decimal("4.9"), False, Outcome.NOT_MET),
        (Decimal("1"), True, Outcome.MET),
    ],
)
def test_investment_distance_is_ten_km_with_discretion_from_five_or_no_road_link(distance, no_road, expected):
    facts = {**INVESTMENT_OK, "distance_km": distance, "has_no_road_link": no_road}
    assert outcome_of("investeringsstotte", "10 km", **facts) == expected


def test_investment_share_is_75_percent_up_to_8_million_turnover():
    # 75 % of 400 000 is 300 000: exactly allowed, one krone more is not.
    assert outcome_of("investeringsstotte", "75 %", **INVESTMENT_OK) == Outcome.MET
    assert (
        outcome_of("investeringsstotte", "75 %", **{**INVESTMENT_OK, "requested_amount": 300_001})
        == Outcome.NOT_MET
    )


def test_investment_share_is_50_percent_up_to_13_million_and_nothing_above():
    facts = {**INVESTMENT_OK, "turnover": 10_000_000}
    assert outcome_of("investeringsstotte", "50 %", **facts) == Outcome.NOT_MET  # 300 000 > 200 000
    assert outcome_of("investeringsstotte", "50 %", **{**facts, "requested_amount": 200_000}) == Outcome.MET
    over = outcomes("investeringsstotte", **{**INVESTMENT_OK, "turnover": 13_000_001})
    assert Outcome.NOT_MET in over.values()


@pytest.mark.parametrize(
    ("amount", "expected"), [(24_999, Outcome.NOT_MET), (25_000, Outcome.MET), (600_001, Outcome.NOT_MET)]
)
def test_investment_amount_is_between_25_000_and_600_000(amount, expected):
    facts = {**INVESTMENT_OK, "requested_amount": amount, "total_cost": 2_000_000}
    assert outcome_of("investeringsstotte", "Søknadssum", **facts) == expected


@pytest.mark.parametrize(
    ("turnover", "expected_low", "expected_high"),
    [
        (3_999_999, Outcome.NOT_MET, Outcome.MET),
        (4_000_000, Outcome.MET, Outcome.MET),
        (8_000_001, Outcome.MET, Outcome.NOT_MET),
    ],
)
def test_development_support_needs_turnover_between_4_and_8_million(turnover, expected_low, expected_high):
    facts = {
        "turnover": turnover,
        "distance_km": Decimal("25"),
        "requested_amount": 40_000,
        "total_cost": 40_000,
    }
    assert outcome_of("utviklingsstotte", "minst 4 mill", **facts) == expected_low
    assert outcome_of("utviklingsstotte", "høgst 8 mill", **facts) == expected_high


def test_development_support_needs_20_km_without_discretion():
    facts = {"turnover": 5_000_000, "requested_amount": 40_000, "total_cost": 40_000}
    assert outcome_of("utviklingsstotte", "20 km", **facts, distance_km=Decimal("19.9")) == Outcome.NOT_MET
    assert outcome_of("utviklingsstotte", "20 km", **facts, distance_km=Decimal("20")) == Outcome.MET


def test_service_support_needs_turnover_under_4_million_and_three_service_functions():
    facts = {"distance_km": Decimal("30"), "requested_amount": 100_000, "total_cost": 100_000}
    assert outcome_of("servicestotte", "under 4 mill", turnover=4_000_000, **facts) == Outcome.NOT_MET
    assert outcome_of("servicestotte", "under 4 mill", turnover=3_999_999, **facts) == Outcome.MET
    assert outcome_of("servicestotte", "tre", service_functions=2, **facts) == Outcome.NOT_MET
    assert outcome_of("servicestotte", "tre", service_functions=3, **facts) == Outcome.MET


def test_service_support_is_not_given_the_same_year_as_development_support():
    development = SupportScheme.objects.get(slug="utviklingsstotte")
    assert (
        outcome_of("servicestotte", "same år", other_scheme_ids_this_year=frozenset({development.pk}))
        == Outcome.NOT_MET
    )
    assert outcome_of("servicestotte", "same år") == Outcome.MET


@pytest.mark.parametrize(("litres", "expected"), [(299_999, Outcome.MET), (300_000, Outcome.NOT_MET)])
def test_fuel_station_support_is_for_stations_selling_under_300_000_litres(litres, expected):
    assert outcome_of("drivstoffanlegg", "300 000", fuel_litres=litres) == expected


def test_editing_a_limit_changes_the_check_without_code():
    scheme = SupportScheme.objects.get(slug="investeringsstotte")
    rule = scheme.rules.get(kind="households_fewer_than")
    rule.value = 250
    rule.save()
    assert outcome_of("investeringsstotte", "hushald", **{**INVESTMENT_OK, "households": 220}) == Outcome.MET
