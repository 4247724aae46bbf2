"""Load SSB's labour-market regions 2024 (bu- og arbeidsmarknadsregionar) as regions."""

from datetime import date
from pathlib import Path

from django.db import transaction

from ..models import Municipality, Region, RegionKind, RegionMembership
from .register import norwegian_slug, read_csv

BA_REGIONS_VALID_FROM = date(2024, 1, 1)
BA_SOURCE = "Statistisk sentralbyrå: Bo- og arbeidsmarkedsregioner 2024"


@transaction.atomic
def load_labour_market_regions(path: Path) -> tuple[int, int]:
    """Create the 159 regions and their members; existing regions are left as edited."""
    municipalities = {municipality.code: municipality for municipality in Municipality.objects.current()}
    regions = {region.code: region for region in Region.objects.filter(kind=RegionKind.LABOUR_MARKET)}
    memberships = set(
        RegionMembership.objects.filter(region__kind=RegionKind.LABOUR_MARKET).values_list(
            "region_id", "municipality_id"
        )
    )
    new_memberships = []
    for row in read_csv(path):
        code = row["ba_region_nr"]
        if code not in regions:
            regions[code] = Region.objects.create(
                kind=RegionKind.LABOUR_MARKET,
                code=code,
                name=row["ba_region_namn"],
                slug=norwegian_slug(f"ba-{code}-{row['ba_region_namn']}"),
                source=BA_SOURCE,
            )
        municipality = municipalities[row["kommunenummer_2024"]]
        if (regions[code].pk, municipality.pk) not in memberships:
            memberships.add((regions[code].pk, municipality.pk))
            new_memberships.append(
                RegionMembership(
                    region=regions[code],
                    municipality=municipality,
                    valid_from=BA_REGIONS_VALID_FROM,
                )
            )
    RegionMembership.objects.bulk_create(new_memberships)
    return len(regions), len(new_memberships)
