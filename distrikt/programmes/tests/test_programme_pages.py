import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["", "/nb", "/en"])
def test_the_programme_page_shows_facts_map_and_participants(client, programme, prefix):
    response = client.get(f"{prefix}/program/byregionprogrammet/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Byregionprogrammet" in html
    assert 'id="programme-map-title"' in html
    assert "Steinkjer" in html and "Grong" in html
    assert "Demo" in html
    assert "87" in html  # the public phase 2 budget


def test_the_index_lists_the_programmes(client, programme_index):
    html = client.get("/program/").content.decode()
    assert "Fremtidens lokaldemokrati" in html and "Kommunen og nærbutikken" in html


def test_the_municipality_profile_shows_its_programme_participation(client, programme, places):
    html = client.get("/kommunar/grong/").content.decode()
    assert "Deltaking i utviklingsprogram" in html
    assert "Namdal-prosjektet" in html


def test_the_region_page_lists_members_and_programmes(client, programme, places):
    html = client.get("/kommunar/regionar/namdal/").content.decode()
    assert "Grong" in html and "Namsos" in html
    assert "Utviklingsprogram regionen har vore med i" in html
    assert "Namdal-prosjektet" in html


@pytest.mark.parametrize(
    ("prefix", "label"), [("", "Deltakarar"), ("/nb", "Deltakere"), ("/en", "Participants")]
)
def test_the_programme_page_interface_follows_the_language(client, programme, prefix, label):
    assert f">{label}</h2>" in client.get(f"{prefix}/program/byregionprogrammet/").content.decode()
