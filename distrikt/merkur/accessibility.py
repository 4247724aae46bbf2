"""Shop accessibility on SSB's 250 m population grid, with a KD-tree over the shops.

Every populated cell (its centre, in UTM 33 / EPSG:25833) is given its nearest and
second-nearest active shop by straight-line distance. A shop's "nearest population" is the
people in cells where it is the nearest shop; of those, the ones whose next shop is more
than 10 or 20 km away depend on it. A municipality's share is its people more than 10 km
from any shop. Road distances would be longer; a road network is out of reach offline.
"""

import json
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

import numpy as np
import shapely
from scipy.spatial import cKDTree

from distrikt.core.derived import bump_datasets
from distrikt.core.maps import utm33_to_wgs84, wgs84_to_utm33
from distrikt.municipalities.models import Municipality

from .models import (
    ACCESSIBILITY_DATASET,
    AccessibilityRun,
    MunicipalityAccessibility,
    Shop,
    ShopAccessibility,
)

CELL_SIZE_M = 250
FAR_M = 10_000
VERY_FAR_M = 20_000
# A shop is critical when at least this many people have it as nearest shop and more
# than 10 km to the next one: the basis for the distance rule in the support schemes.
DEFAULT_CRITICAL_POPULATION = 100


@dataclass(frozen=True)
class PopulationGrid:
    """Cell centres (UTM 33 metres), their population and their 2024 municipality code."""

    x: np.ndarray
    y: np.ndarray
    population: np.ndarray
    municipality_codes: np.ndarray

    @property
    def total_population(self) -> int:
        return int(self.population.sum())


@dataclass(frozen=True)
class AnalysisResult:
    """Per-shop and per-municipality counts, indexed like the input shops and codes."""

    nearest_population: np.ndarray
    next_over_10km: np.ndarray
    next_over_20km: np.ndarray
    distance_to_next_shop_m: np.ndarray
    municipality_population: dict[str, int]
    municipality_over_10km: dict[str, int]


def cell_centres(cell_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """SSB cell id: 7 digits X + 2,000,000 then 7 digits Y of the lower-left corner."""
    x = cell_ids // 10_000_000 - 2_000_000 + CELL_SIZE_M / 2
    y = cell_ids % 10_000_000 + CELL_SIZE_M / 2
    return x.astype(float), y.astype(float)


def municipality_codes_for_points(x: np.ndarray, y: np.ndarray, geojson_path: Path) -> np.ndarray:
    """The 2024 municipality of each point; points off the clipped coast get the nearest one."""
    features = json.loads(Path(geojson_path).read_text(encoding="utf-8"))["features"]
    codes = np.array([feature["properties"]["kommunenummer"] for feature in features])
    polygons = [shapely.geometry.shape(feature["geometry"]) for feature in features]
    tree = shapely.STRtree(polygons)
    longitudes, latitudes = utm33_to_wgs84(x, y)
    points = shapely.points(longitudes, latitudes)
    result = np.full(len(points), "", dtype="<U4")
    point_index, polygon_index = tree.query(points, predicate="within")
    result[point_index] = codes[polygon_index]
    missing = np.flatnonzero(result == "")
    if len(missing):
        nearest_point, nearest_polygon = tree.query_nearest(points[missing], all_matches=False)
        result[missing[nearest_point]] = codes[nearest_polygon]
    return result


@lru_cache(maxsize=2)
def load_population_grid(grid_path: Path, geojson_path: Path) -> PopulationGrid:
    """Read the grid CSV (SSBID0250M, folkemengd) once per process."""
    table = np.loadtxt(grid_path, delimiter=",", skiprows=1, dtype=np.int64, ndmin=2)
    x, y = cell_centres(table[:, 0])
    return PopulationGrid(
        x=x,
        y=y,
        population=table[:, 1],
        municipality_codes=municipality_codes_for_points(x, y, geojson_path),
    )


def default_grid() -> PopulationGrid:
    data_dir = Path(getattr(settings, "DATA_DIR", "data"))
    grid_path = getattr(
        settings,
        "MERKUR_POPULATION_GRID",
        data_dir / "rutenett" / "befolkning_250m_2019.csv",
    )
    geojson_path = getattr(
        settings,
        "MERKUR_MUNICIPALITY_GEOJSON",
        data_dir / "geo" / "kommunar_2024_S.geojson",
    )
    return load_population_grid(Path(grid_path), Path(geojson_path))


def analyse(grid: PopulationGrid, shop_x: np.ndarray, shop_y: np.ndarray) -> AnalysisResult:
    """The whole analysis over arrays; no database. Needs at least one shop."""
    shop_count = len(shop_x)
    shops = np.column_stack([shop_x, shop_y])
    tree = cKDTree(shops)
    cells = np.column_stack([grid.x, grid.y])
    neighbours = min(2, shop_count)
    distances, indices = tree.query(cells, k=neighbours, workers=-1)
    if neighbours == 1:
        nearest, nearest_distance = indices, distances
        next_distance = np.full(len(cells), np.inf)
        shop_next = np.full(shop_count, np.inf)
    else:
        nearest, nearest_distance = indices[:, 0], distances[:, 0]
        next_distance = distances[:, 1]
        shop_next = tree.query(shops, k=2)[0][:, 1]
    population = grid.population
    nearest_population = np.bincount(nearest, weights=population, minlength=shop_count)
    over_10 = np.bincount(nearest, weights=population * (next_distance > FAR_M), minlength=shop_count)
    over_20 = np.bincount(nearest, weights=population * (next_distance > VERY_FAR_M), minlength=shop_count)
    codes, code_index = np.unique(grid.municipality_codes, return_inverse=True)
    municipality_population = np.bincount(code_index, weights=population)
    municipality_far = np.bincount(code_index, weights=population * (nearest_distance > FAR_M))
    return AnalysisResult(
        nearest_population=nearest_population.astype(np.int64),
        next_over_10km=over_10.astype(np.int64),
        next_over_20km=over_20.astype(np.int64),
        distance_to_next_shop_m=shop_next,
        municipality_population={
            str(code): int(value) for code, value in zip(codes, municipality_population, strict=True)
        },
        municipality_over_10km={
            str(code): int(value) for code, value in zip(codes, municipality_far, strict=True)
        },
    )


def critical_population() -> int:
    return int(getattr(settings, "MERKUR_CRITICAL_POPULATION", DEFAULT_CRITICAL_POPULATION))


def recompute_accessibility(grid: PopulationGrid | None = None) -> AccessibilityRun:
    """Run the analysis over every active shop with coordinates and replace the stored results."""
    started = time.perf_counter()
    grid = grid if grid is not None else default_grid()
    shops = list(Shop.objects.active().with_location().values_list("pk", "longitude", "latitude", "is_demo"))
    threshold = critical_population()
    shop_rows: list[ShopAccessibility] = []
    municipality_rows: list[MunicipalityAccessibility] = []
    municipalities = {municipality.code: municipality for municipality in Municipality.objects.current()}
    if shops:
        pks = [row[0] for row in shops]
        shop_x, shop_y = wgs84_to_utm33(
            np.array([row[1] for row in shops]), np.array([row[2] for row in shops])
        )
        result = analyse(grid, shop_x, shop_y)
        for position, pk in enumerate(pks):
            next_m = result.distance_to_next_shop_m[position]
            shop_rows.append(
                ShopAccessibility(
                    shop_id=pk,
                    nearest_population=int(result.nearest_population[position]),
                    population_next_over_10km=int(result.next_over_10km[position]),
                    population_next_over_20km=int(result.next_over_20km[position]),
                    distance_to_next_shop_km=None if np.isinf(next_m) else round(float(next_m) / 1000, 2),
                    is_critical=int(result.next_over_10km[position]) >= threshold,
                )
            )
        population_by_code = result.municipality_population
        far_by_code = result.municipality_over_10km
    else:
        population_by_code = _population_by_code(grid)
        far_by_code = dict(population_by_code)
    for code, population in population_by_code.items():
        municipality = municipalities.get(code)
        if municipality is None:
            continue
        municipality_rows.append(
            MunicipalityAccessibility(
                municipality=municipality,
                population=population,
                population_over_10km=far_by_code.get(code, 0),
            )
        )
    with transaction.atomic():
        # Plain DELETEs: the rows are derived, and per-row delete signals would cost
        # seconds with thousands of shops. The dataset is bumped once below.
        _delete_all(ShopAccessibility, MunicipalityAccessibility, AccessibilityRun)
        ShopAccessibility.objects.bulk_create(shop_rows, batch_size=1000)
        MunicipalityAccessibility.objects.bulk_create(municipality_rows, batch_size=500)
        run = AccessibilityRun.objects.create(
            shop_count=len(shops),
            cell_count=len(grid.population),
            population=grid.total_population,
            seconds=round(time.perf_counter() - started, 3),
            demo_shop_count=sum(1 for row in shops if row[3]),
        )
        bump_datasets(ACCESSIBILITY_DATASET)
    return run


def _delete_all(*models) -> None:
    # The table names come from our models, never from input.
    with connection.cursor() as cursor:
        for model in models:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute("DELETE FROM " + table)  # noqa: S608


def _population_by_code(grid: PopulationGrid) -> dict[str, int]:
    codes, code_index = np.unique(grid.municipality_codes, return_inverse=True)
    totals = np.bincount(code_index, weights=grid.population)
    return {str(code): int(value) for code, value in zip(codes, totals, strict=True)}
