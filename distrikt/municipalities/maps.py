"""A light SVG map of the municipalities from the bundled 2024 boundaries (© Kartverket)."""

import json
import math
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from shapely.geometry import shape

SCALE = 80
WEST = 4.0
NORTH = 71.5
COS_LATITUDE = math.cos(math.radians(65))
TOLERANCE_DEGREES = 0.03
PALETTE = ("#f7e6c4", "#e9b872", "#c97b3c", "#8e4a1c", "#4f2407")


def _project(lon: float, lat: float) -> tuple[int, int]:
    return round((lon - WEST) * COS_LATITUDE * SCALE), round((NORTH - lat) * SCALE)


def _ring(coordinates) -> str:
    points: list[tuple[int, int]] = []
    for lon, lat in coordinates:
        point = _project(lon, lat)
        if not points or point != points[-1]:
            points.append(point)
    if len(points) < 3:
        return ""
    return "M" + "L".join(f"{x},{y}" for x, y in points) + "Z"


def boundaries_path() -> Path:
    return Path(settings.DATA_DIR) / "geo" / "kommunar_2024_S.geojson"


@lru_cache(maxsize=1)
def municipality_paths() -> dict[str, str]:
    """SVG path data per municipality code, simplified so the page stays light."""
    with boundaries_path().open(encoding="utf-8") as handle:
        collection = json.load(handle)
    paths = {}
    for feature in collection["features"]:
        geometry = shape(feature["geometry"]).simplify(TOLERANCE_DEGREES, preserve_topology=True)
        polygons = getattr(geometry, "geoms", [geometry])
        paths[feature["properties"]["kommunenummer"]] = "".join(
            _ring(polygon.exterior.coords)
            for polygon in polygons
            if not polygon.is_empty and polygon.area > 1e-5
        )
    return paths


def view_box() -> str:
    width, height = _project(31.5, 57.8)
    return f"0 0 {width} {height}"


def classify(
    values: dict[str, float | None],
) -> tuple[dict[str, int], list[tuple[float, float]]]:
    """Put each value into one of five quantile classes. Returns class per code and the class bounds."""
    known = sorted(value for value in values.values() if value is not None)
    if not known:
        return {}, []
    bounds = []
    for index in range(len(PALETTE)):
        low = known[math.floor(index * (len(known) - 1) / len(PALETTE))]
        high = known[math.floor((index + 1) * (len(known) - 1) / len(PALETTE))]
        bounds.append((low, high))
    classes = {}
    for code, value in values.items():
        if value is None:
            continue
        classes[code] = next(
            (index for index, (_low, high) in enumerate(bounds) if value <= high),
            len(bounds) - 1,
        )
    return classes, bounds
