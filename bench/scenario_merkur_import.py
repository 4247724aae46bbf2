"""Merkur shop import as a background job: how long the upload request takes (check the
file, store the job, enqueue) and how long the job takes, for 2,000 and 12,000 rows.

    .venv/bin/python bench/scenario_merkur_import.py [--sizes 2000,12000] [--request-only]

Runs on a fresh SQLite database with the bundled municipalities (or DATABASE_URL), with
the database task backend, as in production; the job is run the way the worker runs it.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import PYTHON, ROOT

SIZES = (2_000, 12_000)


def prepare(env: dict[str, str]) -> None:
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_bundled_data"]):
        subprocess.run(
            [str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def shop_file(rows: int, first: int, codes: list[str]) -> bytes:
    from distrikt.merkur.factories import valid_organisation_number

    lines = ["namn;organisasjonsnummer;kommunenummer;breiddegrad;lengdegrad;medlem_sidan;tilsette"]
    number = first
    for row in range(rows):
        number = int(valid_organisation_number(number + 1)[1:8])
        lines.append(
            f"Benchbutikk {first + row} (demo);{valid_organisation_number(number)};{codes[row % len(codes)]};"
            f"63,{row % 90:02d};10,{row % 80:02d};01.05.2019;{row % 12}"
        )
    return "\n".join(lines).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES))
    parser.add_argument("--request-only", action="store_true", help="time the upload request, not the job")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="distrikt-import-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "distrikt.settings.dev",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
        "TASKS_BACKEND": "database",
        "LOG_LEVEL": "ERROR",
    }
    prepare(env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile

    from distrikt.merkur.forms import ShopImportForm
    from distrikt.merkur.importers import run_import_job
    from distrikt.merkur.models import ADVISOR_GROUP_NAME, ImportJob, Shop
    from distrikt.merkur.services import start_shop_import
    from distrikt.municipalities.models import Municipality

    advisor = get_user_model().objects.create_user("bench-radgivar")
    advisor.groups.add(Group.objects.get_or_create(name=ADVISOR_GROUP_NAME)[0])
    codes = list(Municipality.objects.current().values_list("code", flat=True))
    first = 0
    print("Merkur import (rows, file size, upload request, background job, shops saved)")
    for size in sizes:
        content = shop_file(size, first, codes)
        first += size * 2
        started = time.perf_counter()
        form = ShopImportForm({}, {"file": SimpleUploadedFile("butikkar.csv", content, "text/csv")})
        if not form.is_valid():
            raise SystemExit(f"the upload was refused: {form.errors}")
        upload = form.cleaned_data["file"]
        job = start_shop_import(advisor, upload.name, upload.read())
        request_seconds = time.perf_counter() - started
        if arguments.request_only:
            print(
                f"  {size:>6} rows  {len(content) / 1024:7.0f} KB  request {request_seconds * 1000:6.0f} ms"
            )
            continue
        before = Shop.objects.count()
        started = time.perf_counter()
        run_import_job(job.pk)
        job_seconds = time.perf_counter() - started
        job = ImportJob.objects.get(pk=job.pk)
        saved = Shop.objects.count() - before
        print(
            f"  {size:>6} rows  {len(content) / 1024:7.0f} KB  request {request_seconds * 1000:6.0f} ms  "
            f"job {job_seconds:6.1f} s ({size / job_seconds:5.0f} rows/s)  status {job.status}, saved {saved}"
        )
        if saved != size:
            raise SystemExit(f"expected {size} shops, saved {saved}: {job.report}")


if __name__ == "__main__":
    main()
