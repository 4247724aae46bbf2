from datetime import date

import pytest

from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.municipalities.services import is_priority, similar_municipalities

pytestmark = pytest.mark.django_db


def make(code: str, population: int, centrality: int, change: float):
    return MunicipalityFactory(
        code=code,
        valid_from=date(2024, 1, 1),
        population=population,
        centrality_index=centrality,
        centrality_class=6 if centrality < 565 else 4,
        population_change_10y=change,
    )


def test_the_nearest_on_standardised_indicators_come_first_with_reasons():
    own = make("9401", 1000, 500, -5.0)
    near = make("9402", 1100, 510, -4.0)
    middle = make("9403", 3000, 600, 0.0)
    far = make("9404", 50000, 900, 10.0)
    result = similar_municipalities(own, limit=3)
    assert [similar.municipality for similar in result] == [near, middle, far]
    assert result[0].distance < result[1].distance < result[2].distance
    assert len(result[0].reasons) == 3
    assert "510" in result[0].reasons[1]


def test_a_municipality_without_figures_gets_no_neighbours():
    own = MunicipalityFactory(code="9405", valid_from=date(2024, 1, 1))
    make("9406", 1000, 500, 1.0)
    assert similar_municipalities(own) == []


def test_the_priority_group_is_small_or_peripheral_or_low_on_the_index():
    assert is_priority(5000, 3, None)
    assert is_priority(50000, 6, None)
    assert is_priority(50000, 2, 10.0)
    assert not is_priority(50000, 2, 60.0)
    assert not is_priority(None, None, None)
