"""The annual-report figures: counts by type, theme, written standard, county, class; Merkur; research."""

import datetime
import importlib
import io
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from distrikt.briefs.annual import annual_figures
from distrikt.events.factories import RegistrationFactory
from distrikt.knowledge.factories import ArticlePageFactory
from distrikt.knowledge.models import CommissionStatus, ResearchCommission
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import ApplicationStatus, SupportScheme

pytestmark = pytest.mark.django_db


def table(figures, title):
    found = next(item for item in figures.tables if item.title == title)
    return {row[0]: list(row[1:]) for row in found.rows}


@pytest.fixture
def year_data(county_data):
    ArticlePageFactory(title="Artikkel på bokmål", language="nb", date=datetime.date(2025, 9, 1))
    ArticlePageFactory(title="Artikkel frå i fjor", date=datetime.date(2024, 9, 1))
    RegistrationFactory(event=county_data["event"], municipality=county_data["coast"])
    ResearchCommission.objects.create(
        title="Levert",
        question="?",
        institution="Testforsking AS",
        budget=Decimal(200000),
        ordered_on=datetime.date(2024, 10, 1),
        delivered_on=datetime.date(2025, 5, 1),
        status=CommissionStatus.DELIVERED,
    )
    ResearchCommission.objects.create(
        title="Ny",
        question="?",
        institution="Testforsking AS",
        budget=Decimal(100000),
        ordered_on=datetime.date(2025, 2, 1),
        status=CommissionStatus.IN_PROGRESS,
    )
    return county_data


def test_knowledge_products_are_counted_by_type_and_written_standard(year_data):
    figures = annual_figures(2025)
    by_type = table(figures, "Kunnskapsprodukt etter type")
    assert by_type["Artikkel"] == [3]  # three articles dated 2025; the one from 2024 is left out
    assert by_type["Totalt"] == [3]
    language = table(figures, "Målform")
    assert language["Nynorsk"][:2] == [2, 66.7]
    assert language["Bokmål"][:2] == [1, 33.3]


def test_events_and_participants_are_counted_by_county_and_centrality_class(year_data):
    figures = annual_figures(2025)
    by_kind = table(figures, "Arrangement etter type")
    assert by_kind["Konferanse"] == [1, 3]
    by_county = table(figures, "Arrangement og deltakarar etter fylke")
    assert by_county["Prøvefylke"] == [1, 1]
    assert by_county["Ukjend kommune eller på nett"] == [0, 2]
    by_class = table(figures, "Deltakarar etter sentralitetsklassen til kommunen deira")
    assert by_class["3"] == [1]
    assert by_class["Ukjend"] == [2]


def test_merkur_and_research_figures(year_data):
    figures = annual_figures(2025)
    merkur = table(figures, "Merkur")
    assert merkur["Butikkar i programmet ved utgangen av året"] == [1]
    assert merkur["Butikkar med demodata blant dei"] == [1]
    research = table(figures, "FoU-oppdrag")
    assert research["Bestilte i året"] == [1, 100000]
    assert research["Leverte i året"] == [1, 200000]
    assert research["Under arbeid no"] == [1, None]


def test_merkur_grants_are_counted_for_the_application_year(year_data):
    importlib.import_module("distrikt.merkur.migrations.0005_load_published_schemes").load_schemes(apps, None)
    development = SupportScheme.objects.get(slug="utviklingsstotte")
    submitted = timezone.make_aware(datetime.datetime(2025, 3, 1, 12))
    decided = timezone.make_aware(datetime.datetime(2025, 3, 20, 12))
    S = ApplicationStatus
    for year, status, amount, paid in (
        (2025, S.PARTIALLY_PAID, 200_000, 50_000),
        (2025, S.REFUSED, None, 0),
        (2025, S.UNDER_ASSESSMENT, None, 0),
        (2024, S.GRANTED, 100_000, 0),  # another year
    ):
        ApplicationFactory(
            year=year,
            status=status,
            submitted_at=submitted,
            decided_at=decided if status != S.UNDER_ASSESSMENT else None,
            granted_amount=amount,
            paid_amount=paid,
        )
    ApplicationFactory(year=2025, scheme=development, status=S.DRAFT)  # never submitted: not counted
    grants = table(annual_figures(2025), "Merkur-tilskot for søknadsåret")
    assert grants["Investeringsstøtte"] == [3, 1, 1, 200_000, 50_000]
    assert grants["Utviklingsstøtte"] == [0, 0, 0, 0, 0]
    assert grants["Totalt"] == [3, 1, 1, 200_000, 50_000]
    assert "Tala tek med 3 demosaker: dei er ikkje ekte." in grants
    assert "Tilskot (kjem når tilskotsmodulen er på plass)" not in table(annual_figures(2025), "Merkur")


def test_the_admin_page_shows_the_figures_and_exports_them(year_data, editor_client):
    response = editor_client.get("/admin/arsrapport/?year=2025")
    assert response.status_code == 200
    assert "Kunnskapsprodukt etter type" in response.content.decode()
    download = editor_client.get("/admin/arsrapport/?year=2025&format=xlsx")
    workbook = load_workbook(io.BytesIO(download.content))
    assert "FoU-oppdrag" in workbook.sheetnames
    assert "Merkur-tilskot for søknadsåret" in workbook.sheetnames
    assert editor_client.get("/admin/arsrapport/?year=99999999999").status_code == 400
