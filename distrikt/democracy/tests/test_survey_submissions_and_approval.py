"""Submitting through the survey, and the editors' diff and approval."""

import pytest

from distrikt.democracy import services
from distrikt.democracy.models import Arrangement, Submission, SubmissionStatus

pytestmark = pytest.mark.django_db

FORM = "/lokaldemokrati/skjema/ordningar/"


@pytest.fixture
def survey_client(client, places):
    link = services.request_link(places["steinkjer"], "ola@steinkjer.kommune.no", "https://x/TOKEN/")
    response = client.post(f"/lokaldemokrati/skjema/opne/{services.make_token(link)}/")
    assert response.status_code == 302
    return client


def valid_data(**changes):
    data = {
        "name": "Sparbu lokalutval",
        "kind": "lokalutval",
        "area": "Sparbu",
        "member_selection": "innbyggjarar",
        "mandate": "radgjevande",
        "budget_nok": "",
        "established_year": "2019",
        "contact": "leiar@example.org",
        "status": "aktiv",
    }
    data.update(changes)
    return data


def test_a_new_arrangement_waits_for_approval(survey_client, places):
    response = survey_client.post(f"{FORM}ny/", valid_data())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.PENDING
    assert submission.data["name"] == "Sparbu lokalutval"
    assert submission.data["established_year"] == 2019
    assert submission.email == "ola@steinkjer.kommune.no"
    assert not Arrangement.objects.exists()


def test_invalid_input_keeps_what_was_typed(survey_client):
    response = survey_client.post(
        f"{FORM}ny/", valid_data(established_year="2999", budget_nok="120000", area="Sparbu sentrum")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "fram i tid" in html
    assert "Kryss av for eige budsjett" in html
    assert 'value="Sparbu sentrum"' in html
    assert 'value="120000"' in html
    assert not Submission.objects.exists()


def test_a_huge_budget_is_refused(survey_client):
    response = survey_client.post(f"{FORM}ny/", valid_data(has_own_budget="on", budget_nok="99999999999999"))
    assert response.status_code == 400


def test_another_municipalitys_arrangement_cannot_be_opened(survey_client, register):
    assert survey_client.get(f"{FORM}{register['harran'].pk}/").status_code == 404
    assert survey_client.get(f"{FORM}{register['ogndal'].pk}/").status_code == 200


def test_the_diff_shows_only_what_changed(survey_client, register):
    ogndal = register["ogndal"]
    survey_client.post(
        f"{FORM}{ogndal.pk}/",
        valid_data(
            name="Ogndal lokalutval",
            area="Bygda",
            mandate="avgjerd",
            has_own_budget="on",
            budget_nok="30000",
            established_year="",
        ),
    )
    submission = Submission.objects.get()
    changes = {change.field: (change.old, change.new) for change in services.diff(submission)}
    assert set(changes) == {"mandate", "has_own_budget", "budget_nok", "contact"}
    assert changes["mandate"] == ("Rådgjevande (uttale og innspel)", "Avgjerdsmakt på delegerte område")
    assert changes["budget_nok"] == ("–", "30000")


def test_approval_writes_and_publishes(survey_client, register, editor):
    survey_client.post(f"{FORM}ny/", valid_data())
    arrangement = services.approve(Submission.objects.get(), editor)
    assert arrangement.is_published and arrangement.municipality.code == "5006"
    assert Submission.objects.get().status == SubmissionStatus.APPROVED
    with pytest.raises(ValueError):
        services.approve(Submission.objects.get(), editor)


def test_approving_a_change_updates_the_entry(survey_client, register, editor):
    ogndal = register["ogndal"]
    survey_client.post(f"{FORM}{ogndal.pk}/", valid_data(name="Ogndal grendeutval", kind="grendeutval"))
    services.approve(Submission.objects.get(), editor)
    ogndal.refresh_from_db()
    assert (ogndal.name, ogndal.kind) == ("Ogndal grendeutval", "grendeutval")
    assert Arrangement.objects.count() == len(register)


def test_only_editors_may_approve(survey_client, django_user_model):
    survey_client.post(f"{FORM}ny/", valid_data())
    nobody = django_user_model.objects.create_user("nobody", "n@example.org", "x")
    with pytest.raises(PermissionError):
        services.approve(Submission.objects.get(), nobody)


def test_rejection_publishes_nothing(survey_client, editor):
    survey_client.post(f"{FORM}ny/", valid_data())
    services.reject(Submission.objects.get(), editor, "Finst ikkje")
    assert Submission.objects.get().status == SubmissionStatus.REJECTED
    assert not Arrangement.objects.exists()


def test_the_editor_sees_the_diff_and_approves_in_the_admin(survey_client, register, editor_client):
    ogndal = register["ogndal"]
    survey_client.post(f"{FORM}{ogndal.pk}/", valid_data(name="Ogndal lokalutval", area="Ogndal og Skei"))
    submission = Submission.objects.get()
    html = editor_client.get(f"/admin/lokaldemokrati/innsendingar/{submission.pk}/").content.decode()
    assert "<del>Bygda</del>" in html and "<ins>Ogndal og Skei</ins>" in html
    response = editor_client.post(
        f"/admin/lokaldemokrati/innsendingar/{submission.pk}/handsam/", {"action": "approve"}
    )
    assert response.status_code == 302
    ogndal.refresh_from_db()
    assert ogndal.area == "Ogndal og Skei"


def test_the_review_pages_are_closed_to_visitors(client, register):
    assert client.get("/admin/lokaldemokrati/innsendingar/").status_code in (302, 403)
