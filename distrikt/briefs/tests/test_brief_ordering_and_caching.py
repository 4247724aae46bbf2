"""Ordering a brief: who may, the background generation with progress, reuse by data version."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

import pytest

from distrikt.briefs.models import Brief, BriefStatus
from distrikt.briefs.services import UnknownAreaError, request_brief
from distrikt.core.derived import bump_datasets

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def order(user, capture, **kwargs):
    with capture(execute=True):
        brief = request_brief(user, "county", "77", year_from=2024, year_to=2025, **kwargs)
    brief.refresh_from_db()
    return brief


def test_a_user_without_the_permission_cannot_order(county_data, django_user_model):
    user = django_user_model.objects.create_user("vanleg", "vanleg@example.org", "passord-123")
    with pytest.raises(PermissionDenied):
        request_brief(user, "county", "77")


def test_the_migration_gives_the_ministry_group_the_permission(ministry_group):
    assert ministry_group.permissions.filter(codename="request_brief").exists()


def test_the_task_generates_both_files_and_finishes_at_100_percent(
    county_data, ministry_user, django_capture_on_commit_callbacks
):
    brief = order(ministry_user, django_capture_on_commit_callbacks)
    assert brief.status == BriefStatus.DONE
    assert brief.progress == 100
    assert brief.language == "nn"
    assert brief.has_data
    assert brief.word_count > 100
    with brief.pdf.open("rb") as handle:
        assert "Prøvefylke" in pdf_text(handle.read())
    with brief.workbook.open("rb") as handle:
        assert handle.read(2) == b"PK"


def test_progress_is_written_before_the_work_ends(county_data, ministry_user, monkeypatch):
    seen = []
    from distrikt.briefs import generation

    original = generation.brief_html

    def spy(content):
        seen.append(Brief.objects.values_list("status", "progress").get())
        return original(content)

    monkeypatch.setattr(generation, "brief_html", spy)
    brief = request_brief(ministry_user, "county", "77", year_from=2024, year_to=2025)
    assert Brief.objects.get(pk=brief.pk).status == BriefStatus.QUEUED  # the task runs after commit
    generation.generate_brief(brief.pk)
    assert seen == [(BriefStatus.RUNNING, 50)]


def test_the_same_order_on_the_same_data_reuses_the_brief(
    county_data, ministry_user, django_capture_on_commit_callbacks
):
    first = order(ministry_user, django_capture_on_commit_callbacks)
    second = order(ministry_user, django_capture_on_commit_callbacks)
    assert second.pk == first.pk
    assert Brief.objects.count() == 1
    other_language = order(ministry_user, django_capture_on_commit_callbacks, language="nb")
    assert other_language.pk != first.pk


def test_new_data_makes_a_new_brief(county_data, ministry_user, django_capture_on_commit_callbacks):
    first = order(ministry_user, django_capture_on_commit_callbacks)
    bump_datasets("merkur-register")
    second = order(ministry_user, django_capture_on_commit_callbacks)
    assert second.pk != first.pk
    assert second.data_version != first.data_version


def test_an_unknown_area_or_a_reversed_period_is_refused(county_data, ministry_user):
    with pytest.raises(UnknownAreaError):
        request_brief(ministry_user, "county", "99")
    with pytest.raises(ValueError):
        request_brief(ministry_user, "county", "77", year_from=2025, year_to=2024)


def test_the_county_page_links_to_the_order_form(county_data, client):
    response = client.get("/fylke/provefylke/")
    assert "/kunnskapsgrunnlag/bestill/?omrade=county:77" in response.content.decode()


def test_the_public_order_form_asks_anonymous_users_to_log_in(county_data, client):
    response = client.get("/kunnskapsgrunnlag/bestill/?omrade=county:77")
    assert response.status_code == 200
    assert "Logg inn" in response.content.decode()
    assert client.post("/kunnskapsgrunnlag/bestill/", {"area": "county:77"}).status_code == 200
    assert not Brief.objects.exists()


def test_a_ministry_user_orders_from_the_public_page_and_sees_progress(
    county_data, ministry_user, client, django_capture_on_commit_callbacks
):
    client.force_login(ministry_user)
    form = client.get("/kunnskapsgrunnlag/bestill/?omrade=county:77")
    assert 'value="county:77" selected' in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/kunnskapsgrunnlag/bestill/",
            {"area": "county:77", "language": "nb", "year_from": 2024, "year_to": 2025},
        )
    brief = Brief.objects.get()
    assert response.url == brief.get_absolute_url()
    detail = client.get(brief.get_absolute_url()).content.decode()
    assert reverse("briefs:download", args=[brief.pk, "pdf"]) in detail
    download = client.get(reverse("briefs:download", args=[brief.pk, "xlsx"]))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    listing = client.get("/kunnskapsgrunnlag/").content.decode()
    assert "Prøvefylke" in listing


def test_bad_input_keeps_the_form_with_a_message(county_data, ministry_user, client):
    client.force_login(ministry_user)
    response = client.post(
        "/kunnskapsgrunnlag/bestill/",
        {"area": "county:77", "language": "nn", "year_from": 2025, "year_to": 2024},
    )
    assert response.status_code == 400
    assert "«Til år» kan ikkje vere før «frå år»." in response.content.decode()
    response = client.post(
        "/kunnskapsgrunnlag/bestill/",
        {"area": "county:77", "language": "nn", "year_from": 2024, "year_to": 99999999999},
    )
    assert response.status_code == 400
    assert not Brief.objects.exists()


def test_the_admin_page_orders_and_lists_briefs(
    county_data, ministry_user, client, django_capture_on_commit_callbacks
):
    client.force_login(ministry_user)
    assert client.get("/admin/kunnskapsgrunnlag/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/kunnskapsgrunnlag/",
            {"area": "country:", "language": "nn", "year_from": 2024, "year_to": 2025},
        )
    assert response.status_code == 302
    brief = Brief.objects.get()
    assert brief.area_kind == "country"
    assert brief.status == BriefStatus.DONE
    assert "Heile landet" in client.get("/admin/kunnskapsgrunnlag/").content.decode()


def test_the_admin_page_is_closed_to_admin_users_without_the_permission(
    county_data, client, django_user_model
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("arrangor", "arrangor@example.org", "passord-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/kunnskapsgrunnlag/").status_code in (302, 403)


def test_a_missing_brief_or_format_is_404(db, client):
    assert client.get("/kunnskapsgrunnlag/123/").status_code == 404
    assert client.get("/kunnskapsgrunnlag/123/last-ned.pdf").status_code == 404
    assert client.get("/kunnskapsgrunnlag/99999999999999999999/").status_code == 404


def test_a_brief_being_made_shows_progress_and_a_link_but_never_reloads_by_itself(
    county_data, ministry_user, client
):
    client.force_login(ministry_user)
    # The task waits for the commit, which never comes in this test: the brief stays queued.
    client.post(
        "/kunnskapsgrunnlag/bestill/",
        {"area": "county:77", "language": "nn", "year_from": 2024, "year_to": 2025},
    )
    brief = Brief.objects.get()
    assert not brief.is_finished
    detail = client.get(brief.get_absolute_url()).content.decode()
    assert "<progress" in detail
    assert f'href="{brief.get_absolute_url()}"' in detail
    # No reload on a timer the reader cannot stop (WCAG 2.2.1, failure F41).
    assert 'http-equiv="refresh"' not in detail
