"""The register of commissioned research: its rules, its admin, and the report page's link to it."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from distrikt.knowledge.factories import ResearchReportPageFactory
from distrikt.knowledge.models import CommissionStatus, ResearchCommission

pytestmark = pytest.mark.django_db

# Brønnøysundregistrene's own organisation number: a valid check digit.
VALID_ORGANISATION_NUMBER = "974760673"


def commission(**fields) -> ResearchCommission:
    values = {
        "title": "Kva held folk i distrikta?",
        "question": "Kvifor blir unge buande i små kommunar?",
        "institution": "Testforsking AS",
        "institution_organisation_number": VALID_ORGANISATION_NUMBER,
        "budget": Decimal(450000),
        "ordered_on": datetime.date(2025, 2, 1),
        "due_on": datetime.date(2025, 12, 1),
        "status": CommissionStatus.ORDERED,
        **fields,
    }
    return ResearchCommission(**values)


def errors_of(instance: ResearchCommission) -> dict:
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


def test_a_complete_commission_is_valid():
    commission().full_clean()


def test_a_commission_cannot_be_delivered_before_it_was_ordered():
    errors = errors_of(commission(delivered_on=datetime.date(2025, 1, 15), status=CommissionStatus.DELIVERED))
    assert "Oppdraget kan ikkje vere levert før det vart bestilt." in errors["delivered_on"]


def test_the_database_refuses_a_delivery_before_the_order_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        commission(delivered_on=datetime.date(2025, 1, 15)).save()


def test_a_budget_cannot_be_negative():
    errors = errors_of(commission(budget=Decimal(-1)))
    assert "budget" in errors
    with pytest.raises(IntegrityError), transaction.atomic():
        commission(budget=Decimal(-1)).save()


def test_the_organisation_number_is_checked():
    errors = errors_of(commission(institution_organisation_number="974760674"))
    assert errors["institution_organisation_number"] == [
        "Organisasjonsnummeret er ikkje gyldig: kontrollsifferet stemmer ikkje. Sjekk at du har skrive det rett."
    ]
    errors = errors_of(commission(institution_organisation_number="12345"))
    assert errors["institution_organisation_number"] == ["Organisasjonsnummeret må ha nøyaktig ni siffer."]


def test_an_ordered_commission_needs_its_order_date_and_a_delivered_one_its_delivery_date():
    assert "ordered_on" in errors_of(commission(ordered_on=None, due_on=None))
    assert "delivered_on" in errors_of(commission(status=CommissionStatus.DELIVERED))


def test_a_published_commission_needs_a_published_report(home_page):
    saved = commission(status=CommissionStatus.DELIVERED, delivered_on=datetime.date(2025, 11, 20))
    saved.save()
    saved.status = CommissionStatus.PUBLISHED
    assert "status" in errors_of(saved)
    report = ResearchReportPageFactory(
        title="Unge i distrikta", institution="Testforsking AS", abstract="Samandrag.", commission=saved
    )
    saved.full_clean()
    assert saved.deliverables() == [report.specific]


def test_the_report_page_names_its_commission(home_page, client):
    saved = commission(status=CommissionStatus.DELIVERED, delivered_on=datetime.date(2025, 11, 20))
    saved.save()
    report = ResearchReportPageFactory(
        title="Unge i distrikta", institution="Testforsking AS", abstract="Samandrag.", commission=saved
    )
    html = client.get(report.url).content.decode()
    assert "Kva held folk i distrikta?" in html
    assert "Kvifor blir unge buande i små kommunar?" in html


def test_ongoing_and_completed_are_told_apart():
    commission(title="I gang").save()
    commission(
        title="Levert", status=CommissionStatus.DELIVERED, delivered_on=datetime.date(2025, 6, 1)
    ).save()
    commission(title="Avlyst", status=CommissionStatus.CANCELLED).save()
    assert [item.title for item in ResearchCommission.objects.ongoing()] == ["I gang"]
    assert [item.title for item in ResearchCommission.objects.completed()] == ["Levert"]
    assert ResearchCommission.objects.delivered_in(2025).count() == 1


def test_editors_add_a_commission_in_the_admin_and_get_messages_on_bad_input(editor_client):
    url = "/admin/snippets/knowledge/researchcommission/add/"
    assert editor_client.get(url).status_code == 200
    data = {
        "title": "Bustader i distrikta",
        "question": "Kva hindrar bustadbygging?",
        "institution": "Testforsking AS",
        "institution_organisation_number": VALID_ORGANISATION_NUMBER,
        "budget": "-5",
        "ordered_on": "2025-03-01",
        "due_on": "2025-10-01",
        "delivered_on": "2025-02-01",
        "status": "delivered",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oppdraget kan ikkje vere levert før det vart bestilt." in html
    assert "Bustader i distrikta" in html  # what was typed is kept
    assert not ResearchCommission.objects.exists()
    data.update(budget="300000", delivered_on="2025-09-15")
    assert editor_client.post(url, data).status_code == 302
    assert ResearchCommission.objects.get().budget == 300000


def test_the_responsible_person_is_reminded_once_before_the_due_date(django_capture_on_commit_callbacks):
    from distrikt.core.models import OutboxMessage
    from distrikt.knowledge.research_reminders import send_research_due_reminders
    from distrikt.organisation.factories import PersonFactory

    person = PersonFactory(email="ansvarleg@example.org")
    saved = commission(responsible=person, due_on=datetime.date(2025, 12, 1))
    saved.save()
    commission(title="Utan ansvarleg", due_on=datetime.date(2025, 12, 1)).save()
    assert send_research_due_reminders(datetime.date(2025, 11, 1)) == 0  # 30 days before: too early
    with django_capture_on_commit_callbacks(execute=True):
        assert send_research_due_reminders(datetime.date(2025, 11, 20)) == 1
    assert OutboxMessage.objects.get().to == ["ansvarleg@example.org"]
    assert send_research_due_reminders(datetime.date(2025, 11, 21)) == 0
    saved.due_on = datetime.date(2026, 1, 10)  # a new due date gets a new reminder
    saved.save()
    assert send_research_due_reminders(datetime.date(2026, 1, 1)) == 1
    saved.status = CommissionStatus.DELIVERED
    saved.delivered_on = datetime.date(2026, 1, 5)
    saved.due_on = datetime.date(2026, 1, 20)
    saved.save()
    assert send_research_due_reminders(datetime.date(2026, 1, 15)) == 0  # delivered: no reminder


def test_the_public_register_lists_ongoing_and_completed_research_with_counts_and_excel(home_page, client):
    import io

    from openpyxl import load_workbook

    from distrikt.knowledge.factories import KnowledgeIndexPageFactory
    from distrikt.organisation.factories import KnowledgeAreaFactory

    index = KnowledgeIndexPageFactory()
    area = KnowledgeAreaFactory(slug="bustad", name="Bustad")
    ongoing = commission(title="Bustader i distrikta")
    ongoing.save()
    ongoing.themes.add(area)
    done = commission(
        title="Levert rapport", status=CommissionStatus.DELIVERED, delivered_on=datetime.date(2025, 9, 1)
    )
    done.save()
    commission(title="Berre planlagt", status=CommissionStatus.PLANNED, ordered_on=None, due_on=None).save()
    ResearchReportPageFactory(title="Rapporten", abstract="Samandrag.", commission=done)
    response = client.get(index.url + "fou-oppdrag/")
    assert response.status_code == 200
    overview = response.context["overview"]
    assert [item.title for item in overview.ongoing] == ["Bustader i distrikta"]
    assert [item.title for item in overview.completed] == ["Levert rapport"]
    assert overview.by_year == [(2025, 2, 1)]
    assert overview.by_theme == [("Bustad", 1)]
    html = response.content.decode()
    assert "Berre planlagt" not in html
    assert "Rapporten" in html
    download = client.get(index.url + "fou-oppdrag/last-ned/")
    assert "fou-oppdrag.xlsx" in download["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(download.content))
    titles = [row[0] for row in workbook["FoU-oppdrag"].iter_rows(min_row=2, values_only=True)]
    assert titles == ["Bustader i distrikta", "Levert rapport"]
