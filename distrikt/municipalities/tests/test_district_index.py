from datetime import date

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from distrikt.municipalities import indicators
from distrikt.municipalities.factories import (
    IndicatorFactory,
    MunicipalityFactory,
    ObservationFactory,
)
from distrikt.municipalities.indices import (
    BUSINESS_DIVERSITY,
    CENTRALITY,
    EMPLOYMENT_GROWTH,
    POPULATION_GROWTH,
    combine,
    component_scores,
    compute_edition,
)
from distrikt.municipalities.models import DistrictIndexScore


def test_component_scores_are_standardised_truncated_and_scaled_by_hand():
    # Mean 20, sample SD 10: z = -1, 0, +1 → scaled over [-1, 1] to 0, 50, 100.
    assert component_scores({1: 10, 2: 20, 3: 30}) == {1: 0.0, 2: 50.0, 3: 100.0}


def test_outliers_are_truncated_at_two_and_a_half_standard_deviations():
    values = dict.fromkeys(range(20), 0.0) | {20: 1000.0}
    scores = component_scores(values)
    # z of the outlier is about 4.36, truncated to 2.5; the others sit at -0.218.
    assert scores[20] == 100.0
    assert scores[0] == 0.0
    assert len(set(scores.values())) == 2


def test_weighted_sum_of_a_hand_calculated_example():
    inputs = {
        CENTRALITY: {1: 400, 2: 600, 3: 800},
        POPULATION_GROWTH: {1: -10, 2: 0, 3: 10},
        EMPLOYMENT_GROWTH: {1: 5, 2: 0, 3: -5},
        BUSINESS_DIVERSITY: {1: 0.8, 2: 0.8, 3: 0.9},
    }
    weights = {
        CENTRALITY: 0.4,
        POPULATION_GROWTH: 0.4,
        EMPLOYMENT_GROWTH: 0.1,
        BUSINESS_DIVERSITY: 0.1,
    }
    result = combine(inputs, weights)
    # Municipality 1: 0.4·0 + 0.4·0 + 0.1·100 + 0.1·0 = 10.
    assert result[1][0] == pytest.approx(10.0)
    # Municipality 2: 0.4·50 + 0.4·50 + 0.1·50 + 0.1·0 = 45.
    assert result[2][0] == pytest.approx(45.0)
    # Municipality 3: 0.4·100 + 0.4·100 + 0.1·0 + 0.1·100 = 90.
    assert result[3][0] == pytest.approx(90.0)
    assert result[3][1][EMPLOYMENT_GROWTH] == pytest.approx(0.0)


def _complete_data(year: int) -> list:
    municipalities = [
        MunicipalityFactory(code=f"{9100 + number}", valid_from=date(2024, 1, 1)) for number in range(4)
    ]
    codes = {
        name: IndicatorFactory(code=name)
        for name in (
            indicators.CENTRALITY_INDEX,
            indicators.POPULATION,
            indicators.EMPLOYMENT,
            indicators.PRIVATE_DIVERSITY,
        )
    }
    for number, municipality in enumerate(municipalities):
        for indicator, observation_year, value in (
            (indicators.CENTRALITY_INDEX, year - 1, 400 + 100 * number),
            (indicators.POPULATION, year - 10, 1000),
            (indicators.POPULATION, year, 900 + 50 * number),
            (indicators.EMPLOYMENT, year - 11, 500),
            (indicators.EMPLOYMENT, year - 1, 480 + 10 * number),
            (indicators.PRIVATE_DIVERSITY, year - 1, 0.5 + 0.1 * number),
        ):
            ObservationFactory(
                municipality=municipality,
                indicator=codes[indicator],
                year=observation_year,
                value=value,
            )
    return municipalities


@pytest.mark.django_db
def test_a_complete_edition_is_published_with_ranks_from_lowest_value():
    municipalities = _complete_data(2025)
    edition = compute_edition(2025, "2022")
    assert edition.is_complete
    assert [row.municipality for row in edition.rows] == municipalities
    assert edition.rows[0].rank == 1
    assert edition.rows[0].value == pytest.approx(0.0)
    assert edition.rows[-1].value == pytest.approx(100.0)


@pytest.mark.django_db
def test_an_incomplete_edition_is_not_published_and_says_what_is_missing():
    _complete_data(2025)
    edition = compute_edition(2026, "2022")
    assert not edition.is_complete
    assert edition.rows == []
    assert {component.key for component in edition.missing_components} == {
        POPULATION_GROWTH,
        EMPLOYMENT_GROWTH,
        BUSINESS_DIVERSITY,
    }


@pytest.mark.django_db
def test_the_simplified_variant_renormalises_the_weights_of_the_available_components():
    municipalities = _complete_data(2025)
    IndicatorFactory(code=indicators.PRIVATE_DIVERSITY).observations.all().delete()
    edition = compute_edition(2025, "2022", simplified=True)
    assert edition.is_simplified
    assert edition.used_weights == pytest.approx(
        {
            CENTRALITY: 0.4 / 0.9,
            POPULATION_GROWTH: 0.4 / 0.9,
            EMPLOYMENT_GROWTH: 0.1 / 0.9,
        }
    )
    assert len(edition.rows) == len(municipalities)


@pytest.mark.django_db
def test_the_command_stores_a_complete_edition_and_refuses_an_incomplete_one():
    _complete_data(2025)
    call_command("compute_distriktsindeks", year=2025, method="2022", verbosity=0)
    assert DistrictIndexScore.objects.filter(year=2025, is_simplified=False).count() == 4
    with pytest.raises(CommandError, match="incomplete"):
        call_command("compute_distriktsindeks", year=2026, method="2022", verbosity=0)
    assert not DistrictIndexScore.objects.filter(year=2026).exists()


def test_the_bundled_data_completes_no_edition_and_the_reasons_are_named(register):
    latest = compute_edition(2026, "2022")
    assert not latest.is_complete
    missing = {component.key: component for component in latest.missing_components}
    # No national private employment by industry and no 07984 series are bundled.
    assert len(missing[BUSINESS_DIVERSITY].values) == 0
    assert len(missing[EMPLOYMENT_GROWTH].values) == 17
    # Ten-year population growth is missing for the split municipalities (estimates).
    assert missing[POPULATION_GROWTH].expected - len(missing[POPULATION_GROWTH].values) == 7
    assert latest.inputs[CENTRALITY].is_complete
    old_method = compute_edition(2016, "2018")
    assert {component.key for component in old_method.missing_components} >= {
        CENTRALITY,
        EMPLOYMENT_GROWTH,
    }
    simplified = compute_edition(2026, "2022", simplified=True)
    assert set(simplified.used_weights) == {CENTRALITY, POPULATION_GROWTH}
    assert len(simplified.rows) == 350
    assert {municipality.code for municipality in simplified.left_out} >= {
        "1508",
        "1580",
    }
