import json

import pytest
import requests

from distrikt.municipalities import indicators
from distrikt.municipalities.importers import ssb
from distrikt.municipalities.importers.ssb import (
    MalformedResponse,
    SsbHttpError,
    SsbTimeout,
    UnknownTable,
    import_table,
    parse_jsonstat2,
)
from distrikt.municipalities.models import Observation


def values_of(code: str, year: int | None = None) -> dict[tuple[str, int], float]:
    observations = Observation.objects.filter(indicator__code=code)
    if year is not None:
        observations = observations.filter(year=year)
    return {
        (municipality_code, observation_year): value
        for municipality_code, observation_year, value in observations.values_list(
            "municipality__code", "year", "value"
        )
    }


def test_jsonstat2_sample_is_read_with_dimensions_labels_and_statuses(sample):
    dataset = parse_jsonstat2(json.loads(sample("ssb_07459_sample.json")))
    assert dataset.dimension_ids == ["Region", "Kjonn", "Alder", "ContentsCode", "Tid"]
    assert dataset.labels["Region"]["5006"] == "Steinkjer"
    assert ".." in dataset.statuses.values()
    assert sum(1 for _ in dataset.cells()) == 7 * 2 * 2 * 1 * 2


def test_population_on_old_codes_is_summed_onto_the_successor(register, sample):
    import_table("07459", data=sample("ssb_07459_sample.json"))
    population = values_of(indicators.POPULATION)
    assert population[("0301", 2016)] == 5000 + 2000 + 5100 + 2600
    # Steinkjer 2016 = old Steinkjer (1702) + Verran (1724), both merged into 5006.
    assert population[("5006", 2016)] == (120 + 150 + 118 + 160) + (10 + 20 + 9 + 21)
    assert population[("5006", 2024)] == 125 + 170 + 120 + 180


def test_a_split_predecessor_leaves_its_successors_missing_not_halved(register, sample):
    Observation.objects.filter(indicator__code=indicators.POPULATION).delete()
    import_table("07459", data=sample("ssb_07459_sample.json"))
    population = values_of(indicators.POPULATION)
    assert ("1508", 2016) not in population
    assert ("1580", 2016) not in population
    assert population[("1580", 2024)] == 60 + 50 + 55 + 52


def test_employment_import_maps_codes_and_skips_hidden_cells(register, sample):
    import_table("07984", data=sample("ssb_07984_sample.json"))
    employment = values_of(indicators.EMPLOYMENT)
    assert employment[("5006", 2014)] == 10100 + 800
    assert employment[("1151", 2024)] == 95
    assert ("1151", 2014) not in employment


def test_private_diversity_is_one_minus_the_herfindahl_of_two_digit_industries(register, sample):
    result = import_table("13470", data=sample("ssb_13470_sample.json"))
    diversity = values_of(indicators.PRIVATE_DIVERSITY)
    # Steinkjer: 600, 1800, 600 of 3000 → 0.04 + 0.36 + 0.04 = 0.44 (totals and 99 left out).
    assert diversity[("5006", 2023)] == pytest.approx(0.56)
    assert diversity[("1151", 2023)] == pytest.approx(0.5)
    assert result.rows == 2
    assert (
        Observation.objects.get(
            municipality__code="5006", indicator__code=indicators.PRIVATE_DIVERSITY
        ).method_version
        == ssb.HERFINDAHL_METHOD
    )


def test_population_changes_become_the_three_components(register, sample):
    import_table("06913", data=sample("ssb_06913_sample.json"))
    assert values_of(indicators.BIRTH_BALANCE)[("5006", 2023)] == 210 - 260
    assert values_of(indicators.NET_IMMIGRATION)[("5006", 2023)] == 180 - 40
    assert values_of(indicators.NET_DOMESTIC_MIGRATION)[("5006", 2023)] == 900 - 950
    assert ("1151", 2024) not in values_of(indicators.NET_IMMIGRATION)


def test_malformed_input_is_refused_and_nothing_is_written(register, sample):
    before = Observation.objects.count()
    with pytest.raises(MalformedResponse):
        import_table("07984", data=sample("ssb_malformed_value_count.json"))
    with pytest.raises(MalformedResponse):
        import_table("07984", data="{not json")
    with pytest.raises(MalformedResponse):
        import_table("07984", data={"class": "collection", "version": "2.0"})
    with pytest.raises(MalformedResponse):
        import_table("06913", data=sample("ssb_07984_sample.json"))
    assert Observation.objects.count() == before


def test_a_table_that_is_not_configured_is_an_unknown_table(db):
    with pytest.raises(UnknownTable):
        import_table("99999", data={})


class FakeResponse:
    def __init__(self, status_code: int, payload=None, text: str = ""):
        self.status_code = status_code
        self.payload = payload
        self.text = text

    def json(self):
        if self.payload is None:
            raise ValueError("no JSON")
        return self.payload


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [
        (FakeResponse(404, text="Not found"), UnknownTable),
        (FakeResponse(503, text="Service unavailable"), SsbHttpError),
        (FakeResponse(200, text="<html>"), MalformedResponse),
        (requests.Timeout("slow"), SsbTimeout),
        (requests.ConnectionError("down"), SsbHttpError),
    ],
)
def test_http_failures_give_clear_errors(monkeypatch, behaviour, error):
    def fake_get(url, params, timeout):
        assert url.endswith("/tables/07984/data")
        assert params["outputFormat"] == "json-stat2"
        if isinstance(behaviour, Exception):
            raise behaviour
        return behaviour

    monkeypatch.setattr(ssb.requests, "get", fake_get)
    with pytest.raises(error):
        ssb.fetch("07984", {"Region": "*"}, [2024], timeout=1)


def test_the_query_asks_for_the_documented_selection():
    url, params = ssb.table_url("07984", ssb.TABLES["07984"].selection, [2014, 2024])
    assert url == "https://data.ssb.no/api/pxwebapi/v2/tables/07984/data"
    assert params["valuecodes[NACE2007]"] == "00-99"
    assert params["valuecodes[Alder]"] == "15-74"
    assert params["valuecodes[ContentsCode]"] == "SysselsatteArb"
    assert params["valuecodes[Tid]"] == "2014,2024"


def test_the_command_reads_a_saved_response(register, tmp_path, sample):
    from django.core.management import call_command

    path = tmp_path / "07984.json"
    path.write_text(sample("ssb_07984_sample.json"), encoding="utf-8")
    call_command("import_ssb", "07984", file=path, verbosity=0)
    assert values_of(indicators.EMPLOYMENT, 2024)[("0301", 2024)] == 480000
