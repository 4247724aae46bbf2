"""The grant sections of the Merkur dashboard: who sees what, demo labels, the year filter,
the Excel export, and figures that follow a decision or a payment at once."""

import datetime
import io

from django.utils import timezone

import openpyxl
import pytest
from bs4 import BeautifulSoup

from distrikt.merkur import grant_statistics, workflow
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import ApplicationStatus, DecisionOutcome

pytestmark = pytest.mark.django_db

DASHBOARD = "/merkur-register/statistikk/"
EXPORT = "/merkur-register/statistikk/excel/"
ADVISOR_ONLY = "Under handsaming"


def table(html: str, caption: str) -> list[list[str]]:
    """The rows (header row first) of the table with this caption, as cell texts."""
    soup = BeautifulSoup(html, "html.parser")
    found = next(item for item in soup.find_all("table") if item.caption.get_text(strip=True) == caption)
    return [
        [cell.get_text(" ", strip=True).replace("\xa0", " ") for cell in row.find_all(["th", "td"])]
        for row in found.find_all("tr")
    ]


def row(rows: list[list[str]], label: str) -> list[str]:
    return next(cells[1:] for cells in rows if cells[0] == label)


def sheet(response, title: str) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return list(workbook[title].iter_rows(values_only=True))


def test_the_public_sees_decided_grants_only(client, grant_cases):
    html = client.get(DASHBOARD, {"year": 2025}).content.decode()
    counties = table(html, "Tilskot per fylke i 2025")
    assert counties[0] == ["Fylke", "Innvilga tilskot", "Innvilga (kr)", "Utbetalt (kr)"]
    assert row(counties, "Sørfylke") == ["1", "400 000", "100 000"]
    assert row(table(html, "Tilskot per søknadsår"), "2024") == ["2", "350 000", "300 000"]
    assert ADVISOR_ONLY not in html
    assert "Demotal" not in html and ">Demo</span>" not in html


def test_advisors_see_applications_pending_and_refused_cases(client, advisor, grant_cases):
    client.force_login(advisor)
    response = client.get(DASHBOARD, {"year": 2025})
    html = response.content.decode()
    counties = table(html, "Tilskot per fylke i 2025")
    assert counties[0][1:4] == ["Søknader", ADVISOR_ONLY, "Avslått"]
    assert row(counties, "Sørfylke") == ["2", "1", "0", "1", "400 000", "100 000"]
    assert row(table(html, "Tilskot per søknadsår"), "2024") == ["2", "0", "1", "2", "350 000", "300 000"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_merchant_sees_what_the_public_sees(client, merchant, grant_cases):
    client.force_login(merchant)
    assert ADVISOR_ONLY not in client.get(DASHBOARD, {"year": 2025}).content.decode()


def test_the_page_cache_never_hands_the_advisor_view_to_the_public(client, advisor, grant_cases):
    anonymous = client.get(DASHBOARD).content.decode()
    client.force_login(advisor)
    assert ADVISOR_ONLY in client.get(DASHBOARD).content.decode()
    client.logout()
    client.cookies.clear()
    assert client.get(DASHBOARD).content.decode() == anonymous


def test_budget_use_and_processing_times_are_shown_with_their_tables(client, grant_cases):
    html = client.get(DASHBOARD, {"year": 2025}).content.decode()
    budget = table(html, "Del av budsjettet som er bunde i 2025 (prosent)")
    assert row(budget, "Investeringsstøtte") == ["1 000 000", "400 000", "40,0 %"]
    assert row(budget, "Utviklingsstøtte") == ["Ikkje sett budsjett", "0", "–"]
    processing = table(html, "Median handsamingstid per søknadsår (dagar)")
    assert row(processing, "2024") == ["10,0"]
    assert row(processing, "2025") == ["20,0"]
    assert row(table(html, "Median handsamingstid per ordning i 2025 (dagar)"), "Investeringsstøtte") == [
        "20,0"
    ]
    for chart in ("year", "scheme", "county", "budget", "processing"):
        assert f'aria-labelledby="grants-{chart}-title"' in html


def test_the_year_filter_chooses_the_year_and_defaults_to_the_latest(client, grant_cases):
    html = client.get(DASHBOARD).content.decode()
    assert "Tilskot per fylke i 2025" in html
    older = client.get(DASHBOARD, {"year": "2024"}).content.decode()
    # In 2024 the south got only the grant given on appeal.
    assert row(table(older, "Tilskot per fylke i 2024"), "Sørfylke") == ["1", "50 000", "0"]
    assert 'href="/merkur-register/statistikk/excel/?year=2024"' in older


@pytest.mark.parametrize("typed", ["1999", "tjuetjuefem"])
def test_a_wrong_year_gets_a_message_and_the_latest_figures(client, grant_cases, typed):
    response = client.get(DASHBOARD, {"year": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Det finst ingen tilskotstal for «{typed}». Vel eit år frå lista." in html
    assert "Tilskot per fylke i 2025" in html
    export = client.get(EXPORT, {"year": typed})
    assert export.status_code == 400
    assert "Det finst ingen tilskotstal" in export.content.decode()


def test_the_public_export_holds_the_public_grant_tables(client, grant_cases):
    response = client.get(EXPORT, {"year": 2025})
    assert response.status_code == 200
    rows = sheet(response, "Tilskot per fylke 2025")
    assert rows[0] == ("Fylke", "Innvilga tilskot", "Innvilga (kr)", "Utbetalt (kr)")
    assert ("Sørfylke", 1, 400_000, 100_000) in rows
    budget = sheet(response, "Budsjettbruk 2025")
    assert ("Investeringsstøtte", 1_000_000, 400_000, 40) in budget
    assert ("Utviklingsstøtte", "Ikkje sett budsjett", 0, None) in budget
    assert (
        "2024",
        10,
    ) in sheet(response, "Handsamingstid per år")
    # The register's own tables are still there.
    assert "Per fylke" in openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames


def test_the_advisor_export_holds_every_count_and_is_never_stored(client, advisor, grant_cases):
    client.force_login(advisor)
    response = client.get(EXPORT, {"year": 2025})
    rows = sheet(response, "Tilskot per fylke 2025")
    assert rows[0][:4] == ("Fylke", "Søknader", ADVISOR_ONLY, "Avslått")
    assert ("Sørfylke", 2, 1, 0, 1, 400_000, 100_000) in rows
    assert ("2024", 7, 2) in sheet(response, "Handsamingstid per år")
    assert "no-store" in response["Cache-Control"]


def test_figures_from_demo_cases_carry_a_demo_label(client, grant_cases):
    ApplicationFactory(
        shop=grant_cases["b1"].shop,
        year=2025,
        status=ApplicationStatus.GRANTED,
        submitted_at=grant_cases["b1"].submitted_at,
        decided_at=grant_cases["b1"].decided_at,
        granted_amount=80_000,
        is_demo=True,
    )
    html = client.get(DASHBOARD, {"year": 2025}).content.decode()
    assert "Demotal: 1 av sakene som tilskotstala byggjer på, er laga for demonstrasjon." in html
    assert row(table(html, "Tilskot per fylke i 2025"), "Nordfylke Demo") == ["3", "380 000", "50 000"]
    assert row(table(html, "Tilskot per fylke i 2025"), "Sørfylke") == ["1", "400 000", "100 000"]
    rows = sheet(client.get(EXPORT, {"year": 2025}), "Tilskot per fylke 2025")
    assert rows[0][-1] == "Av dette demosaker (ikkje ekte)"
    assert ("Nordfylke", 3, 380_000, 50_000, 1) in rows
    assert rows[-1][0] == "Demodata: 1 av sakene bak tala er laga for demonstrasjon. Tala er ikkje ekte."


def test_a_decision_and_a_payment_update_the_figures_at_once(client, own_shop, merchant, advisor):
    year = timezone.localdate().year
    application = ApplicationFactory(shop=own_shop, year=year, is_demo=False)
    before = grant_statistics.cached_grant_statistics(year, is_full=False)
    assert before.year_row is None
    page_before = client.get(DASHBOARD).content.decode()
    assert "Det er ikkje gjort vedtak om tilskot enno." in page_before

    workflow.submit_application(application, merchant)
    workflow.assign_case_officer(application, advisor, advisor)
    assert grant_statistics.cached_grant_statistics(year, is_full=True).year_row.pending == 1
    workflow.record_decision(
        application,
        advisor,
        workflow.DecisionInput(
            outcome=DecisionOutcome.GRANT,
            justification="Butikken oppfyller vilkåra.",
            amount=200_000,
            use_deadline=datetime.date(year + 1, 12, 1),
        ),
    )
    granted = grant_statistics.cached_grant_statistics(year, is_full=False).year_row
    assert (granted.granted, granted.granted_sum, granted.paid_sum) == (1, 200_000, 0)
    assert row(table(client.get(DASHBOARD).content.decode(), "Tilskot per søknadsår"), str(year)) == [
        "1",
        "200 000",
        "0",
    ]

    workflow.register_payment(application, advisor, 50_000)
    paid = grant_statistics.cached_grant_statistics(year, is_full=False).year_row
    assert paid.paid_sum == 50_000
    assert (
        row(table(client.get(DASHBOARD).content.decode(), "Tilskot per søknadsår"), str(year))[-1] == "50 000"
    )
