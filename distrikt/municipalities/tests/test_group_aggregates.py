"""County and region aggregates: sums of counts of people, population-weighted means otherwise."""

from datetime import date

import pytest

from distrikt.municipalities.aggregates import Method, aggregate_indicators, county_aggregates, summary_rows
from distrikt.municipalities.factories import (
    CountyFactory,
    IndicatorFactory,
    MunicipalityFactory,
    ObservationFactory,
    RegionFactory,
)
from distrikt.municipalities.models import RegionMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    """Three municipalities with hand-picked figures for 2023 and 2024."""
    county = CountyFactory(code="97", name="Prøvefylke", slug="97-provefylke")
    first = MunicipalityFactory(code="9701", county=county, valid_from=date(2024, 1, 1))
    second = MunicipalityFactory(code="9702", county=county, valid_from=date(2024, 1, 1))
    third = MunicipalityFactory(code="9703", county=county, valid_from=date(2024, 1, 1))
    population = IndicatorFactory(code="folketal")
    centrality = IndicatorFactory(code="sentralitetsindeks")
    centrality_class = IndicatorFactory(code="sentralitetsklasse")
    employment = IndicatorFactory(code="sysselsette-arbeidsstad")
    for municipality, people_2023, people_2024, index, klass in (
        (first, 1000, 1100, 500, 6),
        (second, 3000, 2900, 700, 4),
        (third, 6000, 6000, 900, 2),
    ):
        ObservationFactory(municipality=municipality, indicator=population, year=2023, value=people_2023)
        ObservationFactory(municipality=municipality, indicator=population, year=2024, value=people_2024)
        ObservationFactory(municipality=municipality, indicator=centrality, year=2024, value=index)
        ObservationFactory(municipality=municipality, indicator=centrality_class, year=2024, value=klass)
    # Employment for two of three in 2024: no sum can be given for that year.
    ObservationFactory(municipality=first, indicator=employment, year=2024, value=400)
    ObservationFactory(municipality=second, indicator=employment, year=2024, value=1500)
    # An estimate is never counted.
    ObservationFactory(municipality=third, indicator=employment, year=2024, value=9999, is_estimate=True)
    return county, [first, second, third]


def test_counts_of_people_are_summed_per_year(group):
    _county, members = group
    aggregates = aggregate_indicators(member.pk for member in members)
    population = aggregates["folketal"]
    assert population.method == Method.SUM
    assert population.years[2023].value == 1000 + 3000 + 6000
    assert population.years[2024].value == 1100 + 2900 + 6000
    assert population.latest_year == 2024
    assert population.latest.count == 3 and population.latest.expected == 3


def test_other_quantities_are_means_weighted_by_population_of_the_same_year(group):
    _county, members = group
    centrality = aggregate_indicators(member.pk for member in members)["sentralitetsindeks"]
    assert centrality.method == Method.WEIGHTED_MEAN
    expected = (500 * 1100 + 700 * 2900 + 900 * 6000) / (1100 + 2900 + 6000)
    assert centrality.years[2024].value == pytest.approx(expected)
    assert round(centrality.years[2024].value, 2) == 798.0


def test_classes_are_not_aggregated_and_incomplete_sums_are_left_out(group):
    _county, members = group
    aggregates = aggregate_indicators(member.pk for member in members)
    assert "sentralitetsklasse" not in aggregates
    assert "sysselsette-arbeidsstad" not in aggregates


def test_a_weighted_mean_says_how_many_members_it_rests_on(group):
    _county, members = group
    aggregates = aggregate_indicators(member.pk for member in members[:2])
    centrality = aggregates["sentralitetsindeks"]
    assert centrality.years[2024].value == pytest.approx((500 * 1100 + 700 * 2900) / 4000)
    assert aggregates["sysselsette-arbeidsstad"].years[2024].value == 1900
    assert aggregate_indicators([]) == {}


def test_the_county_page_shows_the_aggregates_and_the_method(group, client):
    county, _members = group
    assert county_aggregates("97")["folketal"].years[2024].value == 10000
    html = client.get(f"/fylke/{county.slug}/").content.decode()
    assert "Samla tal" in html
    assert "vekta med folketalet" in html
    assert "10\xa0000" in html or "10 000" in html
    assert "798,0" in html
    assert "3 av 3" in html


def test_the_region_page_uses_the_same_function(group, client):
    _county, members = group
    region = RegionFactory(slug="testregion-aggregat")
    for member in members[:2]:
        RegionMembership.objects.create(region=region, municipality=member)
    rows = {row.indicator.code: row for row in summary_rows(aggregate_indicators(m.pk for m in members[:2]))}
    assert rows["folketal"].value == 4000
    html = client.get(f"/kommunar/regionar/{region.slug}/").content.decode()
    assert "Samla tal" in html
    assert "4\xa0000" in html or "4 000" in html
    assert "2 av 2" in html
