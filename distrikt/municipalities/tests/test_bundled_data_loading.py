import time

from django.core.management import call_command

import pytest

from distrikt.municipalities import indicators
from distrikt.municipalities.models import (
    County,
    Municipality,
    Observation,
    Region,
    Succession,
)

pytestmark = pytest.mark.django_db


def test_loading_into_an_empty_database_gives_the_2024_structure_quickly():
    started = time.monotonic()
    call_command("load_municipalities", verbosity=0)
    assert time.monotonic() - started < 30
    assert Municipality.objects.current().count() == 357
    assert County.objects.current().count() == 15


def test_old_codes_are_kept_with_their_successors(register):
    old_steinkjer = Municipality.objects.get(code="1702")
    assert old_steinkjer.valid_to.year == 2017
    assert [s.successor.code for s in old_steinkjer.successions.all()] == ["5006"]
    split = Municipality.objects.get(code="1507")
    assert sorted(s.successor.code for s in split.successions.all()) == ["1508", "1580"]


def test_sami_and_kven_name_forms_are_stored_with_their_language(register):
    hattfjelldal = Municipality.objects.current().get(code="1826")
    assert {"name": "Aarborte", "language": "sma"} in hattfjelldal.alternative_names
    assert hattfjelldal.is_sami_administrative_area


def test_labour_market_regions_hold_every_current_municipality(register):
    steinkjer = Municipality.objects.current().get(code="5006")
    assert steinkjer.regions.filter(name="Steinkjer").exists()
    assert Region.objects.filter(memberships__isnull=False).distinct().count() > 150


def test_zeros_are_missing_and_split_estimates_are_flagged(register):
    narvik_2016 = Observation.objects.filter(
        municipality__code="1806", indicator__code=indicators.POPULATION, year=2016
    )
    assert not narvik_2016.exists()
    haram_2014 = Observation.objects.get(
        municipality__code="1580", indicator__code=indicators.POPULATION, year=2014
    )
    assert haram_2014.is_estimate


def test_key_figures_come_from_the_latest_real_values(register):
    steinkjer = Municipality.objects.current().get(code="5006")
    assert steinkjer.population == 24007
    assert steinkjer.population_year == 2026
    assert steinkjer.centrality_index == 721
    assert steinkjer.centrality_class == 4
    haram = Municipality.objects.current().get(code="1580")
    assert haram.population_change_10y is None


def test_employment_of_split_municipalities_is_left_missing_not_guessed(register):
    codes_2005 = set(
        Observation.objects.filter(indicator__code=indicators.EMPLOYMENT, year=2005).values_list(
            "municipality__code", flat=True
        )
    )
    assert "5006" in codes_2005
    assert not {"1508", "1580", "1806", "1875"} & codes_2005


def test_a_second_run_keeps_what_editors_changed(register):
    steinkjer = Municipality.objects.current().get(code="5006")
    steinkjer.alternative_names = [{"name": "Stïentje", "language": "sma"}]
    steinkjer.save()
    region = Region.objects.get(name="Steinkjer")
    region.description = "Redigert"
    region.save()
    before = (Observation.objects.count(), Succession.objects.count())
    call_command("load_municipalities", verbosity=0)
    steinkjer.refresh_from_db()
    region.refresh_from_db()
    assert steinkjer.alternative_names == [{"name": "Stïentje", "language": "sma"}]
    assert region.description == "Redigert"
    assert (Observation.objects.count(), Succession.objects.count()) == before
