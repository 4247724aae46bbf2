"""Grant statistics against the hand-counted cases of the `grant_cases` fixture (conftest).

Run on SQLite and on PostgreSQL: the day counts and medians must be the same on both.
"""

import pytest

from distrikt.merkur import grant_statistics
from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import ApplicationStatus

pytestmark = pytest.mark.django_db


def figures(rows):
    """Rows as {label: (applications, pending, refused, granted, granted sum, paid sum)}."""
    return {
        row.label: (row.applications, row.pending, row.refused, row.granted, row.granted_sum, row.paid_sum)
        for row in rows
    }


def test_applications_and_grants_are_counted_and_summed_by_year(grant_cases):
    rows = figures(grant_statistics.by_year(is_full=True))
    # 2024: the appeal is no new application, but its grant is a grant.
    assert rows == {
        "2024": (2, 0, 1, 2, 350_000, 300_000),
        "2025": (4, 1, 0, 3, 700_000, 150_000),
    }


def test_the_public_build_counts_decided_grants_only(grant_cases):
    rows = figures(grant_statistics.by_year(is_full=False))
    assert rows == {
        "2024": (None, None, None, 2, 350_000, 300_000),
        "2025": (None, None, None, 3, 700_000, 150_000),
    }
    assert grant_statistics.grant_years(is_full=False) == [2025, 2024]


def test_grants_are_counted_by_scheme_for_the_year(grant_cases):
    rows = figures(grant_statistics.by_scheme(2025, is_full=True))
    assert rows["Investeringsstøtte"] == (3, 0, 0, 3, 700_000, 150_000)
    assert rows["Utviklingsstøtte"] == (1, 1, 0, 0, 0, 0)
    # Every published scheme has a row, with or without figures.
    assert len(rows) == 5


def test_grants_are_counted_by_county_for_the_year(grant_cases):
    rows = figures(grant_statistics.by_county(2025, is_full=True))
    assert rows["Nordfylke"] == (2, 0, 0, 2, 300_000, 50_000)
    assert rows["Sørfylke"] == (2, 1, 0, 1, 400_000, 100_000)
    public = figures(grant_statistics.by_county(2025, is_full=False))
    assert public["Sørfylke"] == (None, None, None, 1, 400_000, 100_000)


def test_a_county_with_only_a_pending_case_shows_nothing_publicly(grant_cases):
    public = {row.label: row for row in grant_statistics.by_county(2024, is_full=False)}
    full = {row.label: row for row in grant_statistics.by_county(2024, is_full=True)}
    ApplicationFactory(
        shop=grant_cases["a1"].shop,
        year=2024,
        status=ApplicationStatus.SUBMITTED,
        submitted_at=grant_cases["a1"].submitted_at,
        is_demo=False,
    )
    assert {row.label: row for row in grant_statistics.by_county(2024, is_full=False)} == public
    assert {row.label: row for row in grant_statistics.by_county(2024, is_full=True)} != full


def test_budget_use_counts_what_the_grants_bind_against_the_yearly_budget(grant_cases):
    rows = {row.scheme: row for row in grant_statistics.budget_use(2025)}
    investment = rows["Investeringsstøtte"]
    # b1 200,000 + b4 100,000 + of the lapsed b2 only the 100,000 paid.
    assert (investment.budget, investment.committed, investment.percent) == (1_000_000, 400_000, 40.0)
    development = rows["Utviklingsstøtte"]
    assert (development.budget, development.committed, development.percent) == (None, 0, None)
    assert [row.label for row in grant_statistics.budget_chart_rows(rows.values())] == ["Investeringsstøtte"]


def test_a_budget_of_zero_gives_no_share():
    assert grant_statistics.BudgetRow("Ordning", 0, 10_000, 0).percent is None


def test_processing_days_count_local_calendar_days_from_the_first_submission(grant_cases):
    days = {(year, days) for year, _scheme, days, _demo in grant_statistics.processing_days(is_full=True)}
    # b1 is ten days in Norway (nine in UTC); b4 counts from 1 April, not from 20 April.
    assert days == {(2024, 10), (2024, 4), (2025, 10), (2025, 20), (2025, 29)}


def test_median_processing_times_by_year_and_scheme(grant_cases):
    by_year, by_scheme = grant_statistics.processing_times(2025, is_full=True)
    assert [(row.label, row.median_days, row.decided) for row in by_year] == [
        ("2024", 7.0, 2),
        ("2025", 20.0, 3),
    ]
    schemes = {row.label: (row.median_days, row.decided) for row in by_scheme}
    assert schemes["Investeringsstøtte"] == (20.0, 3)
    assert schemes["Utviklingsstøtte"] == (None, 0)


def test_public_processing_times_are_taken_over_grants_without_counts(grant_cases):
    by_year, _by_scheme = grant_statistics.processing_times(2025, is_full=False)
    # 2024: the refusal (4 days) and the appeal are left out; a1 took 10 days.
    assert [(row.label, row.median_days, row.decided) for row in by_year] == [
        ("2024", 10.0, None),
        ("2025", 20.0, None),
    ]


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert grant_statistics.median_days([3, 1, 10, 4]) == 3.5
    assert grant_statistics.median_days([]) is None


def test_the_whole_build_holds_every_section(grant_cases):
    built = grant_statistics.build_grant_statistics(2025, is_full=True)
    assert built.year_row is not None and built.year_row.granted_sum == 700_000
    assert built.demo_cases == 0
    assert built.has_grants
