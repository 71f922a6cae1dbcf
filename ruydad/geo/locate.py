"""Coordinates -> the province and district they fall in (point in polygon).

District polygons go into one shapely STRtree per theatre, built once; a batch of points is
queried in a single vectorised call (tree for bounding boxes, then ``contains_xy`` on prepared
polygons), so a million points take about a second. The province
is the district's parent P-code, which keeps the two levels consistent by construction. A point
in a gap left by boundary simplification (or just across a simplified border) takes the nearest
district within :data:`SNAP_DEGREES`; a point farther out is outside the theatre (None).
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import shapely

from ruydad.errors import InputError
from ruydad.geo.gazetteer import load_gazetteer
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike, theatre_info, theatre_name

SNAP_DEGREES = 0.02
"""About 2 km: wider than the simplification error, narrower than a district."""


@dataclass(frozen=True)
class Location:
    """Where a point falls: admin codes, or all None outside the theatre."""

    latitude: float
    longitude: float
    admin1_code: str | None
    admin1_pcode: str | None
    admin1_name: str | None
    admin2_pcode: str | None
    admin2_name: str | None


@dataclass
class Boundaries:
    """One level's polygons and their STRtree."""

    pcodes: list[str]
    geometries: npt.NDArray[Any]
    tree: shapely.STRtree


def read_geojson(theatre: TheatreLike, level: int) -> dict[str, Any]:
    """A theatre's boundary file for ``level`` as a GeoJSON FeatureCollection."""
    geo = theatre_info(theatre).path / "geo"
    for name in (f"admin{level}.geojson.gz", f"admin{level}.geojson"):
        path = geo / name
        if path.exists():
            raw = path.read_bytes()
            data: dict[str, Any] = json.loads(gzip.decompress(raw) if name.endswith(".gz") else raw)
            return data
    raise InputError(f"theatre {theatre_name(theatre)!r} has no boundaries for level {level} "
                     f"(expected {geo}/admin{level}.geojson[.gz])")


@functools.cache
def load_boundaries(theatre: TheatreLike = DEFAULT_THEATRE, level: int = 2) -> Boundaries:
    """Polygons of one level, indexed once per process."""
    features = read_geojson(theatre, level)["features"]
    geometries = np.array([shapely.geometry.shape(f["geometry"]) for f in features], dtype=object)
    shapely.prepare(geometries)
    return Boundaries(pcodes=[f["properties"]["pcode"] for f in features], geometries=geometries,
                      tree=shapely.STRtree(geometries))


def locate_many(latitudes: npt.ArrayLike, longitudes: npt.ArrayLike,
                theatre: TheatreLike = DEFAULT_THEATRE) -> npt.NDArray[np.object_]:
    """The district P-code of each point (None outside the theatre), vectorised."""
    bounds = load_boundaries(theatre, 2)
    index = district_index(np.asarray(latitudes, dtype=float), np.asarray(longitudes, dtype=float), bounds)
    codes = np.array([*bounds.pcodes, None], dtype=object)
    return codes[index]  # -1 (outside) picks the trailing None


def district_index(lats: npt.NDArray[np.float64], lons: npt.NDArray[np.float64],
                   bounds: Boundaries) -> npt.NDArray[np.intp]:
    """Index into ``bounds.pcodes`` of the polygon holding each point; -1 where none does."""
    result = np.full(lats.shape, -1, dtype=np.intp)
    valid = np.flatnonzero(np.isfinite(lats) & np.isfinite(lons))
    if valid.size == 0:
        return result
    x, y = lons[valid], lats[valid]
    # Bounding boxes from the tree, then one vectorised exact test on the prepared polygons:
    # an order of magnitude faster than a predicate query for points.
    point_index, polygon_index = bounds.tree.query(shapely.points(x, y))
    inside = shapely.contains_xy(bounds.geometries[polygon_index], x[point_index], y[point_index])
    point_index, polygon_index = point_index[inside], polygon_index[inside]
    result[valid[point_index]] = polygon_index  # on a shared border, either side is right
    missing = valid[result[valid] < 0]
    if missing.size:
        near_point, near_polygon = bounds.tree.query_nearest(
            shapely.points(lons[missing], lats[missing]), max_distance=SNAP_DEGREES, all_matches=False)
        result[missing[near_point]] = near_polygon
    return result


def locate(latitude: float, longitude: float, theatre: TheatreLike = DEFAULT_THEATRE) -> Location:
    """The province and district a point falls in."""
    pcode = locate_many([latitude], [longitude], theatre)[0]
    gaz = load_gazetteer(theatre)
    district = gaz.units.get(pcode) if pcode else None
    province = gaz.units.get(district.parent_pcode or "") if district else None
    return Location(
        latitude=latitude, longitude=longitude,
        admin1_code=province.iso_code if province else None, admin1_pcode=province.pcode if province else None,
        admin1_name=province.name if province else None,
        admin2_pcode=district.pcode if district else None, admin2_name=district.name if district else None,
    )


@functools.cache
def borders(theatre: TheatreLike, admin1_pcode: str, admin2_pcode: str | None) -> bool:
    """Whether a district touches (or lies in) a province, within :data:`SNAP_DEGREES`.

    A district without a polygon (created after the boundaries were drawn) counts as bordering
    its own province only.
    """
    if admin2_pcode is None:
        return False
    provinces, districts = load_boundaries(theatre, 1), load_boundaries(theatre, 2)
    if admin1_pcode not in provinces.pcodes or admin2_pcode not in districts.pcodes:
        return load_gazetteer(theatre).units[admin2_pcode].parent_pcode == admin1_pcode
    province = provinces.geometries[provinces.pcodes.index(admin1_pcode)]
    district = districts.geometries[districts.pcodes.index(admin2_pcode)]
    return bool(shapely.dwithin(province, district, SNAP_DEGREES))
