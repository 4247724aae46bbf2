"""Server-rendered SVG maps of mainland Norway, in one projection for the whole site.

Everything is projected to UTM zone 33 (EPSG:25833), the grid Kartverket and SSB publish
Norway in, then scaled into one fixed frame of `WIDTH` SVG units. Distances computed in
UTM 33 metres (Merkur's accessibility analysis) use the same transformation.
Coordinates leave this module as strings (see `distrikt.core.svg`), never localised.
"""

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer

from .svg import svg_number, svg_path

# Mainland Norway in UTM 33 metres, with a margin; Svalbard and Jan Mayen are left out.
MIN_X, MAX_X = -100_000, 1_130_000
MIN_Y, MAX_Y = 6_430_000, 7_960_000
WIDTH = 400
SCALE = WIDTH / (MAX_X - MIN_X)
HEIGHT = round((MAX_Y - MIN_Y) * SCALE)
VIEW_BOX = f"0 0 {WIDTH} {HEIGHT}"
# Douglas–Peucker tolerance in SVG units (about 1.5 km): light pages, recognisable shapes.
TOLERANCE = 0.5
MIN_AREA = 0.5
# Five sequential classes, light to dark; dark text stays readable on the light end.
PALETTE = ("#f7e6c4", "#e9b872", "#c97b3c", "#8e4a1c", "#4f2407")
NO_VALUE_COLOUR = "#ffffff"

_to_utm = Transformer.from_crs("EPSG:4326", "EPSG:25833", always_xy=True)
_to_wgs84 = Transformer.from_crs("EPSG:25833", "EPSG:4326", always_xy=True)


def wgs84_to_utm33(longitudes, latitudes) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude (degrees) to UTM 33 easting/northing (metres)."""
    x, y = _to_utm.transform(np.asarray(longitudes, dtype=float), np.asarray(latitudes, dtype=float))
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def utm33_to_wgs84(x, y) -> tuple[np.ndarray, np.ndarray]:
    """UTM 33 easting/northing (metres) to longitude/latitude (degrees)."""
    longitudes, latitudes = _to_wgs84.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return np.asarray(longitudes, dtype=float), np.asarray(latitudes, dtype=float)


def project(longitudes, latitudes) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude to SVG units in the map frame (y grows downwards)."""
    x, y = wgs84_to_utm33(longitudes, latitudes)
    return (x - MIN_X) * SCALE, (MAX_Y - y) * SCALE


@dataclass(frozen=True)
class MapShape:
    """An area on the map: its path data, fill colour (or CSS class) and what it is."""

    path: str
    label: str = ""
    value: float | None = None
    colour: str = ""


@dataclass(frozen=True)
class MapPoint:
    """A place on the map, at SVG coordinates written as machine numbers."""

    x: str
    y: str
    label: str
    css_class: str = ""
    identifier: int | str | None = None


@dataclass
class SvgMap:
    """Everything the map template draws: outlines or coloured areas, and points on top."""

    shapes: list[MapShape] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)
    view_box: str = VIEW_BOX
    point_radius: str = "3"


@lru_cache(maxsize=4)
def boundary_paths(geojson_path: Path, key: str) -> dict[str, str]:
    """SVG path data per feature (by the property `key`) of a GeoJSON file in WGS 84; read once."""
    features = json.loads(Path(geojson_path).read_text(encoding="utf-8"))["features"]
    paths: dict[str, str] = {}
    for feature in features:
        geometry = shapely.geometry.shape(feature["geometry"])
        rings: list[list[tuple[float, float]]] = []
        for polygon in sorted(getattr(geometry, "geoms", [geometry]), key=lambda part: -part.area):
            coordinates = np.asarray(polygon.exterior.coords)
            x, y = project(coordinates[:, 0], coordinates[:, 1])
            projected = shapely.Polygon(np.column_stack([x, y])).simplify(TOLERANCE)
            # Islets smaller than the pen are dropped, but every area keeps its largest part.
            if projected.is_empty or (rings and projected.area < MIN_AREA):
                continue
            rings.append([(float(px), float(py)) for px, py in projected.exterior.coords])
        paths[str(feature["properties"][key])] = svg_path(rings)
    return paths


def place(items, *, label, css_class=lambda item: "") -> list[MapPoint]:
    """Map points for objects with `longitude` and `latitude`; those without are left out."""
    rows = [item for item in items if item.latitude is not None and item.longitude is not None]
    if not rows:
        return []
    x, y = project([item.longitude for item in rows], [item.latitude for item in rows])
    return [
        MapPoint(
            x=svg_number(px),
            y=svg_number(py),
            label=label(item),
            css_class=css_class(item),
            identifier=getattr(item, "pk", None),
        )
        for item, px, py in zip(rows, x, y, strict=True)
    ]


@dataclass(frozen=True)
class LegendClass:
    """One class of a choropleth: its colour and the values it covers."""

    colour: str
    low: float
    high: float


def classify(values: dict[str, float | None]) -> tuple[dict[str, str], list[LegendClass]]:
    """Quantile classes for a choropleth: the colour per key, and the legend."""
    known = sorted(value for value in values.values() if value is not None)
    if not known:
        return {}, []
    count = len(PALETTE)
    legend = [
        LegendClass(
            colour=colour,
            low=known[math.floor(index * (len(known) - 1) / count)],
            high=known[math.floor((index + 1) * (len(known) - 1) / count)],
        )
        for index, colour in enumerate(PALETTE)
    ]
    colours = {}
    for key, value in values.items():
        if value is None:
            continue
        colours[key] = next((item.colour for item in legend if value <= item.high), legend[-1].colour)
    return colours, legend
