"""A decision made in an appeal case cannot be appealed further (forvaltningslova § 28
third paragraph): the service refuses, the portal offers no appeal and the letter promises none."""

import io
from unittest import mock

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.letters import decision_letter_pdf
from distrikt.merkur.models import Application

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def refusal(own_shop, merchant, advisor):
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    return workflow.record_decision(
        application, advisor, workflow.DecisionInput(outcome="refusal", justification="For kort avstand.")
    )


@pytest.fixture
def appeal_decision(refusal, merchant, advisor):
    appeal = workflow.lodge_appeal(
        refusal, merchant, "Avstanden er 11 km.", timezone.localdate(refusal.decided_at)
    )
    workflow.assign_case_officer(appeal, advisor, advisor)
    return workflow.record_decision(
        appeal, advisor, workflow.DecisionInput(outcome="refusal", justification="Klaga fører ikkje fram.")
    )


def test_the_decision_in_an_appeal_case_cannot_be_appealed(appeal_decision, merchant):
    assert not workflow.is_appealable(appeal_decision)
    with pytest.raises(ValidationError, match="28 tredje ledd") as raised:
        workflow.lodge_appeal(
            appeal_decision, merchant, "Eg klagar igjen.", timezone.localdate(appeal_decision.decided_at)
        )
    assert raised.value.code == "final"
    assert not Application.objects.filter(appeal_of=appeal_decision).exists()


def test_the_first_decision_stays_appealable(refusal):
    assert workflow.is_appealable(refusal)


def test_the_portal_offers_no_appeal_of_an_appeal_decision(client, appeal_decision, merchant):
    client.force_login(merchant)
    appeal_url = reverse("merkur:appeal", args=[appeal_decision.application_id, appeal_decision.pk])
    with mock.patch(
        "django.utils.timezone.localdate", return_value=timezone.localdate(appeal_decision.decided_at)
    ):
        detail = client.get(reverse("merkur:application_detail", args=[appeal_decision.application_id]))
        page = client.get(appeal_url)
        posted = client.post(appeal_url, {"reasons": "Eg klagar igjen."})
    html = detail.content.decode()
    assert appeal_url not in html
    assert "Du kan klage på vedtaket" not in html
    assert "kan ikkje klagast på" in html
    assert 'name="reasons"' not in page.content.decode()
    assert "kan ikkje klagast på" in page.content.decode()
    assert posted.status_code == 400
    assert not Application.objects.filter(appeal_of=appeal_decision).exists()


def test_the_letter_in_an_appeal_case_says_the_decision_is_final(appeal_decision, refusal):
    text = " ".join(pdf_text(decision_letter_pdf(appeal_decision)).split())
    assert "Rett til å klage" not in text
    assert "Du kan klage på vedtaket" not in text
    assert "kan ikkje klagast på" in text
    # The first decision's letter still tells of the right to appeal.
    first = " ".join(pdf_text(decision_letter_pdf(refusal)).split())
    assert "Rett til å klage" in first
    assert "kan ikkje klagast på" not in first
