"""The geography layer: every event, claim and article place lands on administrative units.

A theatre's ``geo/`` pack (see :mod:`ruydad.geo.gazetteer` for its files) gives provinces and
districts with their ISO 3166-2 codes and OCHA P-codes, every known spelling of their names,
villages, towns and valleys with coordinates, and boundaries. On it:

- :func:`resolve_place`: name (+ context) -> ranked :class:`Candidate` list, empty when not found;
- :func:`locate` / :func:`locate_many`: coordinates -> province and district (STRtree);
- :func:`units`, :func:`boundaries_geojson`: the units and their polygons, for tables and maps;
- :func:`ruydad.geo.enrich.fill_admin_codes`: the ingest enricher that fills admin codes;
- :func:`world_place` / :func:`world_places`: towns and districts of any country (GeoNames, shipped in
  ``ruydad/data/world/``) -> their province's ISO 3166-2 code, for places no theatre covers.

Nothing here names a country: the theatre is a parameter (default
:data:`ruydad.theatres.DEFAULT_THEATRE`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ruydad._lazy import lazy_exports
from ruydad.errors import InputError
from ruydad.theatres import DEFAULT_THEATRE, TheatreInfo, TheatreLike, available_theatres, theatre_info

if TYPE_CHECKING:
    from ruydad.geo.gazetteer import Gazetteer, Place, Unit, build_gazetteer, load_gazetteer
    from ruydad.geo.locate import Location, locate, locate_many
    from ruydad.geo.resolve import MIN_SCORE, Candidate, resolve_place
    from ruydad.geo.world import WorldPlace, world_place, world_places

_EXPORTS = {
    **dict.fromkeys(("Gazetteer", "Place", "Unit", "build_gazetteer", "load_gazetteer"), "ruydad.geo.gazetteer"),
    **dict.fromkeys(("Location", "locate", "locate_many"), "ruydad.geo.locate"),
    **dict.fromkeys(("MIN_SCORE", "Candidate", "resolve_place"), "ruydad.geo.resolve"),
    **dict.fromkeys(("WorldPlace", "world_place", "world_places"), "ruydad.geo.world"),
}
"""The gazetteer (YAML), point location (shapely, numpy) and name resolution load on first use."""
lazy_exports(__name__, _EXPORTS)


def load_theatre(theatre: TheatreLike = DEFAULT_THEATRE) -> Gazetteer:
    """The gazetteer of a theatre (its ``theatre`` attribute holds the theatre's identity)."""
    from ruydad.geo.gazetteer import load_gazetteer

    return load_gazetteer(theatre)


def units(level: int | None = None, theatre: TheatreLike = DEFAULT_THEATRE) -> list[Unit]:
    """The theatre's provinces (level 1), districts (level 2), or both, in P-code order."""
    if level not in (None, 1, 2):
        raise InputError(f"level must be 1 (province) or 2 (district), not {level}")
    from ruydad.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer(theatre)
    return sorted((u for u in gaz.units.values() if level is None or u.level == level),
                  key=lambda u: (u.level, u.pcode))


def boundaries_geojson(level: int = 2, theatre: TheatreLike = DEFAULT_THEATRE) -> dict[str, Any]:
    """Polygons of one level as GeoJSON, each feature's properties carrying all of its codes."""
    if level not in (1, 2):
        raise InputError(f"level must be 1 (province) or 2 (district), not {level}")
    from ruydad.geo.gazetteer import load_gazetteer
    from ruydad.geo.locate import read_geojson

    gaz = load_gazetteer(theatre)
    data = read_geojson(theatre, level)
    features = []
    for feature in data["features"]:
        unit = gaz.units.get(feature["properties"]["pcode"])
        props = dict(feature["properties"])
        if unit is not None:
            province = gaz.admin1_of(unit)
            props.update(name=unit.name, level=unit.level, admin1_code=province.iso_code if province else None,
                         admin1_pcode=province.pcode if province else None, **{
                             f"name_{lang}": value for lang, value in unit.local_names.items()})
        features.append({**feature, "properties": props})
    return {"type": "FeatureCollection", "features": features}


__all__ = [
    "MIN_SCORE",
    "Candidate",
    "Gazetteer",
    "Location",
    "Place",
    "TheatreInfo",
    "Unit",
    "WorldPlace",
    "available_theatres",
    "boundaries_geojson",
    "build_gazetteer",
    "load_gazetteer",
    "load_theatre",
    "locate",
    "locate_many",
    "resolve_place",
    "theatre_info",
    "units",
    "world_place",
    "world_places",
]
