"""The one write path for observations, shared by the bundled files and the SSB importer."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from distrikt.core.derived import bump_datasets

from ..indicators import BY_CODE
from ..models import DATASET, Indicator, Municipality, Observation


@dataclass(frozen=True)
class ObservationRow:
    """One value to store: municipality code (current structure), indicator, year, value."""

    municipality_code: str
    indicator_code: str
    year: int
    value: float | None
    is_estimate: bool = False
    status: str = ""
    method_version: str = ""


class DataImportError(Exception):
    """An import that cannot be completed; nothing was written."""


def ensure_indicators(codes: Iterable[str]) -> dict[str, Indicator]:
    """Create missing indicators from their definitions; never overwrite edited ones."""
    indicators = {}
    for code in set(codes):
        definition = BY_CODE[code]
        indicators[code], _ = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name_nn": definition.name_nn,
                "name_nb": definition.name_nb,
                "name_en": definition.name_en,
                "unit": definition.unit,
                "source": definition.source,
                "ssb_table": definition.ssb_table,
                "description": definition.description,
                "is_derived": definition.is_derived,
            },
        )
    return indicators


def current_municipalities_by_code() -> dict[str, Municipality]:
    return {municipality.code: municipality for municipality in Municipality.objects.current()}


@transaction.atomic
def write_observations(rows: list[ObservationRow], *, replace: bool) -> tuple[int, int]:
    """Store rows all-or-nothing. Returns (created, updated).

    With replace=False (the bundled data) existing values are kept, so a second run
    never overwrites what an editor or a later import changed. With replace=True (an
    explicit import from SSB) existing values are updated.
    """
    municipalities = current_municipalities_by_code()
    unknown = sorted({row.municipality_code for row in rows} - municipalities.keys())
    if unknown:
        raise DataImportError(
            f"Unknown municipality codes in the current structure: {', '.join(unknown[:10])}"
        )
    indicators = ensure_indicators(row.indicator_code for row in rows)
    existing = {
        (
            observation.municipality_id,
            observation.indicator_id,
            observation.year,
        ): observation
        for observation in Observation.objects.filter(indicator__in=indicators.values()).only(
            "id", "municipality_id", "indicator_id", "year"
        )
    }
    to_create = []
    to_update = []
    for row in rows:
        municipality = municipalities[row.municipality_code]
        indicator = indicators[row.indicator_code]
        key = (municipality.pk, indicator.pk, row.year)
        fields = {
            "value": row.value,
            "is_estimate": row.is_estimate,
            "status": row.status,
            "method_version": row.method_version,
        }
        if key in existing:
            if replace:
                observation = existing[key]
                for name, value in fields.items():
                    setattr(observation, name, value)
                to_update.append(observation)
            continue
        existing[key] = Observation(municipality=municipality, indicator=indicator, year=row.year, **fields)
        to_create.append(existing[key])
    Observation.objects.bulk_create(to_create, batch_size=2000)
    if to_update:
        Observation.objects.bulk_update(
            to_update,
            ["value", "is_estimate", "status", "method_version"],
            batch_size=2000,
        )
    bump_datasets(DATASET)
    return len(to_create), len(to_update)
