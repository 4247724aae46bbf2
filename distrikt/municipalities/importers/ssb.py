"""SSB's statistics bank (PxWebApi v2) in JSON-stat2: fetch a table, map codes to the current structure.

A table import is all-or-nothing: the response is fetched and parsed completely, every
value is mapped to the 2024 structure (see borders.py), and only then written in one
transaction. HTTP failures, timeouts, unknown tables and malformed JSON raise SsbError
subclasses with a clear message before anything is written.
"""

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import product
from typing import Any

from django.conf import settings

import requests

from .. import indicators
from .borders import BorderMap
from .observations import ObservationRow, write_observations

BASE_URL = "https://data.ssb.no/api/pxwebapi/v2"
MUNICIPALITY_CODE = re.compile(r"^(?:K-)?(\d{4})$")
HERFINDAHL_METHOD = "herfindahl-privat-2siffer-1"


class SsbError(Exception):
    """Something went wrong fetching or reading an SSB table; nothing was written."""


class SsbHttpError(SsbError):
    pass


class SsbTimeout(SsbError):
    pass


class UnknownTable(SsbError):
    pass


class MalformedResponse(SsbError):
    pass


@dataclass
class Dataset:
    """A parsed JSON-stat2 dataset: dimensions in order, their category codes, values and statuses."""

    dimension_ids: list[str]
    categories: dict[str, list[str]]
    labels: dict[str, dict[str, str]]
    values: list[float | None]
    statuses: dict[int, str] = field(default_factory=dict)

    def cells(self) -> Iterator[tuple[dict[str, str], float | None, str]]:
        """Every cell as (codes by dimension, value, status)."""
        for index, codes in enumerate(
            product(*(self.categories[dimension] for dimension in self.dimension_ids))
        ):
            yield (
                dict(zip(self.dimension_ids, codes, strict=True)),
                self.values[index],
                self.statuses.get(index, ""),
            )


def _category_codes(dimension: dict) -> list[str]:
    index = dimension["category"]["index"]
    if isinstance(index, list):
        return list(index)
    if isinstance(index, dict):
        return [code for code, _position in sorted(index.items(), key=lambda item: item[1])]
    raise MalformedResponse("category.index must be a list or an object")


def parse_jsonstat2(data: Any) -> Dataset:
    """Check and read a JSON-stat2 dataset."""
    try:
        if data.get("class") != "dataset" or not str(data.get("version", "")).startswith("2"):
            raise MalformedResponse("not a JSON-stat 2.0 dataset")
        dimension_ids = list(data["id"])
        sizes = list(data["size"])
        if len(dimension_ids) != len(sizes):
            raise MalformedResponse("id and size differ in length")
        categories = {}
        labels = {}
        for dimension_id, size in zip(dimension_ids, sizes, strict=True):
            dimension = data["dimension"][dimension_id]
            codes = _category_codes(dimension)
            if len(codes) != size:
                raise MalformedResponse(
                    f"dimension {dimension_id} has {len(codes)} categories, size says {size}"
                )
            categories[dimension_id] = codes
            labels[dimension_id] = dict(dimension["category"].get("label", {}))
        total = 1
        for size in sizes:
            total *= size
        raw_values = data["value"]
        if isinstance(raw_values, dict):
            values: list[float | None] = [None] * total
            for position, value in raw_values.items():
                values[int(position)] = value
        else:
            values = list(raw_values)
        if len(values) != total:
            raise MalformedResponse(f"{len(values)} values for {total} cells")
        for value in values:
            if value is not None and not isinstance(value, int | float):
                raise MalformedResponse(f"value {value!r} is not a number")
        raw_status = data.get("status") or {}
        if isinstance(raw_status, list):
            statuses = {index: status for index, status in enumerate(raw_status) if status}
        else:
            statuses = {int(index): status for index, status in raw_status.items()}
    except MalformedResponse:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MalformedResponse(f"malformed JSON-stat2: {error!r}") from error
    return Dataset(
        dimension_ids,
        categories,
        labels,
        [float(v) if v is not None else None for v in values],
        statuses,
    )


def _region_and_year(codes: dict[str, str]) -> tuple[str, int] | None:
    match = MUNICIPALITY_CODE.match(codes.get("Region", ""))
    if not match:
        return None
    try:
        return match.group(1), int(codes["Tid"][:4])
    except (KeyError, ValueError) as error:
        raise MalformedResponse("the dataset has no usable Tid dimension") from error


def _has_content(content: str, codes: dict[str, str]) -> bool:
    return codes["ContentsCode"] == content


def _summed(
    dataset: Dataset, where: Callable[[dict[str, str]], bool] = lambda codes: True
) -> dict[tuple[str, int], float | None]:
    """Sum every cell per (region, year); a missing cell makes the sum missing."""
    sums: dict[tuple[str, int], float | None] = {}
    for codes, value, _status in dataset.cells():
        key = _region_and_year(codes)
        if key is None or not where(codes):
            continue
        if key in sums and sums[key] is None:
            continue
        sums[key] = None if value is None else (sums.get(key) or 0.0) + value
    return sums


def _count_rows(
    dataset: Dataset, border_map: BorderMap, indicator_code: str, **filters: str
) -> list[ObservationRow]:
    values = _summed(
        dataset,
        lambda codes: all(codes.get(name) == value for name, value in filters.items()),
    )
    mapped, _notes = border_map.map_counts(values)
    return [
        ObservationRow(code, indicator_code, year, value) for (code, year), value in sorted(mapped.items())
    ]


def population_rows(dataset: Dataset, border_map: BorderMap) -> list[ObservationRow]:
    return _count_rows(dataset, border_map, indicators.POPULATION)


def employment_rows(dataset: Dataset, border_map: BorderMap) -> list[ObservationRow]:
    return _count_rows(dataset, border_map, indicators.EMPLOYMENT)


def diversity_rows(dataset: Dataset, border_map: BorderMap) -> list[ObservationRow]:
    """Inverted Herfindahl over two-digit industries, after mapping counts per industry."""
    if "NACE2007" not in dataset.categories:
        raise MalformedResponse("table 13470 must have a NACE2007 dimension")
    by_industry: dict[str, dict[tuple[str, int], float | None]] = defaultdict(dict)
    for codes, value, _status in dataset.cells():
        industry = codes["NACE2007"]
        key = _region_and_year(codes)
        if key is None or not re.fullmatch(r"\d{2}", industry) or industry in {"00", "99"}:
            continue
        sums = by_industry[industry]
        if key in sums and sums[key] is None:
            continue
        sums[key] = None if value is None else (sums.get(key) or 0.0) + value
    per_industry: dict[tuple[str, int], dict[str, float]] = defaultdict(dict)
    for industry, values in by_industry.items():
        mapped, _notes = border_map.map_counts(values)
        for key, value in mapped.items():
            per_industry[key][industry] = value
    rows = []
    for (code, year), counts in sorted(per_industry.items()):
        total = sum(counts.values())
        if total <= 0:
            continue
        herfindahl = sum((count / total) ** 2 for count in counts.values())
        rows.append(
            ObservationRow(
                code,
                indicators.PRIVATE_DIVERSITY,
                year,
                1 - herfindahl,
                method_version=HERFINDAHL_METHOD,
            )
        )
    return rows


# Content codes of table 06913 (population changes). Checked against the response: a
# table whose codes differ gives a clear error listing the codes it has.
BIRTHS, DEATHS = "Levendefodte", "Dode"
IMMIGRATION, EMIGRATION = "Innvandring", "Utvandring"
IN_MIGRATION, OUT_MIGRATION = "Innflytting", "Utflytting"


def change_rows(dataset: Dataset, border_map: BorderMap) -> list[ObservationRow]:
    """Birth balance, net domestic migration and net immigration per municipality and year."""
    available = set(dataset.categories.get("ContentsCode", []))
    needed = {BIRTHS, DEATHS, IMMIGRATION, EMIGRATION, IN_MIGRATION, OUT_MIGRATION}
    if not needed <= available:
        raise MalformedResponse(
            f"table 06913 lacks content codes {sorted(needed - available)}; it has {sorted(available)}"
        )
    mapped = {}
    for content in needed:
        values = _summed(dataset, partial(_has_content, content))
        mapped[content], _notes = border_map.map_counts(values)
    rows = []
    for indicator_code, plus, minus in (
        (indicators.BIRTH_BALANCE, BIRTHS, DEATHS),
        (indicators.NET_IMMIGRATION, IMMIGRATION, EMIGRATION),
        (indicators.NET_DOMESTIC_MIGRATION, IN_MIGRATION, OUT_MIGRATION),
    ):
        for key in sorted(mapped[plus].keys() & mapped[minus].keys()):
            code, year = key
            rows.append(ObservationRow(code, indicator_code, year, mapped[plus][key] - mapped[minus][key]))
    return rows


@dataclass(frozen=True)
class TableSpec:
    """How to ask for one SSB table and turn it into observations."""

    table_id: str
    title: str
    selection: dict[str, str]
    to_rows: Callable[[Dataset, BorderMap], list[ObservationRow]]


TABLES: dict[str, TableSpec] = {
    spec.table_id: spec
    for spec in (
        TableSpec(
            "07459",
            "Folkemengde 1. januar",
            {"Region": "*", "Kjonn": "*", "Alder": "*", "ContentsCode": "Personer1"},
            population_rows,
        ),
        TableSpec(
            "07984",
            "Sysselsatte etter arbeidssted",
            {
                "Region": "*",
                "NACE2007": "00-99",
                "Kjonn": "0",
                "Alder": "15-74",
                "ContentsCode": "SysselsatteArb",
            },
            employment_rows,
        ),
        TableSpec(
            "13470",
            "Sysselsatte etter arbeidssted og næring (privat sektor)",
            {"Region": "*", "NACE2007": "*", "ContentsCode": "SysselsatteArb"},
            diversity_rows,
        ),
        TableSpec(
            "06913",
            "Befolkningsendringer",
            {
                "Region": "*",
                "ContentsCode": ",".join(
                    (
                        BIRTHS,
                        DEATHS,
                        IMMIGRATION,
                        EMIGRATION,
                        IN_MIGRATION,
                        OUT_MIGRATION,
                    )
                ),
            },
            change_rows,
        ),
    )
}


def table_url(
    table_id: str, selection: dict[str, str], years: list[int] | None
) -> tuple[str, dict[str, str]]:
    params = {"lang": "no", "outputFormat": "json-stat2"}
    for dimension, codes in selection.items():
        params[f"valuecodes[{dimension}]"] = codes
    params["valuecodes[Tid]"] = ",".join(str(year) for year in years) if years else "*"
    return (
        f"{getattr(settings, 'SSB_API_URL', BASE_URL)}/tables/{table_id}/data",
        params,
    )


def fetch(
    table_id: str,
    selection: dict[str, str],
    years: list[int] | None,
    timeout: float = 60,
) -> Any:
    """GET the table as JSON-stat2; raises SsbError subclasses on failure."""
    url, params = table_url(table_id, selection, years)
    try:
        response = requests.get(url, params=params, timeout=timeout)
    except requests.Timeout as error:
        raise SsbTimeout(f"SSB did not answer within {timeout} s for table {table_id}") from error
    except requests.RequestException as error:
        raise SsbHttpError(f"could not reach SSB for table {table_id}: {error}") from error
    if response.status_code == 404:
        raise UnknownTable(f"SSB has no table {table_id}")
    if response.status_code >= 400:
        raise SsbHttpError(f"SSB answered {response.status_code} for table {table_id}: {response.text[:200]}")
    try:
        return response.json()
    except ValueError as error:
        raise MalformedResponse(f"SSB's answer for table {table_id} is not JSON") from error


@dataclass
class ImportResult:
    """What one table import did."""

    table_id: str
    rows: int
    created: int
    updated: int


def import_table(
    table_id: str,
    *,
    years: list[int] | None = None,
    extra_selection: dict[str, str] | None = None,
    data: Any = None,
    fetcher: Callable[..., Any] = fetch,
    progress: Callable[[str], None] = lambda stage: None,
) -> ImportResult:
    """Fetch (or take the given JSON), parse, map and store one table, all or nothing."""
    spec = TABLES.get(table_id)
    if spec is None:
        raise UnknownTable(f"table {table_id} is not configured; known tables: {', '.join(sorted(TABLES))}")
    if data is None:
        progress("fetch")
        data = fetcher(table_id, {**spec.selection, **(extra_selection or {})}, years)
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except ValueError as error:
            raise MalformedResponse(f"table {table_id}: not valid JSON") from error
    progress("parse")
    dataset = parse_jsonstat2(data)
    progress("map")
    rows = spec.to_rows(dataset, BorderMap.from_database())
    progress("write")
    created, updated = write_observations(rows, replace=True)
    return ImportResult(table_id, len(rows), created, updated)
