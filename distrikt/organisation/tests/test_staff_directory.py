"""The staff directory: search, filters, person pages and vCards."""

import pytest
import vobject

from distrikt.organisation.factories import (
    KnowledgeAreaFactory,
    OfficeFactory,
    PersonFactory,
)
from distrikt.organisation.models import StaffDirectoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(bundled_site):
    return StaffDirectoryPage.objects.get()


@pytest.fixture
def people(directory):
    steinkjer = OfficeFactory(slug="test-steinkjer", name="Teststeinkjer")
    sogndal = OfficeFactory(slug="test-sogndal", name="Testsogndal")
    democracy = KnowledgeAreaFactory(slug="test-demokrati", name="Testdemokrati")
    anna = PersonFactory(name="Anna Aasen", slug="anna-aasen", office=steinkjer)
    anna.knowledge_areas.add(democracy)
    berit = PersonFactory(name="Berit Aasen", slug="berit-aasen", office=sogndal)
    carl = PersonFactory(name="Carl Berg", slug="carl-berg", office=steinkjer)
    return {"anna": anna, "berit": berit, "carl": carl}


def names_on_page(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    return {person.name for person in response.context["people"]}


def test_search_by_name_finds_only_matching_people(client, directory, people):
    assert names_on_page(client, directory.url + "?q=aasen") == {
        "Anna Aasen",
        "Berit Aasen",
    }


def test_filter_by_office_and_area_combine(client, directory, people):
    assert names_on_page(client, directory.url + "?office=test-steinkjer") == {
        "Anna Aasen",
        "Carl Berg",
    }
    assert names_on_page(client, directory.url + "?office=test-steinkjer&area=test-demokrati") == {
        "Anna Aasen"
    }


def test_unknown_filter_value_shows_form_error_not_crash(client, directory, people):
    response = client.get(directory.url + "?office=finst-ikkje")
    assert response.status_code == 200
    assert response.context["form"].errors


def test_person_page_shows_the_person(client, directory, people):
    response = client.get(directory.url + "carl-berg/")
    assert response.status_code == 200
    assert "Carl Berg" in response.content.decode()


def test_unknown_person_is_404(client, directory):
    assert client.get(directory.url + "ingen-slik-person/").status_code == 404


def test_vcard_parses_and_names_the_person(client, directory, people):
    response = client.get(directory.url + "anna-aasen/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Anna Aasen"
    assert card.n.value.family == "Aasen"
    assert card.email.value == "anna-aasen@example.org"
    assert card.org.value == ["Distriktssenteret"]


def test_bundled_data_holds_the_director(directory):
    from distrikt.organisation.models import Person

    director = Person.objects.get(slug="halvor-holmli")
    assert director.job_title == "Direktør"
    assert not director.is_demo


def test_a_filtered_directory_is_not_indexed_but_the_whole_one_is(client, directory, people):
    noindex = '<meta name="robots" content="noindex">'
    assert noindex not in client.get(directory.url).content.decode()
    assert noindex in client.get(directory.url + "?q=carl").content.decode()
