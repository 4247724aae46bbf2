"""Fixtures of the democracy tests: a hand-made register small enough to count by hand."""

import pytest

from distrikt.democracy.models import Arrangement, ArrangementKind, Mandate, MemberSelection
from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory


@pytest.fixture
def places(db):
    trondelag = CountyFactory(code="50", name="Trøndelag", slug="trondelag")
    nordland = CountyFactory(code="18", name="Nordland", slug="nordland")
    return {
        "steinkjer": MunicipalityFactory(
            code="5006",
            name="Steinkjer",
            slug="steinkjer",
            county=trondelag,
            centrality_class=4,
            population=24000,
        ),
        "namsos": MunicipalityFactory(
            code="5007", name="Namsos", slug="namsos", county=trondelag, centrality_class=4, population=15000
        ),
        "grong": MunicipalityFactory(
            code="5045", name="Grong", slug="grong", county=trondelag, centrality_class=6, population=2300
        ),
        "narvik": MunicipalityFactory(
            code="1806", name="Narvik", slug="narvik", county=nordland, centrality_class=4, population=21000
        ),
        "grane": MunicipalityFactory(
            code="1825", name="Grane", slug="grane", county=nordland, centrality_class=6, population=1400
        ),
    }


def make_arrangement(municipality, name, **fields):
    values = {
        "kind": ArrangementKind.LOCAL_COUNCIL,
        "area": "Bygda",
        "member_selection": MemberSelection.ELECTED_BY_RESIDENTS,
        "mandate": Mandate.ADVISORY,
        "is_published": True,
    }
    values.update(fields)
    return Arrangement.objects.create(municipality=municipality, name=name, **values)


@pytest.fixture
def register(places):
    """Steinkjer 2 active, Grong 1 active with budget, Narvik 1 dissolved, Grane 1 unpublished."""
    return {
        "ogndal": make_arrangement(places["steinkjer"], "Ogndal lokalutval"),
        "beitstad": make_arrangement(
            places["steinkjer"],
            "Beitstad bygdeutval",
            kind=ArrangementKind.VILLAGE_COUNCIL,
            mandate=Mandate.DECISION,
        ),
        "harran": make_arrangement(
            places["grong"], "Harran grendeutval", has_own_budget=True, budget_nok=40000
        ),
        "ballangen": make_arrangement(places["narvik"], "Ballangen lokalutval", status="nedlagd"),
        "trofors": make_arrangement(places["grane"], "Trofors lokalutval", is_published=False),
    }
