import pytest

from distrikt.municipalities.factories import RegionFactory
from distrikt.municipalities.models import Region


@pytest.mark.django_db
def test_editors_can_list_and_create_regions(editor_client):
    RegionFactory(name="Hallingdal regionråd")
    listing = editor_client.get("/admin/snippets/municipalities/region/")
    assert listing.status_code == 200
    assert "Hallingdal regionråd" in listing.content.decode()
    response = editor_client.post(
        "/admin/snippets/municipalities/region/add/",
        {
            "kind": "byregion",
            "name": "Testbyregion",
            "code": "",
            "slug": "testbyregion",
            "description": "",
            "source": "",
        },
    )
    assert response.status_code == 302
    assert Region.objects.filter(slug="testbyregion").exists()


@pytest.mark.django_db
def test_indicator_and_membership_listings_open(editor_client):
    assert editor_client.get("/admin/snippets/municipalities/indicator/").status_code == 200
    assert editor_client.get("/admin/snippets/municipalities/regionmembership/").status_code == 200
