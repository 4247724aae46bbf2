"""Extra services are described in the reader's language: Nynorsk, Bokmål or English."""

from django.core.management import call_command
from django.utils import translation

import pytest

from distrikt.merkur.management.commands._merkur_content import EXTRA_SERVICES
from distrikt.merkur.models import ExtraService

pytestmark = pytest.mark.django_db

POST_NN = "Butikken tek imot og leverer ut brev og pakkar på vegner av Posten."
POST_NB = "Butikken tar imot og deler ut brev og pakker på vegne av Posten."
POST_EN = (
    "The shop accepts and hands out letters and parcels on behalf of Posten, the Norwegian postal service."
)


def test_every_shipped_service_has_a_bokmal_and_an_english_description(site):
    call_command("load_merkur", verbosity=0)
    assert ExtraService.objects.count() == len(EXTRA_SERVICES)
    for service in ExtraService.objects.all():
        assert service.description_nb and service.description_en, service.slug
        assert service.description_nb != service.description and service.description_en != service.description


@pytest.mark.parametrize(
    ("prefix", "text", "language"),
    [("", POST_NN, "nn"), ("/nb", POST_NB, "nb"), ("/en", POST_EN, "en")],
)
def test_the_merkur_page_shows_the_description_in_the_page_language(
    bundled_site, client, prefix, text, language
):
    body = client.get(f"{prefix}/merkur/").content.decode()
    assert f'<dd lang="{language}">{text}</dd>' in body


def test_a_service_without_a_translation_falls_back_to_nynorsk_and_says_so(site):
    service = ExtraService.objects.create(name="Vedsal", slug="vedsal", description="Sal av ved i sekk.")
    with translation.override("en"):
        assert service.localized_description == "Sal av ved i sekk."
        assert service.localized_description_language == "nn"


def test_loading_again_keeps_an_editors_description(site):
    call_command("load_merkur", verbosity=0)
    ExtraService.objects.filter(slug="drivstoff").update(description_en="Fuel at the pump, and an air hose.")
    call_command("load_merkur", verbosity=0)
    service = ExtraService.objects.get(slug="drivstoff")
    assert service.description_en == "Fuel at the pump, and an air hose."
    assert service.description_nb == "Salg av bensin og diesel fra pumpe ved butikken."


def test_editors_edit_the_descriptions_in_the_admin(editor_client, site):
    call_command("load_merkur", verbosity=0)
    service = ExtraService.objects.get(slug="drivstoff")
    body = editor_client.get(f"/admin/snippets/merkur/extraservice/edit/{service.pk}/").content.decode()
    assert 'name="description_nb"' in body and 'name="description_en"' in body
