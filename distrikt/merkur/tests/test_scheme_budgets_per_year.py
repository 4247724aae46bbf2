"""Each scheme has a budget per year (edited inline in the scheme's admin); budget use on the
dashboard reads the budget of the year asked for, and no budget for a year means none is set."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.admin.panels import get_edit_handler

import pytest

from distrikt.merkur import grant_statistics
from distrikt.merkur.models import SchemeBudget, SupportScheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def investment():
    scheme = SupportScheme.objects.get(slug="investeringsstotte")
    scheme.budgets.all().delete()
    return scheme


def test_budget_use_reads_the_budget_of_the_year_asked_for(grant_cases):
    investment = SupportScheme.objects.get(slug="investeringsstotte")
    SchemeBudget.objects.create(scheme=investment, year=2024, amount=600_000)
    rows_2024 = {row.scheme: row for row in grant_statistics.budget_use(2024)}
    rows_2025 = {row.scheme: row for row in grant_statistics.budget_use(2025)}
    # 2024: a1 granted 300,000 of 600,000; 2025: 400,000 of 1,000,000 (see grant_cases).
    assert (rows_2024["Investeringsstøtte"].budget, rows_2024["Investeringsstøtte"].percent) == (
        600_000,
        50.0,
    )
    assert (rows_2025["Investeringsstøtte"].budget, rows_2025["Investeringsstøtte"].percent) == (
        1_000_000,
        40.0,
    )


def test_a_year_without_a_budget_has_no_budget_and_no_share(grant_cases):
    rows = {row.scheme: row for row in grant_statistics.budget_use(2024)}
    investment = rows["Investeringsstøtte"]
    assert (investment.budget, investment.committed, investment.percent) == (None, 300_000, None)
    assert grant_statistics.budget_chart_rows(rows.values()) == []


def test_budget_for_returns_the_years_amount_or_none(investment):
    SchemeBudget.objects.create(scheme=investment, year=2026, amount=5_000_000)
    assert investment.budget_for(2026) == 5_000_000
    assert investment.budget_for(2027) is None


def test_one_budget_per_scheme_and_year_and_never_negative(investment):
    SchemeBudget.objects.create(scheme=investment, year=2026, amount=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        SchemeBudget.objects.create(scheme=investment, year=2026, amount=2)
    with pytest.raises(ValidationError):
        SchemeBudget(scheme=investment, year=1999, amount=0).full_clean()
    SchemeBudget(scheme=investment, year=2027, amount=0).full_clean()


def _form_data(form) -> dict:
    """What the admin's edit page would post back unchanged: fields and every inline."""

    def put(data: dict, name: str, value) -> None:
        if value is True:
            data[name] = "on"
        elif value is not None and value is not False:
            data[name] = str(value)

    data: dict = {}
    for name in form.fields:
        put(data, form.add_prefix(name), form[name].value())
    for formset in form.formsets.values():
        for name in formset.management_form.fields:
            put(data, formset.management_form.add_prefix(name), formset.management_form[name].value())
        for child in formset.forms:
            for name in child.fields:
                put(data, child.add_prefix(name), child[name].value())
    return data


def _with_budget_rows(data: dict, rows: list[tuple[str, str]]) -> dict:
    data = dict(data, **{"budgets-TOTAL_FORMS": str(len(rows)), "budgets-INITIAL_FORMS": "0"})
    for index, (year, amount) in enumerate(rows):
        data.update({f"budgets-{index}-year": year, f"budgets-{index}-amount": amount})
        data[f"budgets-{index}-ORDER"] = str(index + 1)
    return data


def test_the_admin_edits_budgets_inline_and_refuses_two_for_the_same_year(editor_client, editor, investment):
    page = editor_client.get(f"/admin/snippets/merkur/supportscheme/edit/{investment.pk}/")
    assert page.status_code == 200
    assert 'name="budgets-TOTAL_FORMS"' in page.content.decode()
    form_class = get_edit_handler(SupportScheme).get_form_class()
    data = _form_data(form_class(instance=investment, for_user=editor))

    duplicate = form_class(
        _with_budget_rows(data, [("2026", "4000000"), ("2026", "5000000")]),
        instance=investment,
        for_user=editor,
    )
    assert not duplicate.is_valid()
    negative = form_class(_with_budget_rows(data, [("2026", "-1")]), instance=investment, for_user=editor)
    assert not negative.is_valid()

    response = editor_client.post(
        f"/admin/snippets/merkur/supportscheme/edit/{investment.pk}/",
        _with_budget_rows(data, [("2026", "4000000"), ("2027", "4500000")]),
    )
    assert response.status_code == 302
    assert list(investment.budgets.order_by("year").values_list("year", "amount")) == [
        (2026, 4_000_000),
        (2027, 4_500_000),
    ]


@pytest.mark.django_db(transaction=True)
def test_the_migration_copies_the_single_budget_into_this_years_row():
    executor = MigrationExecutor(connection)
    before = [("merkur", "0012_add_merchant_profile_for_idporten_login")]
    latest = executor.loader.graph.leaf_nodes("merkur")
    try:
        executor.migrate(before)
        old_apps = executor.loader.project_state(before).apps
        OldScheme = old_apps.get_model("merkur", "SupportScheme")
        OldScheme.objects.filter(slug="investeringsstotte").update(yearly_budget=7_000_000)
        OldScheme.objects.exclude(slug="investeringsstotte").update(yearly_budget=None)
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    finally:
        MigrationExecutor(connection).migrate(latest)
    year = timezone.localdate().year
    assert list(SchemeBudget.objects.values_list("scheme__slug", "year", "amount")) == [
        ("investeringsstotte", year, 7_000_000)
    ]
