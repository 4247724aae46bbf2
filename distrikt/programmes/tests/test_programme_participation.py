from django.core.exceptions import ValidationError
from django.core.management import call_command

import pytest

from distrikt.programmes.models import ProgrammePage, Project
from distrikt.programmes.services import (
    participant_municipalities,
    participation_for_municipality,
    participation_for_region,
    programmes_with_projects,
)

pytestmark = pytest.mark.django_db


def test_the_loader_ships_the_three_programmes_once(programme):
    call_command("load_programmes", verbosity=0)
    assert sorted(ProgrammePage.objects.values_list("slug", flat=True)) == [
        "byregionprogrammet",
        "fremtidens-lokaldemokrati",
        "kommunen-og-naerbutikken",
    ]
    assert [phase.name for phase in programme.phases.all()] == ["Fase 1", "Fase 2"]


def test_a_municipality_takes_part_directly_or_through_its_region(programme, places):
    direct = participation_for_municipality(places["steinkjer"])
    assert [(p.project.name, p.via) for p in direct] == [("Steinkjer-prosjektet", "")]
    through = participation_for_municipality(places["grong"])
    assert [(p.project.name, p.via) for p in through] == [("Namdal-prosjektet", "Namdal regionråd")]


def test_a_region_lists_the_programmes_it_took_part_in(programme, places):
    assert [p.programme.slug for p in participation_for_region(places["region"])] == ["byregionprogrammet"]


def test_projects_of_unpublished_programmes_are_not_shown(programme, places):
    programme.unpublish()
    assert participation_for_municipality(places["steinkjer"]) == []


def test_participants_include_the_members_of_a_named_region(programme, places):
    project = Project.objects.get(name="Namdal-prosjektet")
    assert {m.code for m in participant_municipalities(project)} == {"5007", "5045"}


def test_a_programme_cannot_end_before_it_starts(programme):
    programme.end_date = programme.start_date.replace(year=2010)
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "end_date" in error.value.message_dict


def test_the_api_listing_carries_participant_codes(programme):
    listed = {p.slug: p for p in programmes_with_projects()}
    codes = {project.name: project.participant_codes for project in listed["byregionprogrammet"].project_list}
    assert codes == {"Namdal-prosjektet": ["5007", "5045"], "Steinkjer-prosjektet": ["5006"]}
