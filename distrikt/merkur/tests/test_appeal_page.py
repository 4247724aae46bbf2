"""«Klag på vedtaket» in the portal: within the appeal deadline the merchant appeals a
decision (grant or refusal); after it the page says so. The appeal is its own linked case,
in the merchant's list and in the advisors' queue. Nobody appeals another's decision."""

import datetime
from unittest import mock

from django.urls import reverse

import pytest

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def refusal(own_shop, merchant, advisor):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    return workflow.record_decision(
        application, advisor, workflow.DecisionInput(outcome="refusal", justification="For kort avstand.")
    )


def on(day: datetime.date):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def appeal_url(decision) -> str:
    return reverse("merkur:appeal", args=[decision.application_id, decision.pk])


def test_within_the_deadline_the_merchant_appeals_and_the_appeal_is_a_linked_case(
    client, refusal, merchant, advisor
):
    client.force_login(merchant)
    detail_url = reverse("merkur:application_detail", args=[refusal.application_id])
    with on(refusal.appeal_deadline):  # the last day counts
        detail = client.get(detail_url).content.decode()
        assert "Klag på vedtaket" in detail
        assert appeal_url(refusal) in detail
        page = client.get(appeal_url(refusal))
        assert page.status_code == 200
        assert 'name="reasons"' in page.content.decode()
        response = client.post(appeal_url(refusal), {"reasons": "Avstanden er 11 km, ikkje 4."})
    appeal = Application.objects.get(appeal_of=refusal)
    assert response.status_code == 302
    assert response["Location"] == reverse("merkur:application_detail", args=[appeal.pk])
    assert appeal.status == ApplicationStatus.SUBMITTED
    assert appeal.project_description == "Avstanden er 11 km, ikkje 4."
    # The merchant's list shows the appeal and what it appeals.
    listing = client.get(reverse("merkur:application_list")).content.decode()
    assert reverse("merkur:application_detail", args=[appeal.pk]) in listing
    assert f"Klage på vedtaket i sak {refusal.application_id}" in listing
    # The appeal case points back, and the original case names the appeal.
    appeal_page = client.get(reverse("merkur:application_detail", args=[appeal.pk])).content.decode()
    assert "Denne saka er ei klage på vedtaket" in appeal_page
    with on(refusal.appeal_deadline):
        detail = client.get(detail_url).content.decode()
    assert reverse("merkur:application_detail", args=[appeal.pk]) in detail
    assert appeal_url(refusal) not in detail  # appealed once
    # The advisors' queue has it, marked as an appeal.
    client.force_login(advisor)
    queue = client.get(reverse("merkur:case_queue"))
    assert appeal.pk in [row.pk for row in queue.context["page_obj"]]
    assert "klage" in queue.content.decode()
    case_page = client.get(reverse("merkur:case_detail", args=[appeal.pk])).content.decode()
    assert reverse("merkur:case_detail", args=[refusal.application_id]) in case_page


def test_an_appeal_without_reasons_is_refused_with_a_message(client, refusal, merchant):
    client.force_login(merchant)
    with on(refusal.appeal_deadline):
        response = client.post(appeal_url(refusal), {"reasons": "   "})
    assert response.status_code == 400
    assert "Skjemaet har feil" in response.content.decode()
    assert not Application.objects.filter(appeal_of=refusal).exists()


def test_after_the_deadline_the_page_says_so_and_takes_no_appeal(client, refusal, merchant):
    client.force_login(merchant)
    late = refusal.appeal_deadline + datetime.timedelta(days=1)
    deadline_text = refusal.appeal_deadline.strftime("%-d.%-m.%Y")
    with on(late):
        detail = client.get(
            reverse("merkur:application_detail", args=[refusal.application_id])
        ).content.decode()
        page = client.get(appeal_url(refusal)).content.decode()
        response = client.post(appeal_url(refusal), {"reasons": "Sein klage."})
    assert f"Klagefristen gjekk ut {deadline_text}." in detail
    assert appeal_url(refusal) not in detail
    assert "Klagefristen for dette vedtaket gjekk ut" in page
    assert 'name="reasons"' not in page
    assert response.status_code == 400
    assert not Application.objects.filter(appeal_of=refusal).exists()


def test_a_grant_can_be_appealed_too(client, granted_application, merchant):
    decision = granted_application.decisions.get()
    client.force_login(merchant)
    with on(decision.appeal_deadline):
        response = client.post(appeal_url(decision), {"reasons": "Vi søkte om 300 000 kr, ikkje 100 000."})
    assert response.status_code == 302
    assert Application.objects.filter(appeal_of=decision).exists()


def test_a_second_appeal_of_the_same_decision_is_not_taken(client, refusal, merchant):
    client.force_login(merchant)
    with on(refusal.appeal_deadline):
        client.post(appeal_url(refusal), {"reasons": "Klage."})
        page = client.get(appeal_url(refusal)).content.decode()
        response = client.post(appeal_url(refusal), {"reasons": "Klage igjen."})
    assert "Du har klaga på dette vedtaket" in page
    assert response.status_code == 400
    assert Application.objects.filter(appeal_of=refusal).count() == 1


def test_nobody_but_the_shops_merchant_reaches_the_appeal_page(client, refusal, other_merchant, advisor):
    for user in (other_merchant, advisor):
        client.force_login(user)
        with on(refusal.appeal_deadline):
            assert client.get(appeal_url(refusal)).status_code == 404
            assert client.post(appeal_url(refusal), {"reasons": "Ikkje mi sak."}).status_code == 404
    assert not Application.objects.filter(appeal_of=refusal).exists()
