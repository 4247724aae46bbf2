"""Load the 2024 municipality register (data/kommunar/kommunar_2024.csv) idempotently."""

import csv
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from ..models import County, Municipality

STRUCTURE_2024_START = date(2024, 1, 1)


@transaction.atomic
def load_register_2024(path: Path) -> tuple[int, int]:
    """Create or update the counties and municipalities valid from 2024. Returns their counts."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counties: dict[str, County] = {}
    for row in rows:
        code = row["fylkesnummer"]
        if code not in counties:
            counties[code], _ = County.objects.update_or_create(
                code=code,
                valid_from=STRUCTURE_2024_START,
                defaults={
                    "name": row["fylkesnavn_kartverket"] or row["fylkesnavn_ssb"],
                    "slug": slugify(f"{code}-{row['fylkesnavn_kartverket']}"),
                },
            )
    for row in rows:
        name = row["kommunenavn_ssb"]
        Municipality.objects.update_or_create(
            code=row["kommunenummer"],
            valid_from=STRUCTURE_2024_START,
            defaults={
                "name": name,
                "slug": slugify(f"{row['kommunenummer']}-{row['kommunenavn_kartverket'].split(' - ')[-1]}"),
                "county": counties[row["fylkesnummer"]],
            },
        )
    return len(counties), len(rows)
