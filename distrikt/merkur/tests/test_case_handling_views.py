"""Advisors handle a case through the pages: queue filters, assignment, requests, decision,
the decision letter (PDF, by e-mail) and payments."""

import base64
import datetime
import io

from django.urls import reverse

import pytest
from pypdf import PdfReader

from distrikt.core.models import OutboxMessage
from distrikt.merkur import workflow
from distrikt.merkur.factories import ApplicationFactory, ShopFactory
from distrikt.merkur.models import Application, ApplicationStatus, CaseEvent, SupportScheme

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def submitted(own_shop, merchant):
    merchant.email = "kari@example.org"
    merchant.save()
    application = ApplicationFactory(shop=own_shop)
    workflow.submit_application(application, merchant)
    return application


def test_the_queue_filters_by_scheme_status_advisor_county_and_deadline(client, advisor, submitted):
    other_scheme = SupportScheme.objects.get(slug="utviklingsstotte")
    other = ApplicationFactory(shop=ShopFactory(), scheme=other_scheme, deadline=datetime.date(2027, 1, 1))
    Application.objects.filter(pk=other.pk).update(
        status=ApplicationStatus.UNDER_ASSESSMENT, assigned_advisor=advisor
    )
    client.force_login(advisor)
    url = reverse("merkur:case_queue")

    def ids(**params):
        return [row.pk for row in client.get(url, params).context["page_obj"]]

    assert set(ids()) == {submitted.pk, other.pk}
    assert ids(scheme="utviklingsstotte") == [other.pk]
    assert ids(status="submitted") == [submitted.pk]
    assert ids(advisor=advisor.pk) == [other.pk]
    assert ids(deadline_before="2027-02-01") == [other.pk]
    assert ids(county=submitted.shop.municipality.county.code) == [submitted.pk]
    draft = ApplicationFactory(shop=ShopFactory())
    assert draft.pk not in ids()  # drafts are the merchant's own business


def test_an_advisor_assigns_asks_for_more_and_the_merchant_answers(client, advisor, merchant, submitted):
    client.force_login(advisor)
    client.post(reverse("merkur:case_action", args=[submitted.pk, "assign"]), {"advisor": advisor.pk})
    response = client.post(
        reverse("merkur:case_action", args=[submitted.pk, "request"]),
        {"text": "Legg ved tilbodet på kjøledisken.", "answer_by": "2027-01-15"},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.MORE_INFORMATION_REQUESTED
    assert submitted.deadline == datetime.date(2027, 1, 15)
    client.force_login(merchant)
    page = client.get(reverse("merkur:application_detail", args=[submitted.pk])).content.decode()
    assert "Legg ved tilbodet på kjøledisken." in page


def test_a_decision_without_justification_keeps_the_typed_values(client, advisor, submitted):
    workflow.assign_case_officer(submitted, advisor, advisor)
    client.force_login(advisor)
    response = client.post(
        reverse("merkur:case_action", args=[submitted.pk, "decide"]),
        {"outcome": "grant", "amount": "200000", "use_deadline": "2027-12-01", "justification": ""},
    )
    assert response.status_code == 400
    assert 'value="200000"' in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.UNDER_ASSESSMENT


def test_a_declared_conflict_hides_the_decision_form_and_refuses_a_posted_decision(
    client, advisor, submitted
):
    workflow.assign_case_officer(submitted, advisor, advisor)
    client.force_login(advisor)
    client.post(reverse("merkur:case_action", args=[submitted.pk, "conflict"]), {"explanation": "Nabo."})
    page = client.get(reverse("merkur:case_detail", args=[submitted.pk])).content.decode()
    assert "Gjer vedtak" not in page
    response = client.post(
        reverse("merkur:case_action", args=[submitted.pk, "decide"]),
        {"outcome": "refusal", "justification": "Avslag."},
    )
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.UNDER_ASSESSMENT


def test_a_grant_sends_a_letter_with_reasons_and_the_right_to_appeal(
    client, advisor, submitted, django_capture_on_commit_callbacks
):
    workflow.assign_case_officer(submitted, advisor, advisor)
    client.force_login(advisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("merkur:case_action", args=[submitted.pk, "decide"]),
            {
                "outcome": "grant",
                "amount": "200000",
                "use_deadline": "2027-12-01",
                "conditions": "Kvitteringar skal leggjast ved sluttrapporten.",
                "justification": "Butikken har 150 hushald og 12 km til næraste butikk.",
            },
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.GRANTED
    assert submitted.granted_amount == 200_000
    message = OutboxMessage.objects.get(related_key=f"merkur.application:{submitted.pk}")
    assert message.to == ["kari@example.org"]
    attachment = message.attachments[0]
    assert attachment["mimetype"] == "application/pdf"
    text = pdf_text(base64.b64decode(attachment["content"]))
    assert "Vedtak om tilskot" in text
    assert "200" in text and "000" in text
    assert "Butikken har 150 hushald og 12 km til næraste butikk." in text
    assert "Kvitteringar skal leggjast ved sluttrapporten." in text
    assert "klage" in text and "tre veker" in text
    assert "Distriktssenteret" in text
    assert "Demo" in text  # a demo case says so on the letter


def test_the_merchant_downloads_the_letter_and_another_merchant_cannot(
    client, advisor, merchant, other_merchant, submitted
):
    workflow.assign_case_officer(submitted, advisor, advisor)
    decision = workflow.record_decision(
        submitted,
        advisor,
        workflow.DecisionInput(outcome="refusal", justification="Omsetnaden er over grensa."),
    )
    url = reverse("merkur:decision_letter", args=[submitted.pk, decision.pk])
    client.force_login(merchant)
    response = client.get(url)
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "avslag" in text.lower()
    assert "Omsetnaden er over grensa." in text
    client.force_login(other_merchant)
    assert client.get(url).status_code == 404


def test_payments_through_the_page_never_exceed_the_grant(client, advisor, submitted):
    workflow.assign_case_officer(submitted, advisor, advisor)
    workflow.record_decision(
        submitted,
        advisor,
        workflow.DecisionInput(
            outcome="grant", justification="Ok.", amount=100_000, use_deadline=datetime.date(2027, 12, 1)
        ),
    )
    client.force_login(advisor)
    url = reverse("merkur:case_action", args=[submitted.pk, "pay"])
    assert client.post(url, {"amount": "60000"}).status_code == 302
    response = client.post(url, {"amount": "40001"})
    assert response.status_code == 400
    assert "står att" in response.content.decode()
    assert client.post(url, {"amount": "40000"}).status_code == 302
    submitted.refresh_from_db()
    assert (submitted.paid_amount, submitted.status) == (100_000, ApplicationStatus.PAID)
    assert CaseEvent.objects.filter(application=submitted, to_status=ApplicationStatus.PAID).count() == 1
