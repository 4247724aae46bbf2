"""Load the history of municipality codes since 1940 (mergers, splits, renumbering).

Each code that is not part of the 2024 structure becomes a Municipality with
valid_from/valid_to, linked to its 2024 successor(s) by Succession rows. The names come
from SSB's transition tables where they are known (codes in use 2013–2023); earlier
codes keep an empty name and are shown by their number.
"""

from collections import defaultdict
from datetime import date
from pathlib import Path

from django.db import transaction

from ..models import County, Municipality, Succession
from .register import norwegian_slug, read_csv

# Counties before the 2020 and 2024 reforms, by code (Klass 104).
FORMER_COUNTY_NAMES = {
    "01": "Østfold",
    "02": "Akershus",
    "04": "Hedmark",
    "05": "Oppland",
    "06": "Buskerud",
    "07": "Vestfold",
    "08": "Telemark",
    "09": "Aust-Agder",
    "10": "Vest-Agder",
    "12": "Hordaland",
    "13": "Bergen",
    "14": "Sogn og Fjordane",
    "16": "Sør-Trøndelag",
    "17": "Nord-Trøndelag",
    "19": "Troms",
    "20": "Finnmark",
    "30": "Viken",
    "38": "Vestfold og Telemark",
    "54": "Troms og Finnmark",
}


def known_names(kommunar_dir: Path) -> dict[str, str]:
    """Names of codes used 2013–2023, newest first."""
    names: dict[str, str] = {}
    for row in read_csv(kommunar_dir / "kommunar_2020_2023_bbox_punkt.csv"):
        names.setdefault(row["kommunenummer_2023"], row["kommunenavn"])
    for row in read_csv(kommunar_dir / "kommunenummer_2013_til_2020_wide.csv"):
        for year in ("2019", "2018", "2017", "2013"):
            code = row[f"kommunenummer_{year}"]
            if code:
                names.setdefault(code, row[f"kommunenavn_{year}"])
    return names


def _county_for(code: str, current_counties: dict[str, County]) -> County:
    county_code = code[:2]
    if county_code in current_counties:
        return current_counties[county_code]
    name = FORMER_COUNTY_NAMES.get(county_code, county_code)
    county, _ = County.objects.get_or_create(
        code=county_code,
        valid_from=None,
        defaults={
            "name": name,
            "slug": norwegian_slug(f"{county_code}-{name}"),
            "valid_to": date(2023, 12, 31) if county_code in {"30", "38", "54"} else date(2019, 12, 31),
        },
    )
    current_counties[county_code] = county
    return county


@transaction.atomic
def load_code_history(kommunar_dir: Path) -> tuple[int, int]:
    """Create former municipalities and their successions. Returns (units, successions)."""
    current = {municipality.code: municipality for municipality in Municipality.objects.current()}
    counties = {county.code: county for county in County.objects.current()}
    names = known_names(kommunar_dir)
    groups: dict[tuple[str, int, int], list[tuple[str, float]]] = defaultdict(list)
    for row in read_csv(kommunar_dir / "kommunenummer_historisk_til_2024.csv"):
        original = row["kommunenummer_original"]
        if original in current:
            continue
        key = (original, int(row["fra_aar"]), int(row["til_aar"]))
        groups[key].append((row["kommunenummer_2024"], float(row["vekt"])))
    former = {
        (municipality.code, municipality.valid_from): municipality
        for municipality in Municipality.objects.filter(valid_to__isnull=False)
    }
    existing_pairs = set(Succession.objects.values_list("predecessor_id", "successor_id"))
    Municipality.objects.bulk_create(
        [
            Municipality(
                code=code,
                name=names.get(code, ""),
                slug=norwegian_slug(f"{code}-{names[code]}") if code in names else code,
                county=_county_for(code, counties),
                valid_from=date(first_year, 1, 1),
                valid_to=date(last_year, 12, 31),
            )
            for code, first_year, last_year in groups
            if (code, date(first_year, 1, 1)) not in former
        ]
    )
    former = {
        (municipality.code, municipality.valid_from): municipality
        for municipality in Municipality.objects.filter(valid_to__isnull=False)
    }
    successions = []
    for (code, first_year, _last_year), targets in groups.items():
        municipality = former[(code, date(first_year, 1, 1))]
        for successor_code, share in targets:
            successor = current[successor_code]
            if (municipality.pk, successor.pk) not in existing_pairs:
                successions.append(Succession(predecessor=municipality, successor=successor, share=share))
    Succession.objects.bulk_create(successions)
    return len(groups), len(successions)
