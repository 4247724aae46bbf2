import datetime

from django.core.exceptions import ValidationError

import pytest

from distrikt.municipalities.factories import MunicipalityFactory, RegionFactory
from distrikt.municipalities.models import RegionKind, RegionMembership

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def membership():
    region = RegionFactory(name="Namdal regionråd", kind=RegionKind.REGIONAL_COUNCIL)
    municipality = MunicipalityFactory(name="Grong")
    return RegionMembership.objects.create(
        region=region, municipality=municipality, valid_from=D(2010, 1, 1), valid_to=D(2019, 12, 31)
    )


def candidate(existing, start, end):
    return RegionMembership(
        region=existing.region, municipality=existing.municipality, valid_from=start, valid_to=end
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2015, 1, 1), None),  # starts inside, open end
        (D(2005, 1, 1), D(2010, 1, 1)),  # ends the day the other starts
        (None, D(2012, 1, 1)),  # open start reaching into it
        (D(2011, 1, 1), D(2012, 1, 1)),  # wholly inside
        (None, None),  # always
    ],
)
def test_overlapping_periods_are_rejected_with_a_clear_message(membership, start, end):
    with pytest.raises(ValidationError) as error:
        candidate(membership, start, end).full_clean()
    message = " ".join(error.value.messages)
    assert "er alt medlem av Namdal regionråd" in message


@pytest.mark.parametrize(("start", "end"), [(D(2020, 1, 1), None), (None, D(2009, 12, 31))])
def test_periods_that_follow_each_other_are_accepted(membership, start, end):
    candidate(membership, start, end).full_clean()


def test_the_same_period_in_another_region_is_accepted(membership):
    other = RegionFactory(name="Indre Namdal", kind=RegionKind.CITY_REGION)
    RegionMembership(
        region=other, municipality=membership.municipality, valid_from=D(2015, 1, 1)
    ).full_clean()


def test_a_membership_cannot_end_before_it_starts(membership):
    with pytest.raises(ValidationError) as error:
        candidate(membership, D(2021, 1, 1), D(2020, 1, 1)).full_clean()
    assert "valid_to" in error.value.message_dict


def test_editing_a_membership_does_not_clash_with_itself(membership):
    membership.valid_to = D(2020, 6, 30)
    membership.full_clean()


def test_the_editor_form_keeps_the_input_and_shows_the_message(editor_client, membership):
    response = editor_client.post(
        "/admin/snippets/municipalities/regionmembership/add/",
        {
            "region": membership.region_id,
            "municipality": membership.municipality_id,
            "valid_from": "2015-01-01",
            "valid_to": "",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "er alt medlem av Namdal regionråd" in html
    assert 'value="2015-01-01"' in html
    assert RegionMembership.objects.count() == 1


def test_the_regional_council_kind_names_the_formal_term():
    assert "interkommunalt politisk råd" in str(RegionKind.REGIONAL_COUNCIL.label)
