"""The step-by-step guide page type and the shipped guides."""

from django.core.management import call_command

import pytest

from distrikt.knowledge.models import GuidePage, KnowledgeIndexPage

pytestmark = pytest.mark.django_db

URL = "/kunnskap/naerdemokratirettleiaren/"


@pytest.fixture
def guides(home_page):
    index = KnowledgeIndexPage(title="Kunnskap", slug="kunnskap", language="nn")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    call_command("load_guides", verbosity=0)
    return {page.slug: page for page in GuidePage.objects.all()}


def test_the_democracy_guide_is_published_and_the_other_two_are_drafts(guides):
    assert guides["naerdemokratirettleiaren"].live
    for slug in ("rettleiar-tilflyttarteneste", "rettleiar-kommunen-og-naerbutikken"):
        draft = guides[slug]
        assert not draft.live
        assert all("Utkast" in str(step.value["body"]) for step in draft.steps)
        assert all(step.value["checklist"] for step in draft.steps)


def test_loading_again_changes_nothing(guides):
    call_command("load_guides", verbosity=0)
    assert GuidePage.objects.count() == 3


def test_the_democracy_guide_covers_the_six_subjects(guides):
    titles = [step["value"]["title"] for step in guides["naerdemokratirettleiaren"].step_list()]
    assert titles == [
        "Kvifor nærdemokrati?",
        "Vel modell",
        "Mandat og budsjett",
        "Val eller oppnemning av medlemmer",
        "Forholdet til kommunestyret",
        "Oppfølging og evaluering",
    ]


@pytest.mark.parametrize("prefix", ["", "/nb", "/en"])
def test_the_guide_renders_contents_steps_and_checklists(client, guides, prefix):
    response = client.get(prefix + URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#steg-1"' in html and 'id="steg-6"' in html
    assert html.count('type="checkbox"') == 19
    assert "data-guide-progress hidden" in html  # shown by the script only
    assert "knowledge/js/guide.js" in html
    assert 'lang="nn"' in html


def test_a_draft_guide_is_not_public(client, guides):
    assert client.get("/kunnskap/rettleiar-tilflyttarteneste/").status_code == 404
