"""The Distriktsindeks status names the missing components in the reader's language."""

from django.utils import translation

import pytest

from distrikt.municipalities import indicators
from distrikt.municipalities.factories import IndicatorFactory, MunicipalityFactory, ObservationFactory
from distrikt.municipalities.importers.observations import ObservationRow, write_observations
from distrikt.municipalities.profiles import latest_index_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality():
    municipality = MunicipalityFactory(code="9301", name="Testvik")
    ObservationFactory(
        municipality=municipality, indicator=IndicatorFactory(code=indicators.POPULATION), year=2024
    )
    return municipality


def test_a_bokmaal_page_after_a_nynorsk_one_gets_bokmaal_labels(municipality):
    with translation.override("nn"):
        nynorsk = latest_index_status()
    with translation.override("nb"):
        bokmaal = latest_index_status()
    assert any("Folketalsvekst" in label for label, _basis in nynorsk.missing)
    assert any("Folketallsvekst" in label for label, _basis in bokmaal.missing)
    assert not any("Folketalsvekst" in label for label, _basis in bokmaal.missing)


def test_the_status_is_recomputed_after_an_import(municipality):
    assert latest_index_status().year == 2024
    write_observations([ObservationRow(municipality.code, indicators.POPULATION, 2025, 1010.0)], replace=True)
    assert latest_index_status().year == 2025
