"""Shop imports run as background jobs: the request only checks the upload, the job page
shows progress and then the report, and a job saves all its rows or none."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from distrikt.merkur import importers
from distrikt.merkur.factories import valid_organisation_number
from distrikt.merkur.forms import ShopForm
from distrikt.merkur.models import ImportJob, ImportJobStatus, Shop
from distrikt.merkur.services import start_shop_import
from distrikt.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

HEADER = "namn,organisasjonsnummer,kommunenummer"


@pytest.fixture
def municipality():
    return MunicipalityFactory(code="9101", name="Importvik")


@pytest.fixture
def other_advisor(django_user_model, advisor):
    user = django_user_model.objects.create_user("radgivar2", password="passord-for-test")
    user.groups.set(advisor.groups.all())
    return user


def shop_csv(count: int, *extra: str) -> bytes:
    lines = [f"Butikk {n} (demo),{valid_organisation_number(n)},9101" for n in range(1, count + 1)]
    return "\n".join([HEADER, *lines, *extra]).encode()


def upload(content: bytes, name: str = "butikkar.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "text/csv")


def test_an_upload_starts_a_job_and_its_page_shows_the_result(
    client, municipality, advisor, django_capture_on_commit_callbacks
):
    client.force_login(advisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/merkur-register/import/", {"file": upload(shop_csv(3))})
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/merkur-register/import/{job.pk}/"
    job.refresh_from_db()
    assert (job.status, job.rows_total, job.rows_done, job.imported) == (ImportJobStatus.DONE, 3, 3, 3)
    assert job.content == b""
    content = client.get(response["Location"]).content.decode()
    assert "3 butikkar er importerte." in content
    assert 'http-equiv="refresh"' not in content
    assert Shop.objects.count() == 3


def test_a_running_job_shows_progress_and_refreshes_itself(client, advisor):
    job = ImportJob.objects.create(
        created_by=advisor,
        file_name="stor.csv",
        content=b"",
        status=ImportJobStatus.RUNNING,
        rows_total=2000,
        rows_done=500,
    )
    client.force_login(advisor)
    content = client.get(f"/merkur-register/import/{job.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in content
    assert "500 av 2000 rader er kontrollerte." in content
    assert 'max="2000" value="500"' in content


def test_only_advisors_see_an_import_job(client, advisor, other_advisor, merchant):
    job = start_shop_import(advisor, "butikkar.csv", b"namn\n")
    url = f"/merkur-register/import/{job.pk}/"
    client.force_login(merchant)
    assert client.get(url).status_code == 404
    client.force_login(other_advisor)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


def test_a_job_with_a_bad_row_saves_nothing_and_reports_the_row(
    municipality, advisor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_shop_import(advisor, "butikkar.csv", shop_csv(2, "Feil (demo),123,9101"))
    job.refresh_from_db()
    assert job.status == ImportJobStatus.FAILED
    assert not Shop.objects.exists()
    (error,) = job.report["errors"]
    assert error["row_number"] == 4
    assert job.report["valid_rows"] == 2


def test_a_job_that_breaks_while_saving_leaves_nothing(
    municipality, advisor, monkeypatch, django_capture_on_commit_callbacks
):
    saved = []
    original_save = ShopForm.save

    def save_then_break(self, *args, **kwargs):
        if saved:
            raise RuntimeError("the disk is full")
        saved.append(original_save(self, *args, **kwargs))
        return saved[-1]

    monkeypatch.setattr(ShopForm, "save", save_then_break)
    job = start_shop_import(advisor, "butikkar.csv", shop_csv(3))
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        importers.run_import_job(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJobStatus.FAILED
    assert "Ingenting er lagra" in job.report["file_errors"][0]
    assert not Shop.objects.exists()


def test_progress_is_reported_while_rows_are_checked(municipality, advisor, monkeypatch):
    monkeypatch.setattr(importers, "PROGRESS_EVERY", 2)
    seen = []
    rows = importers.read_rows("butikkar.csv", shop_csv(5))
    importers.validate_rows(rows, progress=seen.append)
    assert seen == [2, 4]


def test_a_merchant_cannot_start_an_import(merchant):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        start_shop_import(merchant, "butikkar.csv", shop_csv(1))
