"""Load the 2024 municipality register (data/kommunar/kommunar_2024.csv) idempotently."""

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from ..models import County, Municipality

STRUCTURE_2024_START = date(2024, 1, 1)

LANGUAGE_CODES = {
    "Norwegian": "no",
    "Northern Sami": "se",
    "Lule Sami": "smj",
    "Southern Sami": "sma",
    "Kven": "fkv",
    "Kven Finnish": "fkv",
    "Finnish": "fkv",
}


def norwegian_slug(text: str) -> str:
    """A slug that keeps Norwegian and Sami letters readable (æ→ae, ø→o, å→a)."""
    for letter, replacement in (
        ("æ", "ae"),
        ("ø", "o"),
        ("å", "a"),
        ("Æ", "Ae"),
        ("Ø", "O"),
        ("Å", "A"),
    ):
        text = text.replace(letter, replacement)
    return slugify(text)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def norwegian_names(path: Path) -> dict[str, str]:
    """The Norwegian name form per 2024 code, for readable addresses."""
    if not path.exists():
        return {}
    return {
        row["kommunenummer_2024"]: row["namn"]
        for row in read_csv(path)
        if row["sprak"] == "Norwegian" and row["vekt_2023_til_2024"] == "1.0"
    }


@transaction.atomic
def load_register_2024(path: Path) -> tuple[int, int]:
    """Create or update the counties and municipalities valid from 2024. Returns their counts."""
    rows = read_csv(path)
    counties: dict[str, County] = {}
    for row in rows:
        code = row["fylkesnummer"]
        if code not in counties:
            counties[code], _ = County.objects.get_or_create(
                code=code,
                valid_from=STRUCTURE_2024_START,
                defaults={
                    "name": row["fylkesnavn_kartverket"] or row["fylkesnavn_ssb"],
                    "slug": norwegian_slug(f"{code}-{row['fylkesnavn_kartverket'].split(' - ')[0]}"),
                },
            )
    norwegian = norwegian_names(path.parent / "kommune_namn_sprak_2023.csv")
    existing = set(
        Municipality.objects.filter(valid_from=STRUCTURE_2024_START).values_list("code", flat=True)
    )
    Municipality.objects.bulk_create(
        [
            Municipality(
                code=row["kommunenummer"],
                valid_from=STRUCTURE_2024_START,
                name=row["kommunenavn_ssb"],
                slug=norwegian_slug(
                    f"{row['kommunenummer']}-"
                    + norwegian.get(
                        row["kommunenummer"],
                        row["kommunenavn_kartverket"].split(" - ")[-1],
                    )
                ),
                county=counties[row["fylkesnummer"]],
            )
            for row in rows
            if row["kommunenummer"] not in existing
        ]
    )
    return len(counties), len(rows)


@transaction.atomic
def load_alternative_names(path: Path) -> int:
    """Store the official name forms (Norwegian, Sami, Kven) of each current municipality.

    Only municipalities whose list is still empty are filled, so edited lists stay.
    """
    names: dict[str, list[dict[str, str]]] = defaultdict(list)
    sami_area: set[str] = set()
    for row in sorted(read_csv(path), key=lambda row: int(row["prioritet"])):
        if row["vekt_2023_til_2024"] != "1.0":
            # The names of a split 2023 unit do not carry over to its successors.
            continue
        code = row["kommunenummer_2024"]
        entry = {
            "name": row["namn"],
            "language": LANGUAGE_CODES.get(row["sprak"], "und"),
        }
        if entry not in names[code]:
            names[code].append(entry)
        if row["samisk_forvaltningsomrade"] == "True":
            sami_area.add(code)
    to_update = [
        municipality
        for municipality in Municipality.objects.current().filter(alternative_names=[])
        if municipality.code in names
    ]
    for municipality in to_update:
        Municipality.objects.filter(pk=municipality.pk).update(
            alternative_names=names[municipality.code],
            is_sami_administrative_area=municipality.code in sami_area,
        )
    return len(to_update)
