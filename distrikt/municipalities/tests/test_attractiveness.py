from datetime import date

import pytest

from distrikt.municipalities import indicators
from distrikt.municipalities.attractiveness import (
    decompose,
    period_attractiveness,
    population_change_components,
    residential_attractiveness,
)
from distrikt.municipalities.factories import (
    IndicatorFactory,
    MunicipalityFactory,
    ObservationFactory,
)


def test_the_components_and_the_remainder_sum_to_the_total_change():
    result = decompose(
        {2023: 1000, 2024: 1012, 2025: 1005},
        {
            indicators.BIRTH_BALANCE: {2023: -4, 2024: -6},
            indicators.NET_DOMESTIC_MIGRATION: {2023: 10, 2024: -8},
            indicators.NET_IMMIGRATION: {2023: 5, 2024: 9},
        },
    )
    assert [item.total for item in result] == [12, -7]
    for item in result:
        assert (
            item.birth_balance + item.net_domestic_migration + item.net_immigration + item.unexplained
            == item.total
        )
    assert result[0].unexplained == 1


def test_years_without_every_component_are_left_out():
    result = decompose(
        {2023: 1000, 2024: 1010},
        {indicators.BIRTH_BALANCE: {2023: 1}, indicators.NET_IMMIGRATION: {2023: 2}},
    )
    assert result == []


def test_residential_attractiveness_is_the_residual_of_the_regression():
    # Three municipalities on the line y = 1 + 0.5x, one 2 points above it.
    employment = {1: 0.0, 2: 2.0, 3: 4.0, 4: 6.0}
    migration = {1: 1.0, 2: 2.0, 3: 3.0, 4: 6.0}
    results = {result.municipality_id: result for result in residential_attractiveness(migration, employment)}
    residuals = [results[key].attractiveness for key in (1, 2, 3, 4)]
    assert sum(residuals) == pytest.approx(0.0)
    assert residuals[3] == max(residuals)
    assert results[4].predicted_percent < 6.0


@pytest.mark.django_db
def test_decomposition_and_attractiveness_are_read_from_observations():
    municipalities = [
        MunicipalityFactory(code=f"{9200 + number}", valid_from=date(2024, 1, 1)) for number in range(3)
    ]
    for code in (
        indicators.POPULATION,
        indicators.EMPLOYMENT,
        indicators.BIRTH_BALANCE,
        indicators.NET_DOMESTIC_MIGRATION,
        indicators.NET_IMMIGRATION,
    ):
        IndicatorFactory(code=code)
    for number, municipality in enumerate(municipalities):
        for code, year, value in (
            (indicators.POPULATION, 2023, 1000),
            (indicators.POPULATION, 2024, 1000 + 10 * number),
            (indicators.EMPLOYMENT, 2023, 400),
            (indicators.EMPLOYMENT, 2024, 400 + 4 * number),
            (indicators.BIRTH_BALANCE, 2023, 0),
            (indicators.NET_DOMESTIC_MIGRATION, 2023, 5 * number),
            (indicators.NET_IMMIGRATION, 2023, 5 * number),
        ):
            ObservationFactory(
                municipality=municipality,
                indicator=IndicatorFactory(code=code),
                year=year,
                value=value,
            )
    components = population_change_components(municipalities[2])
    assert components[0].total == 20
    assert components[0].unexplained == 0
    results = period_attractiveness(2023, 2024)
    assert len(results) == 3
    assert [round(result.net_migration_percent, 1) for result in results] == [
        0.0,
        1.0,
        2.0,
    ]
    assert all(result.attractiveness == pytest.approx(0.0) for result in results)


@pytest.mark.django_db
def test_the_profile_shows_the_components_chart_and_the_attractiveness(client):
    municipalities = [
        MunicipalityFactory(
            code=f"{9250 + number}",
            slug=f"{9250 + number}-test",
            valid_from=date(2024, 1, 1),
        )
        for number in range(3)
    ]
    for number, municipality in enumerate(municipalities):
        for code, year, value in (
            (indicators.POPULATION, 2023, 1000),
            (
                indicators.POPULATION,
                2024,
                1000 + 10 * number + (5 if number == 1 else 0),
            ),
            (indicators.EMPLOYMENT, 2023, 400),
            (indicators.EMPLOYMENT, 2024, 400 + 4 * number),
            (indicators.BIRTH_BALANCE, 2023, 0),
            (
                indicators.NET_DOMESTIC_MIGRATION,
                2023,
                5 * number + (5 if number == 1 else 0),
            ),
            (indicators.NET_IMMIGRATION, 2023, 5 * number),
        ):
            ObservationFactory(
                municipality=municipality,
                indicator=IndicatorFactory(code=code),
                year=year,
                value=value,
            )
    html = client.get("/kommunar/9251-test/").content.decode()
    assert 'class="chart__bar"' in html
    assert "Attraktivitet som bustad" in html
    assert "2023–2024" in html
    assert "/kommunar/9251-test/data/fodselsoverskot.csv" in html
    csv_text = client.get("/kommunar/9251-test/data/innanlandsk-flytting.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[1].startswith("9251;")
    assert csv_text.splitlines()[1].endswith(";2023;10;Nei")


@pytest.mark.django_db
def test_the_command_stores_attractiveness_with_its_method_and_period():
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from distrikt.municipalities.models import Observation

    with pytest.raises(CommandError):
        call_command("compute_attractiveness", verbosity=0)
    municipalities = [
        MunicipalityFactory(code=f"{9270 + number}", valid_from=date(2024, 1, 1)) for number in range(3)
    ]
    for number, municipality in enumerate(municipalities):
        for code, year, value in (
            (indicators.POPULATION, 2023, 1000),
            (indicators.EMPLOYMENT, 2023, 400),
            (indicators.EMPLOYMENT, 2024, 400 + 4 * number),
            (
                indicators.NET_DOMESTIC_MIGRATION,
                2023,
                5 * number + (3 if number == 2 else 0),
            ),
            (indicators.NET_IMMIGRATION, 2023, 5 * number),
        ):
            ObservationFactory(
                municipality=municipality,
                indicator=IndicatorFactory(code=code),
                year=year,
                value=value,
            )
    call_command("compute_attractiveness", verbosity=0)
    stored = Observation.objects.filter(indicator__code=indicators.RESIDENTIAL_ATTRACTIVENESS)
    assert stored.count() == 3
    assert {observation.method_version for observation in stored} == {"attraktivitet-1:2023-2024"}
    assert sum(observation.value for observation in stored) == pytest.approx(0.0, abs=1e-3)
    assert stored.get(municipality=municipalities[2]).value > 0
