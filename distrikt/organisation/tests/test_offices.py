"""Offices: the three are bundled with no invented addresses; the office page lists them."""

import pytest

from distrikt.organisation.models import Office

pytestmark = pytest.mark.django_db


def test_the_three_offices_are_bundled_in_their_municipalities(bundled_site):
    offices = {office.slug: office for office in Office.objects.select_related("municipality")}
    assert set(offices) == {"steinkjer", "sogndal", "alstahaug"}
    assert offices["steinkjer"].municipality.code == "5006"
    assert offices["sogndal"].municipality.code == "4640"
    assert offices["alstahaug"].municipality.code == "1820"
    assert all(office.visiting_address == "" for office in offices.values())


def test_office_page_hides_blank_addresses(client, bundled_site):
    response = client.get("/om-oss/kontor/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ikkje registrert enno" not in body
    assert "Besøksadresse" not in body


def test_office_with_location_links_to_a_map(client, bundled_site):
    office = Office.objects.get(slug="sogndal")
    office.latitude, office.longitude = 61.2297, 7.0984
    office.save()
    assert "openstreetmap.org/?mlat=61.2297" in client.get("/om-oss/kontor/").content.decode()
