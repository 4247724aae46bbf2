"""The merchant applies for their own shop: draft, budget lines, checks, attachments, submit."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

import pytest
from PIL import Image

from distrikt.merkur.models import Application, ApplicationStatus, SupportScheme

pytestmark = pytest.mark.django_db


def minimal_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


FORM = {
    "enterprise_name": "",
    "turnover": "6000000",
    "households": "150",
    "distance_km": "12",
    "fuel_litres": "",
    "project_description": "Nye kjøledisker.",
    "shop_benefit": "Lågare straumrekning.",
    "community_benefit": "Butikken held fram.",
    "requested_amount": "300000",
    "budget-TOTAL_FORMS": "2",
    "budget-INITIAL_FORMS": "0",
    "budget-MIN_NUM_FORMS": "0",
    "budget-MAX_NUM_FORMS": "50",
    "budget-0-kind": "cost",
    "budget-0-description": "Kjøledisk",
    "budget-0-amount": "400000",
    "budget-1-kind": "financing",
    "budget-1-description": "Eigne midlar",
    "budget-1-amount": "100000",
}


@pytest.fixture
def draft(client, merchant, own_shop):
    FORM["organisation_number"] = own_shop.organisation_number
    client.force_login(merchant)
    scheme = SupportScheme.objects.get(slug="investeringsstotte")
    response = client.post(reverse("merkur:application_start"), {"scheme": scheme.pk, "shop": own_shop.pk})
    assert response.status_code == 302
    return Application.objects.get(shop=own_shop)


def test_a_merchant_cannot_start_an_application_for_another_shop(client, merchant, others_shop):
    client.force_login(merchant)
    scheme = SupportScheme.objects.get(slug="investeringsstotte")
    response = client.post(reverse("merkur:application_start"), {"scheme": scheme.pk, "shop": others_shop.pk})
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_draft_is_prefilled_from_the_register_and_saved_with_budget_lines(client, draft, own_shop):
    assert draft.organisation_number == own_shop.organisation_number
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.is_demo  # the demo shop's application is demo too
    response = client.post(reverse("merkur:application_edit", args=[draft.pk]), {**FORM, "action": "save"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.turnover == 6_000_000
    assert draft.total_cost == 400_000
    assert draft.total_financing == 100_000
    assert draft.status == ApplicationStatus.DRAFT


def test_the_checks_are_shown_while_filling_in(client, draft):
    page = client.get(reverse("merkur:application_edit", args=[draft.pk])).content.decode()
    assert "Kontroll av vilkåra" in page
    fragment = client.post(
        reverse("merkur:application_edit", args=[draft.pk]), {**FORM, "households": "250", "action": "check"}
    ).content.decode()
    assert "Ikkje oppfylt" in fragment
    draft.refresh_from_db()
    assert draft.households is None  # checking saves nothing


def test_bad_input_keeps_what_was_typed_with_a_nynorsk_message(client, draft):
    response = client.post(
        reverse("merkur:application_edit", args=[draft.pk]),
        {**FORM, "households": "mange", "requested_amount": "99999999999999", "action": "save"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skjemaet har feil" in page
    assert 'value="mange"' in page
    assert "Nye kjøledisker." in page


def test_autosave_stores_the_fields_and_answers_no_content(client, draft):
    response = client.post(
        reverse("merkur:application_edit", args=[draft.pk]), {**FORM, "action": "autosave"}
    )
    assert response.status_code == 204
    draft.refresh_from_db()
    assert draft.project_description == "Nye kjøledisker."


def test_submitting_moves_the_case_and_locks_the_form(client, draft):
    response = client.post(reverse("merkur:application_edit", args=[draft.pk]), {**FORM, "action": "submit"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.submitted_at is not None
    again = client.post(
        reverse("merkur:application_edit", args=[draft.pk]), {**FORM, "project_description": "Nytt"}
    )
    assert again.status_code == 302
    draft.refresh_from_db()
    assert draft.project_description == "Nye kjøledisker."
    detail = client.get(reverse("merkur:application_detail", args=[draft.pk])).content.decode()
    assert "Sendt inn" in detail


@pytest.mark.parametrize(
    ("name", "content_fn", "expected_type"),
    [("tilbod.pdf", minimal_pdf, "application/pdf"), ("bilete.png", png_bytes, "image/png")],
)
def test_pdf_and_image_attachments_are_accepted_by_content(client, draft, name, content_fn, expected_type):
    upload = SimpleUploadedFile(name, content_fn(), content_type="application/octet-stream")
    response = client.post(reverse("merkur:attachment_upload", args=[draft.pk]), {"file": upload})
    assert response.status_code == 302
    attachment = draft.attachments.get()
    assert attachment.content_type == expected_type
    download = client.get(reverse("merkur:attachment_download", args=[draft.pk, attachment.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == expected_type


def test_a_file_named_pdf_that_is_not_one_is_refused(client, draft):
    upload = SimpleUploadedFile("tilbod.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = client.post(reverse("merkur:attachment_upload", args=[draft.pk]), {"file": upload})
    assert response.status_code == 400
    assert "ikkje ein PDF eller eit bilete" in response.content.decode()
    assert not draft.attachments.exists()


@override_settings(MERKUR_ATTACHMENT_MAX_BYTES=1024)
def test_an_attachment_over_the_limit_is_refused(client, draft):
    upload = SimpleUploadedFile(
        "stor.pdf", minimal_pdf() + b"\n%" + b"x" * 2048, content_type="application/pdf"
    )
    response = client.post(reverse("merkur:attachment_upload", args=[draft.pk]), {"file": upload})
    assert response.status_code == 400
    assert "for stor" in response.content.decode()
    assert not draft.attachments.exists()
