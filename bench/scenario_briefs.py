"""Generating a brief: seconds for one county (aim: under 10 s), a region and the whole country.

    .venv/bin/python bench/scenario_briefs.py [--counties 18,46] [--repeat 3]

Runs on a fresh SQLite database with the bundled data and the marked demo content (or
DATABASE_URL), with the database task backend as in production; the generation is run the
way the worker runs it, and the order is then repeated to show the reuse by data version.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lib import PYTHON, ROOT


def prepare(env: dict[str, str]) -> None:
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_bundled_data", "--demo"]):
        subprocess.run(
            [str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counties", default="18,46")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="distrikt-briefs-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "distrikt.settings.dev",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "ERROR",
    }
    prepare(env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from distrikt.briefs.generation import generate_brief
    from distrikt.briefs.models import Brief
    from distrikt.briefs.services import ensure_ministry_group, request_brief
    from distrikt.core.derived import bump_datasets
    from distrikt.municipalities.models import Region

    user = get_user_model().objects.create_user("bench-departement")
    user.groups.add(ensure_ministry_group())
    region = Region.objects.order_by("pk").first()
    areas = [("county", code) for code in arguments.counties.split(",")]
    if region is not None:
        areas.append(("region", region.slug))
    areas.append(("country", ""))
    print("Brief generation (area; first run in this process, then median and max of the rest; file sizes)")
    for kind, key in areas:
        timings = []
        brief = None
        for _run in range(arguments.repeat):
            bump_datasets("events")  # a new data version: a real generation every run
            with transaction.atomic():
                brief = request_brief(user, kind, key, year_from=2024, year_to=2026)
            started = time.perf_counter()
            generate_brief(brief.pk)
            timings.append(time.perf_counter() - started)
        brief = Brief.objects.get(pk=brief.pk)
        started = time.perf_counter()
        with transaction.atomic():
            again = request_brief(user, kind, key, year_from=2024, year_to=2026)
        reuse_ms = (time.perf_counter() - started) * 1000
        print(
            f"  {kind:8} {brief.area_name[:28]:28}  first {timings[0]:5.2f} s  "
            f"median {statistics.median(timings[1:] or timings):5.2f} s  max {max(timings[1:] or timings):5.2f} s  PDF {brief.pdf.size / 1024:6.0f} KB  Excel {brief.workbook.size / 1024:5.0f} KB  "
            f"reuse {reuse_ms:4.0f} ms ({'same brief' if again.pk == brief.pk else 'NEW brief'})"
        )


if __name__ == "__main__":
    main()
