from datetime import date

import pytest

from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.municipalities.importers.borders import BorderMap
from distrikt.municipalities.models import Succession

pytestmark = pytest.mark.django_db


@pytest.fixture
def border_map():
    merged = MunicipalityFactory(code="9001", valid_from=date(2024, 1, 1))
    left = MunicipalityFactory(code="9002", valid_from=date(2024, 1, 1))
    right = MunicipalityFactory(code="9003", valid_from=date(2024, 1, 1))
    for code, targets in (
        ("8001", [merged]),
        ("8002", [merged]),
        ("8003", [left, right]),
    ):
        former = MunicipalityFactory(code=code, valid_from=date(2000, 1, 1), valid_to=date(2019, 12, 31))
        for target in targets:
            Succession.objects.create(predecessor=former, successor=target, share=1 / len(targets))
    return BorderMap.from_database()


def test_merged_units_are_summed_for_the_years_they_were_valid(border_map):
    mapped, _notes = border_map.map_counts(
        {
            ("8001", 2015): 100,
            ("8002", 2015): 50,
            ("9001", 2015): None,
            ("9001", 2022): 170,
        }
    )
    assert mapped == {("9001", 2015): 150, ("9001", 2022): 170}


def test_a_split_unit_leaves_every_successor_missing(border_map):
    mapped, notes = border_map.map_counts({("8003", 2015): 80, ("9002", 2022): 30})
    assert ("9002", 2015) not in mapped
    assert ("9003", 2015) not in mapped
    assert mapped[("9002", 2022)] == 30
    assert any("split" in note for note in notes)


def test_a_missing_value_of_a_former_unit_leaves_the_sum_missing(border_map):
    mapped, _notes = border_map.map_counts({("8001", 2015): 100, ("8002", 2015): None})
    assert ("9001", 2015) not in mapped


def test_a_former_code_outside_its_validity_is_left_out(border_map):
    mapped, notes = border_map.map_counts({("8001", 2021): 100})
    assert mapped == {}
    assert notes
