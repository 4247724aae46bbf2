"""The shop map as server-rendered SVG: shops and county outlines projected to UTM 33."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

import numpy as np
import shapely

from .accessibility import wgs84_to_utm33

# Mainland Norway in UTM 33 metres, with a margin; Svalbard is left out.
MIN_X, MAX_X = -100_000, 1_130_000
MIN_Y, MAX_Y = 6_430_000, 7_960_000
WIDTH = 400
SCALE = WIDTH / (MAX_X - MIN_X)
HEIGHT = round((MAX_Y - MIN_Y) * SCALE)


@dataclass(frozen=True)
class MapPoint:
    """A shop placed on the map."""

    shop_id: int
    name: str
    x: float
    y: float
    is_active: bool


def to_svg(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (x - MIN_X) * SCALE, (MAX_Y - y) * SCALE


def shop_points(shops) -> list[MapPoint]:
    """Project shops with coordinates (id, name, longitude, latitude, status) to SVG units."""
    rows = [shop for shop in shops if shop.latitude is not None and shop.longitude is not None]
    if not rows:
        return []
    x, y = wgs84_to_utm33(
        np.array([shop.longitude for shop in rows]),
        np.array([shop.latitude for shop in rows]),
    )
    svg_x, svg_y = to_svg(x, y)
    return [
        MapPoint(
            shop_id=shop.pk,
            name=shop.name,
            x=round(float(px), 1),
            y=round(float(py), 1),
            is_active=shop.status == "active",
        )
        for shop, px, py in zip(rows, svg_x, svg_y, strict=True)
    ]


@lru_cache(maxsize=1)
def county_outline_paths() -> tuple[str, ...]:
    """SVG path data of the county borders, simplified to the map's scale; read once."""
    path = Path(
        getattr(
            settings,
            "MERKUR_COUNTY_GEOJSON",
            Path(getattr(settings, "DATA_DIR", "data")) / "geo" / "fylke_2024_S.geojson",
        )
    )
    if not path.exists():
        return ()
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    paths = []
    for feature in features:
        geometry = shapely.geometry.shape(feature["geometry"])
        polygons = getattr(geometry, "geoms", [geometry])
        parts = []
        for polygon in polygons:
            coordinates = np.asarray(polygon.exterior.coords)
            x, y = wgs84_to_utm33(coordinates[:, 0], coordinates[:, 1])
            projected = shapely.Polygon(np.column_stack(to_svg(x, y))).simplify(0.6)
            if projected.is_empty or projected.area < 0.5:
                continue
            points = np.asarray(projected.exterior.coords)
            parts.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in points) + "Z")
        paths.append("".join(parts))
    return tuple(paths)
